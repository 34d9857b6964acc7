package com.xinfang.mediation.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.mediation.MediationFigures;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The mediation figures for leaders and the 矛调中心: 排查化解件次 and 调解成功率 by place, organisation, kind and type. */
@PageController
class FiguresPages {

	private final MediationFigures figures;

	private final Directory directory;

	private final Clock clock;

	FiguresPages(MediationFigures figures, Directory directory, Clock clock) {
		this.figures = figures;
		this.directory = directory;
		this.clock = clock;
	}

	record Answer(String region, String regionName, LocalDate from, LocalDate to, MediationFigures.Figures total,
			MediationFigures.By by, List<MediationFigures.Line> lines) {
	}

	@GetMapping("/console/mediation/figures")
	String page(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) MediationFigures.By by, Actor actor, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? LocalDate.of(end.getYear(), 1, 1) : from;
		try {
			model.addAttribute("a", answer(region, start, end, by, actor));
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("a", answer(null, LocalDate.of(today.getYear(), 1, 1), today, by, actor));
		}
		model.addAttribute("dimensions", MediationFigures.By.values());
		return "mediation/figures";
	}

	Answer answer(String region, LocalDate from, LocalDate to, MediationFigures.By by, Actor actor) {
		String prefix = region == null || region.isBlank()
				? Oversight.regionPrefix(actor).orElseThrow(() -> new DomainException.NotFound("没有可查看的调解统计")) : region;
		MediationFigures.By dimension = by != null ? by : prefix.length() <= 4 ? MediationFigures.By.COUNTY
				: prefix.length() == 6 ? MediationFigures.By.TOWNSHIP : MediationFigures.By.ORGANISATION;
		var total = figures.of(prefix, from, to, actor);
		String name = prefix.length() <= 4 ? directory.regionName("430700") : directory.regionPath(prefix);
		return new Answer(prefix, name, from, to, total, dimension, figures.breakdown(prefix, from, to, dimension, actor));
	}

}
