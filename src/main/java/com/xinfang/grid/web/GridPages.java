package com.xinfang.grid.web;

import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.grid.PatrolLog;
import com.xinfang.grid.WorkerStatus;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The grid worker's phone pages (走访记录, 零报告) and the township's reporting page. */
@PageController
class GridPages {

	private final Grids grids;

	private final PatrolLog log;

	private final Directory directory;

	private final Clock clock;

	GridPages(Grids grids, PatrolLog log, Directory directory, Clock clock) {
		this.grids = grids;
		this.log = log;
		this.directory = directory;
		this.clock = clock;
	}

	/** The patrol form as typed, kept when it is sent back with problems. */
	record PatrolForm(String gridCode, LocalDate day, Integer householdsVisited, Integer disputesFound, Integer demandsFound,
			Integer hazardsFound, String note) {
	}

	@GetMapping("/console/grid")
	String home(Actor actor, Model model) {
		if (!actor.has(Role.GRID_WORKER)) {
			if (Oversight.regionPrefix(actor).isPresent()) {
				return "redirect:/console/grid/reporting";
			}
			throw new DomainException.Forbidden("只有网格员可以使用网格巡查");
		}
		LocalDate today = today();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PatrolForm(null, today, null, null, null, null, null));
		}
		return phone(actor, model, today);
	}

	private String phone(Actor actor, Model model, LocalDate today) {
		var memberships = grids.membershipsOf(actor.userId());
		var recent = log.recentOf(actor, 20);
		model.addAttribute("memberships", memberships);
		model.addAttribute("recent", recent);
		model.addAttribute("today", today);
		model.addAttribute("reportedToday", recent.stream().filter(p -> p.day().equals(today)).map(PatrolLog.Patrol::gridCode).toList());
		return "grid/phone";
	}

	@PostMapping("/console/grid/patrol")
	String patrol(PatrolForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			log.record(form.gridCode(), new PatrolLog.PatrolInput(form.day(), form.householdsVisited(), form.disputesFound(),
					form.demandsFound(), form.hazardsFound(), form.note()), actor);
		}
		catch (DomainException.Invalid | DomainException.Conflict ex) {
			model.addAttribute("form", form);
			model.addAttribute("problems", ex instanceof DomainException.Invalid inv ? inv.problems()
					: List.of(new DomainException.FieldProblem("day", ex.getMessage())));
			return phone(actor, model, today());
		}
		redirect.addFlashAttribute("flash", "走访记录已保存");
		return "redirect:/console/grid";
	}

	@PostMapping("/console/grid/zero-report")
	String zeroReport(@RequestParam String gridCode, Actor actor, RedirectAttributes redirect) {
		try {
			log.zeroReport(gridCode, today(), actor);
			redirect.addFlashAttribute("flash", "今日零报告已提交");
		}
		catch (DomainException.Invalid | DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/grid";
	}

	@GetMapping("/console/grid/reporting")
	String reporting(@RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor,
			Model model) {
		String prefix = Oversight.regionPrefix(actor)
			.orElseThrow(() -> new DomainException.Forbidden("只有乡镇（街道）、县级矛调中心和信访部门可以查看网格报送情况"));
		// the townships the person oversees: their own, or those of their county / the city's demo counties
		List<Region> townships = townshipsUnder(prefix);
		String chosen = region != null ? region : (prefix.length() >= 9 ? prefix : townships.isEmpty() ? prefix : townships.get(0).code());
		LocalDate end = to == null ? today() : to;
		LocalDate start = from == null ? end : from;
		model.addAttribute("townships", townships);
		model.addAttribute("region", chosen);
		model.addAttribute("regionName", directory.regionPath(chosen));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		List<PatrolLog.Reporting> rows = log.reporting(chosen, start, end, actor);
		model.addAttribute("rows", rows);
		model.addAttribute("missing", rows.stream().filter(r -> r.missingDays() > 0).count());
		model.addAttribute("statuses", WorkerStatus.values());
		model.addAttribute("mayChangeStatus", actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN));
		return "grid/reporting";
	}

	@PostMapping("/console/grid/status")
	String status(@RequestParam String gridCode, @RequestParam long userId, @RequestParam WorkerStatus status,
			@RequestParam int version, @RequestParam(required = false) String region, Actor actor, RedirectAttributes redirect) {
		try {
			grids.changeStatus(gridCode, userId, status, version, actor);
			redirect.addFlashAttribute("flash", "网格员状态已调整为" + status.label());
		}
		catch (DomainException.Conflict | DomainException.Invalid ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		redirect.addAttribute("region", region);
		return "redirect:/console/grid/reporting";
	}

	private List<Region> townshipsUnder(String prefix) {
		if (prefix.length() >= 9) {
			return directory.region(prefix.substring(0, 9)).stream().toList();
		}
		return directory.counties()
			.stream()
			.filter(c -> c.code().startsWith(prefix))
			.flatMap(c -> directory.regionChildren(c.code()).stream())
			.filter(t -> !grids.under(t.code()).isEmpty())
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

}
