package com.xinfang.coordination.web;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.accountability.AccountabilityRates;
import com.xinfang.accountability.Backlog;
import com.xinfang.coordination.CoordinationRecords;
import com.xinfang.coordination.JointHandling;
import com.xinfang.accountability.ProhibitedConduct;
import com.xinfang.coordination.Recommendations;
import com.xinfang.platform.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 协调与问责 in the staff console: joint handling (吹哨报到), the backlog (积案), the accountability
 * rates, 三项建议, leader reception days and joint meetings, and the Art 26 records — one page with
 * a tab per lever, each shown only to the roles that use it.
 */
@PageController
class CoordinationPages {

	enum Tab {

		JOINT, BACKLOG, ACCOUNTABILITY, RECOMMENDATIONS, RECEPTIONS, MEETINGS, CONDUCT

	}

	private final JointHandling joint;

	private final Backlog backlog;

	private final AccountabilityRates rates;

	private final Recommendations recommendations;

	private final CoordinationRecords records;

	private final ProhibitedConduct conduct;

	private final Directory directory;

	private final Clock clock;

	CoordinationPages(JointHandling joint, Backlog backlog, AccountabilityRates rates, Recommendations recommendations,
			CoordinationRecords records, ProhibitedConduct conduct, Directory directory, Clock clock) {
		this.joint = joint;
		this.backlog = backlog;
		this.rates = rates;
		this.recommendations = recommendations;
		this.records = records;
		this.conduct = conduct;
		this.directory = directory;
		this.clock = clock;
	}

	/** Which tabs a role sees: Art 26 only for the bureau's supervisors and leaders. */
	List<Tab> tabsFor(Actor actor) {
		List<Tab> tabs = new ArrayList<>(List.of(Tab.JOINT, Tab.BACKLOG, Tab.ACCOUNTABILITY, Tab.RECOMMENDATIONS));
		boolean bureau = directory.isPetitionBureau(actor.unitCode());
		if (actor.has(Role.LEADER) || bureau) {
			tabs.add(Tab.RECEPTIONS);
			tabs.add(Tab.MEETINGS);
		}
		if (actor.hasAny(Role.SUPERVISOR, Role.LEADER) && bureau) {
			tabs.add(Tab.CONDUCT);
		}
		return tabs;
	}

	@GetMapping("/console/coordination")
	String page(@RequestParam(defaultValue = "JOINT") String tab, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor, Model model) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅限工作人员");
		}
		Tab current;
		try {
			current = Tab.valueOf(tab);
		}
		catch (IllegalArgumentException ex) {
			current = Tab.JOINT;
		}
		List<Tab> tabs = tabsFor(actor);
		if (!tabs.contains(current)) {
			if (current == Tab.CONDUCT) {
				conduct.list(actor, null); // refused and audited
			}
			throw new DomainException.Forbidden("您无权查看该栏目");
		}
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		model.addAttribute("tabs", tabs);
		model.addAttribute("tab", current.name());
		model.addAttribute("units", directory.units());
		switch (current) {
			case JOINT -> {
				model.addAttribute("awaiting", joint.awaitingReportIn(actor));
				model.addAttribute("reportIns", joint.reportInCounts(actor));
			}
			case BACKLOG -> {
				int y = year == null ? today.getYear() : year;
				model.addAttribute("year", y);
				model.addAttribute("backlogTable", table(backlog.counts(y, actor)));
				model.addAttribute("backlogOpen", backlog.open(actor, 200));
			}
			case ACCOUNTABILITY -> {
				LocalDate f = from == null ? today.withDayOfYear(1) : from;
				LocalDate t = to == null ? today : to;
				if (t.isBefore(f)) {
					throw new DomainException.Invalid("to", "结束日期不能早于开始日期");
				}
				model.addAttribute("from", f);
				model.addAttribute("to", t);
				model.addAttribute("rates", rates.perUnit(f, t, null, actor));
				model.addAttribute("total", rates.total(f, t, null, actor));
			}
			case RECOMMENDATIONS -> {
				model.addAttribute("recommendations", recommendations.visibleTo(actor));
				model.addAttribute("recommendationKinds", Recommendations.Kind.values());
				model.addAttribute("mayRecommend", directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.SUPERVISOR, Role.LEADER));
				model.addAttribute("recommendationRates", recommendations.replyRates(actor));
			}
			case RECEPTIONS -> {
				model.addAttribute("receptions", records.receptions(actor));
				model.addAttribute("leaders", records.leaders(actor));
			}
			case MEETINGS -> model.addAttribute("meetings", records.meetings(actor));
			case CONDUCT -> {
				model.addAttribute("conduct", conduct.list(actor, null));
				model.addAttribute("behaviours", ProhibitedConduct.Behaviour.values());
				model.addAttribute("now", LocalDateTime.now(clock.withZone(BeijingTime.ZONE)).withSecond(0).withNano(0));
			}
		}
		model.addAttribute("myDecisions", records.openDecisionsFor(actor));
		return "supervision/coordination";
	}

	/** Rows per county, twelve months each: [new, resolved, relapsed, open at month end]. */
	record CountyRow(String county, long[][] months, long[] totals) {
	}

	private static List<CountyRow> table(List<Backlog.MonthCount> counts) {
		Map<String, long[][]> byCounty = new TreeMap<>();
		for (Backlog.MonthCount c : counts) {
			long[][] m = byCounty.computeIfAbsent(c.countyName(), k -> new long[12][4]);
			m[c.month() - 1] = new long[] { c.newCases(), c.resolved(), c.relapsed(), c.openAtMonthEnd() };
		}
		List<CountyRow> rows = new ArrayList<>();
		byCounty.forEach((county, months) -> {
			long[] totals = new long[4];
			for (long[] m : months) {
				totals[0] += m[0];
				totals[1] += m[1];
				totals[2] += m[2];
			}
			totals[3] = months[11][3];
			for (int i = 11; i >= 0 && totals[3] == 0; i--) {
				totals[3] = months[i][3];
			}
			rows.add(new CountyRow(county, months, totals));
		});
		return rows;
	}

	// --- acts from the case page (吹哨报到, 认定) -------------------------------------------------

	@PostMapping("/console/petitions/{number}/joint")
	String whistle(@PathVariable String number, @RequestParam(required = false) String[] unitCodes,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer reportDays, Actor actor,
			RedirectAttributes redirect) {
		return onCase(number, redirect, "已吹哨，已通知被召集单位", () -> joint.blowWhistle(number,
				new JointHandling.Whistle(unitCodes == null ? List.of() : Arrays.asList(unitCodes), reason, reportDays), actor));
	}

	@PostMapping("/console/petitions/{number}/joint/report-in")
	String reportIn(@PathVariable String number, @RequestParam(required = false) String text, Actor actor,
			RedirectAttributes redirect) {
		return onCase(number, redirect, "已报到", () -> joint.reportIn(number, text, actor));
	}

	@PostMapping("/console/petitions/{number}/joint/contribution")
	String contribute(@PathVariable String number, @RequestParam(required = false) String text, Actor actor,
			RedirectAttributes redirect) {
		return onCase(number, redirect, "已记录本单位办理情况", () -> joint.contribute(number, text, actor));
	}

	@PostMapping("/console/petitions/{number}/joint/reply")
	String combinedReply(@PathVariable String number, @RequestParam(required = false) String text, Actor actor,
			RedirectAttributes redirect) {
		return onCase(number, redirect, "已作出综合答复", () -> joint.combinedReply(number, text, actor));
	}

	@PostMapping("/console/petitions/{number}/findings")
	String finding(@PathVariable String number, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, Actor actor, RedirectAttributes redirect) {
		return onCase(number, redirect, "已记录认定", () -> rates.find(number, kind, reason, actor));
	}

	// --- acts from the coordination page --------------------------------------------------------

	@PostMapping("/console/coordination/recommendations")
	String recommend(@RequestParam(required = false) String kind, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) Integer replyDays, Actor actor, RedirectAttributes redirect) {
		return onTab("RECOMMENDATIONS", redirect, "已提出建议",
				() -> recommendations.issue(new Recommendations.Issue(kind, unitCode, title, content, replyDays), actor));
	}

	@PostMapping("/console/coordination/recommendations/{id}/reply")
	String replyToRecommendation(@PathVariable long id, @RequestParam(required = false) String text, Actor actor,
			RedirectAttributes redirect) {
		return onTab("RECOMMENDATIONS", redirect, "已书面回复", () -> recommendations.reply(id, text, actor));
	}

	@PostMapping("/console/coordination/receptions")
	String schedule(@RequestParam(required = false) Long leaderUserId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String place, @RequestParam(required = false) String topic, Actor actor,
			RedirectAttributes redirect) {
		return onTab("RECEPTIONS", redirect, "已安排接访",
				() -> records.schedule(new CoordinationRecords.Schedule(leaderUserId, day, place, null, topic), actor));
	}

	@PostMapping("/console/coordination/receptions/{id}/visits")
	String visit(@PathVariable long id, @RequestParam(required = false) String number,
			@RequestParam(required = false) String instructions, Actor actor, RedirectAttributes redirect) {
		return onTab("RECEPTIONS", redirect, "已登记接访事项",
				() -> records.recordVisit(id, number == null ? null : number.strip(), instructions, actor));
	}

	@PostMapping("/console/coordination/meetings")
	String meeting(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String title, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String summary, @RequestParam(required = false) String matters,
			@RequestParam(required = false) String[] decision, @RequestParam(required = false) String[] ownerUnit,
			@RequestParam(required = false) String[] due, Actor actor, RedirectAttributes redirect) {
		return onTab("MEETINGS", redirect, "已记录联席会议", () -> {
			List<CoordinationRecords.NewDecision> decisions = new ArrayList<>();
			for (int i = 0; decision != null && i < decision.length; i++) {
				if (decision[i] == null || decision[i].isBlank()) {
					continue;
				}
				LocalDate d = due != null && i < due.length && due[i] != null && !due[i].isBlank() ? LocalDate.parse(due[i]) : null;
				decisions.add(new CoordinationRecords.NewDecision(decision[i], ownerUnit != null && i < ownerUnit.length ? ownerUnit[i] : null, d));
			}
			List<String> numbers = matters == null ? List.of() : Arrays.asList(matters.split("[,，\\s]+"));
			return records.recordMeeting(new CoordinationRecords.NewMeeting(heldOn, title, null, participants, summary, numbers,
					decisions), actor);
		});
	}

	@PostMapping("/console/coordination/decisions/{id}/done")
	String decisionDone(@PathVariable long id, @RequestParam(required = false) String text, Actor actor,
			RedirectAttributes redirect) {
		return onTab("JOINT", redirect, "已报告落实情况", () -> {
			records.completeDecision(id, text, actor);
			return null;
		});
	}

	@PostMapping("/console/coordination/conduct")
	String recordConduct(@RequestParam(required = false) String number, @RequestParam(required = false) String personName,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String behaviour,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String facts,
			@RequestParam(required = false) String handling, Actor actor, RedirectAttributes redirect) {
		return onTab("CONDUCT", redirect, "已记录", () -> conduct.record(new ProhibitedConduct.Report(number, personName, idNumber,
				null, behaviour, occurredAt == null ? null : occurredAt.atZone(BeijingTime.ZONE).toOffsetDateTime(), place, facts,
				handling), actor));
	}

	private static String onCase(String number, RedirectAttributes redirect, String done, Supplier<?> act) {
		try {
			act.get();
			redirect.addFlashAttribute("flash", done);
		}
		catch (DomainException ex) {
			if (ex instanceof DomainException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/console/petitions/" + number;
	}

	private static String onTab(String tab, RedirectAttributes redirect, String done, Supplier<?> act) {
		try {
			act.get();
			redirect.addFlashAttribute("flash", done);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("actionError", "日期格式不正确");
		}
		return "redirect:/console/coordination?tab=" + tab;
	}

}
