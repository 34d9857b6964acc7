package com.xinfang.analytics.web;

import com.xinfang.analytics.Figures;
import com.xinfang.analytics.Indicators;
import com.xinfang.analytics.MatterList;
import com.xinfang.analytics.StatsQuery;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.organization.Directory;
import com.xinfang.petition.Channel;
import com.xinfang.organization.Region;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 统计分析 in the staff console: the dashboard, the hall's big screen, drill-down lists and exports. */
@PageController
class StatsPages {

	private final Indicators indicators;

	private final MatterList matters;

	private final Directory directory;

	private final MessageSource messages;

	private final Clock clock;

	StatsPages(Indicators indicators, MatterList matters, Directory directory, MessageSource messages,
			Clock clock) {
		this.indicators = indicators;
		this.matters = matters;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	/** A named period: this month, quarter or year, the last 30 days, or the dates given. */
	LocalDate[] period(String preset, LocalDate from, LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		return switch (preset == null ? (from != null || to != null ? "custom" : "month") : preset) {
			case "day" -> new LocalDate[] { today, today };
			case "quarter" -> new LocalDate[] { LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1), today };
			case "year" -> new LocalDate[] { today.withDayOfYear(1), today };
			case "last30" -> new LocalDate[] { today.minusDays(29), today };
			case "custom" -> new LocalDate[] { from, to };
			default -> new LocalDate[] { today.withDayOfMonth(1), today };
		};
	}

	private Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String name : Figures.NAMES) {
			labels.put(name, messages.getMessage("analytics.ind." + name, null, Locale.SIMPLIFIED_CHINESE));
		}
		return labels;
	}

	private Map<String, String> definitions() {
		Map<String, String> defs = new LinkedHashMap<>();
		for (String name : Figures.NAMES) {
			defs.put(name, messages.getMessage("analytics.def." + name, null, Locale.SIMPLIFIED_CHINESE));
		}
		return defs;
	}

	private void common(Model model, Actor actor, StatsQuery q, String preset) {
		model.addAttribute("q", q);
		model.addAttribute("preset", preset == null ? "month" : preset);
		model.addAttribute("labels", labels());
		model.addAttribute("definitions", definitions());
		Map<String, String> channels = new LinkedHashMap<>();
		for (Channel c : Channel.values()) {
			channels.put(c.name(), c.label());
		}
		model.addAttribute("channels", channels);
		List<Region> regions = new ArrayList<>();
		DataScope scope = actor.scope();
		if (scope.type() == DataScope.Type.REGION) {
			String own = scope.value().length() == 4 ? scope.value() + "00" : scope.value();
			directory.region(own).ifPresent(regions::add);
			regions.addAll(directory.regionChildren(own));
		}
		else {
			regions.addAll(directory.region("430700").stream().toList());
			regions.addAll(directory.counties());
		}
		model.addAttribute("regions", regions);
		List<Unit> units = scope.type() == DataScope.Type.UNIT ? directory.unit(scope.value()).stream().toList()
				: directory.units();
		model.addAttribute("units", units);
		model.addAttribute("unitLocked", scope.type() == DataScope.Type.UNIT);
		model.addAttribute("regionName", q.regionCode() == null ? "" : directory.regionName(q.regionCode()));
		model.addAttribute("unitName", q.unitCode() == null ? "" : directory.unitName(q.unitCode()));
	}

	@GetMapping("/console/stats")
	String dashboard(@RequestParam(required = false) String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode, Actor actor,
			Model model) {
		LocalDate[] p = period(period, from, to);
		StatsQuery q = indicators.resolve(actor, p[0], p[1], regionCode, unitCode);
		common(model, actor, q, period);
		return "analytics/dashboard";
	}

	@GetMapping("/console/stats/screen")
	String screen(@RequestParam(required = false) String regionCode, Actor actor, Model model) {
		LocalDate[] p = period("year", null, null);
		StatsQuery q = indicators.resolve(actor, p[0], p[1], regionCode, null);
		common(model, actor, q, "year");
		return "analytics/screen";
	}

	@GetMapping("/console/stats/definitions")
	String definitions(Actor actor, Model model) {
		if (!Indicators.maySee(actor, directory)) {
			throw new DomainException.Forbidden("只有领导、信访部门和单位负责人可以查看统计");
		}
		model.addAttribute("labels", labels());
		model.addAttribute("definitions", definitions());
		return "analytics/definitions";
	}

	@GetMapping("/console/stats/matters")
	String matterList(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		String ind = indicator == null || indicator.isBlank() ? "received" : indicator;
		model.addAttribute("page", matters.page(q, ind, channel, category, page));
		common(model, actor, q, "custom");
		model.addAttribute("indicator", ind);
		model.addAttribute("channel", channel);
		model.addAttribute("category", category);
		model.addAttribute("header", MatterList.HEADER);
		return "analytics/matters";
	}

}
