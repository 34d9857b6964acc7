package com.xinfang.supervision.web;

import com.xinfang.calendar.DeadlineClock;
import com.xinfang.calendar.Tone;
import com.xinfang.coordination.JointHandling;
import com.xinfang.coordination.Recommendations;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.DeadlineWatch;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.supervision.CaseOwnership;
import com.xinfang.supervision.SupervisionOrders;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supervisor's board: matters past or near their statutory limit, counted by unit and by county. */
@PageController
class SupervisionPages {

	private final DeadlineWatch watch;

	private final Directory directory;

	private final Clock clock;

	private final CaseOwnership ownership;

	private final SupervisionOrders orders;

	private final Recommendations recommendations;

	private final JointHandling joint;

	SupervisionPages(SupervisionOrders orders, Recommendations recommendations,
			JointHandling joint, CaseOwnership ownership, DeadlineWatch watch,
			Directory directory, Clock clock) {
		this.orders = orders;
		this.recommendations = recommendations;
		this.joint = joint;
		this.ownership = ownership;
		this.watch = watch;
		this.directory = directory;
		this.clock = clock;
	}

	record Row(String number, String title, String unit, String county, LocalDate statutoryDue, long daysLeft, String tone) {
	}

	record Count(String name, long overdue, long dueSoon) {
	}

	@GetMapping("/console/supervision")
	String board(@RequestParam(required = false) String tone,
			@RequestParam(required = false) String unit,
			@RequestParam(required = false) String county, Actor actor, Model model) {
		if (!actor.hasAny(Role.SUPERVISOR, Role.LEADER, Role.ADMIN, Role.UNIT_HEAD, Role.CASE_OFFICER, Role.REVIEWER)) {
			throw new DomainException.Forbidden("只有督办、审核、承办单位和领导可以查看督办看板");
		}
		LocalDate today = LocalDate.now(clock);
		List<Row> rows = watch.dueBy(today.plusDays(DeadlineClock.DUE_SOON_DAYS))
			.stream()
			.filter(m -> actor.scope().permits(m.regionCode(), m.responsibleUnitCode(), null))
			.map(m -> {
				var standing = DeadlineClock.standing(m.statutoryDue(), today);
				return new Row(m.number(), m.title(), directory.unitName(m.responsibleUnitCode() == null ? m.registeringUnitCode()
						: m.responsibleUnitCode()), directory.regionName(m.regionCode().substring(0, 6)), m.statutoryDue(),
						standing.daysLeft(), standing.tone().name());
			})
			.toList();
		// every count clicks through to its matters: the list below, filtered
		model.addAttribute("rows", rows.stream()
			.filter(r -> tone == null || tone.isBlank() || ("OVERDUE".equals(tone) == Tone.OVERDUE.name().equals(r.tone())))
			.filter(r -> unit == null || unit.isBlank() || unit.equals(r.unit()))
			.filter(r -> county == null || county.isBlank() || county.equals(r.county()))
			.toList());
		model.addAttribute("filterTone", tone);
		model.addAttribute("filterUnit", unit);
		model.addAttribute("filterCounty", county);
		model.addAttribute("filtered", !(blank(tone) && blank(unit) && blank(county)));
		model.addAttribute("byUnit", count(rows, true));
		model.addAttribute("byCounty", count(rows, false));
		model.addAttribute("overdue", rows.stream().filter(r -> Tone.OVERDUE.name().equals(r.tone())).count());
		model.addAttribute("dueSoon", rows.stream().filter(r -> !Tone.OVERDUE.name().equals(r.tone())).count());
		// the unit head's part of the board: what the unit owes the supervisors in writing
		model.addAttribute("awaitingOrders", orders.awaitingReply(actor));
		model.addAttribute("awaitingRecommendations", recommendations.visibleTo(actor)
			.stream()
			.filter(r -> r.reply() == null && r.unitCode().equals(actor.unitCode()))
			.toList());
		model.addAttribute("awaitingReportIns", joint.awaitingReportIn(actor));
		return "supervision/board";
	}

	/** The leader's board: the matters they own (领导包案), with the team and the latest progress. */
	@GetMapping("/console/leader")
	String leader(Actor actor, Model model) {
		if (!actor.has(Role.LEADER)) {
			throw new DomainException.Forbidden("只有领导可以查看包案看板");
		}
		model.addAttribute("cases", ownership.ownedBy(actor));
		return "supervision/leader";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static List<Count> count(List<Row> rows, boolean byUnit) {
		Map<String, long[]> counts = new TreeMap<>();
		for (Row r : rows) {
			long[] c = counts.computeIfAbsent(byUnit ? r.unit() : r.county(), k -> new long[2]);
			c[Tone.OVERDUE.name().equals(r.tone()) ? 0 : 1]++;
		}
		return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.sorted((a, b) -> Long.compare(b.overdue(), a.overdue()))
			.toList();
	}

}
