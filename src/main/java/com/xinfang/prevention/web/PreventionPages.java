package com.xinfang.prevention.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.prevention.KeyPersons;
import com.xinfang.prevention.StabilityAssessments;
import com.xinfang.prevention.VillageRatings;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The prevention pages: 无上访村(社区) per county, the key-person list and entry, the major-decision register. */
@Controller
class PreventionPages {

	private final VillageRatings ratings;

	private final KeyPersons keyPersons;

	private final StabilityAssessments decisions;

	private final Clock clock;

	PreventionPages(VillageRatings ratings, KeyPersons keyPersons, StabilityAssessments decisions, Clock clock) {
		this.ratings = ratings;
		this.keyPersons = keyPersons;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/console/prevention/villages")
	String villages(@RequestParam(required = false) String county, @RequestParam(required = false) Integer year, Actor actor, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		String prefix = Oversight.regionPrefix(actor).orElseThrow(() -> new DomainException.NotFound("没有可查看的评定"));
		String c = county != null && !county.isBlank() ? county : prefix.length() >= 6 ? prefix.substring(0, 6) : "430702";
		int y = year == null ? today.getYear() : year;
		model.addAttribute("lines", ratings.county(c, y, actor));
		model.addAttribute("county", c);
		model.addAttribute("year", y);
		model.addAttribute("indicators", ratings.indicators());
		return "prevention/villages";
	}

	@GetMapping("/console/key-persons")
	String keyPersons(@RequestParam(defaultValue = "false") boolean all, Actor actor, Model model) {
		model.addAttribute("rows", keyPersons.list(actor, all));
		model.addAttribute("all", all);
		return "prevention/key-persons";
	}

	@GetMapping("/console/key-persons/{id}")
	String keyPerson(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("k", keyPersons.view(id, actor));
		model.addAttribute("today", LocalDate.now(clock.withZone(BeijingTime.ZONE)));
		return "prevention/key-person";
	}

	@PostMapping("/console/key-persons/{id}/visits")
	String visit(@PathVariable long id, @RequestParam(required = false) LocalDate visitedOn, @RequestParam(required = false) String note,
			Actor actor, Model model, RedirectAttributes redirect) {
		try {
			keyPersons.visit(id, new KeyPersons.Visit(visitedOn, note), actor);
			redirect.addFlashAttribute("flash", "走访已记录");
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			return keyPerson(id, actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/key-persons/" + id;
	}

	@GetMapping("/console/decisions")
	String decisions(Actor actor, Model model) {
		model.addAttribute("decisions", decisions.list(actor));
		return "prevention/decisions";
	}

	@GetMapping("/console/decisions/{id}")
	String decision(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("d", decisions.view(id, actor));
		return "prevention/decision";
	}

	@PostMapping("/console/decisions/{id}/taken")
	String taken(@PathVariable long id, @RequestParam(required = false) LocalDate takenOn, @RequestParam(required = false) String note,
			@RequestParam int version, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			decisions.recordTaken(id, new StabilityAssessments.Taking(takenOn, note, version), actor);
			redirect.addFlashAttribute("flash", "已记录为已决策");
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			return decision(id, actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/decisions/" + id;
	}

}
