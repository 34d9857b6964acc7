package com.xinfang.calendar.web;

import com.xinfang.calendar.TimeLimitComplexity;
import com.xinfang.calendar.DayUnit;
import com.xinfang.calendar.DeadlineClock;
import com.xinfang.calendar.Policy;
import com.xinfang.calendar.PolicyInfo;
import com.xinfang.calendar.TimeLimit;
import com.xinfang.calendar.TimeLimitPolicies;
import com.xinfang.calendar.TimeLimitRule;
import com.xinfang.calendar.WorkingCalendar;
import com.xinfang.calendar.internal.CalendarAdministration;
import com.xinfang.calendar.internal.CalendarAdministration.RuleForm;
import com.xinfang.calendar.internal.CalendarStore;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Both clocks' rules for administrators, with editable day counts and an example due date from today. */
@PageController
class TimeLimitPages {

	private final CalendarStore store;

	private final TimeLimitPolicies policies;

	private final WorkingCalendar calendar;

	private final CalendarAdministration administration;

	private final DeadlineClock clock;

	TimeLimitPages(CalendarStore store, TimeLimitPolicies policies, WorkingCalendar calendar,
			CalendarAdministration administration, DeadlineClock clock) {
		this.store = store;
		this.policies = policies;
		this.calendar = calendar;
		this.administration = administration;
		this.clock = clock;
	}

	/** One row of a policy's table; {@code inherited} rows come from the statutory policy and are not edited here. */
	record Row(TimeLimitRule rule, boolean inherited, String key, LocalDate exampleDue) {
	}

	record PolicyView(PolicyInfo info, boolean target, boolean statutory, List<Row> rows) {
	}

	@GetMapping("/admin/time-limits")
	String list(Model model) {
		fill(model, null, null);
		return "admin/time-limits";
	}

	@PostMapping("/admin/time-limits/{policy}/{limit}/{complexity}")
	String change(@PathVariable String policy, @PathVariable String limit, @PathVariable String complexity, RuleForm form,
			Actor actor, Model model, RedirectAttributes redirect) {
		Policy p;
		TimeLimit l;
		TimeLimitComplexity c;
		try {
			p = new Policy(policy);
			l = TimeLimit.valueOf(limit);
			c = "ANY".equals(complexity) ? null : TimeLimitComplexity.valueOf(complexity);
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.NotFound("没有这条时限规则");
		}
		try {
			administration.changeRule(p, l, c, form, actor);
			redirect.addFlashAttribute("flashKey", "timeLimits.flash.changed");
			return "redirect:/admin/time-limits";
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			fill(model, key(p, l, c), form);
			return "admin/time-limits";
		}
	}

	private void fill(Model model, String rejectedKey, RuleForm rejected) {
		LocalDate today = clock.today();
		// see changes made on another node at once
		model.addAttribute("missingYears", store.holidaysNow().missingYears(today));
		List<PolicyView> views = store.policies().stream().map(info -> {
			List<Row> rows = policies.effectiveRules(info.policy()).stream().map(rule -> {
				boolean inherited = !rule.policy().equals(info.policy());
				return new Row(rule, inherited, key(info.policy(), rule.limit(), rule.complexity()),
						rule.dueFrom(today, calendar));
			}).toList();
			return new PolicyView(info, info.policy().equals(policies.targetPolicy()),
					info.policy().equals(policies.statutoryPolicy()), rows);
		}).toList();
		model.addAttribute("policies", views);
		model.addAttribute("today", today);
		model.addAttribute("units", DayUnit.values());
		model.addAttribute("rejectedKey", rejectedKey);
		model.addAttribute("rejected", rejected);
	}

	private static String key(Policy policy, TimeLimit limit, TimeLimitComplexity complexity) {
		return policy.code() + "/" + limit.name() + "/" + (complexity == null ? "ANY" : complexity.name());
	}

}
