package com.xinfang.casefile.web;

import com.xinfang.casefile.ClassCases;
import com.xinfang.casefile.Warnings;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 类案 list and page (confirm, rename, split, merge, start a 完善政策建议) and the warnings panel. */
@PageController
class ClassCasePages {

	private final ClassCases classes;

	private final Warnings warnings;

	private final Directory directory;

	ClassCasePages(ClassCases classes, Warnings warnings, Directory directory) {
		this.classes = classes;
		this.warnings = warnings;
		this.directory = directory;
	}

	@GetMapping("/console/class-cases")
	String list(Actor actor, Model model) {
		model.addAttribute("classes", classes.list(actor));
		model.addAttribute("warnings", warnings.visibleTo(actor));
		model.addAttribute("rule", Warnings.rule());
		return "casefile/class-cases";
	}

	@GetMapping("/console/class-cases/{id}")
	String detail(@PathVariable long id, Actor actor, Model model) {
		var detail = classes.detail(id, actor);
		model.addAttribute("detail", detail);
		model.addAttribute("mayEdit", actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR));
		model.addAttribute("others", classes.list(actor).stream().filter(s -> s.id() != id).toList());
		model.addAttribute("mayRecommend", directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.SUPERVISOR, Role.LEADER));
		model.addAttribute("units", directory.units());
		var s = detail.summary();
		model.addAttribute("recTitle", "关于" + s.name() + "类案的完善政策建议");
		model.addAttribute("recContent", "类案「" + s.name() + "」：" + s.matters() + "件、" + s.people() + "人，涉及"
				+ String.join("、", s.places()) + "；首次" + s.first().toLocalDate() + "，最近" + s.latest().toLocalDate()
				+ "。建议：");
		return "casefile/class-case";
	}

	@PostMapping("/console/class-cases/{id}")
	String act(@PathVariable long id, @RequestParam(required = false) String action, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String name, @RequestParam(required = false) List<String> numbers,
			@RequestParam(required = false) Long into, Actor actor, RedirectAttributes redirect) {
		try {
			long next = classes.act(id, new ClassCases.Action(action, version, name, numbers, into), actor);
			redirect.addFlashAttribute("flash", "已保存");
			return "redirect:/console/class-cases/" + next;
		}
		catch (DomainException.Invalid | DomainException.Conflict ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/console/class-cases/" + id;
		}
	}

	/** Loaded by htmx into the supervisor's board and the leader's dashboard. */
	@GetMapping("/console/warnings/panel")
	String panel(Actor actor, Model model) {
		model.addAttribute("warnings", warnings.visibleTo(actor));
		model.addAttribute("rule", Warnings.rule());
		return "casefile/warnings :: panel";
	}

}
