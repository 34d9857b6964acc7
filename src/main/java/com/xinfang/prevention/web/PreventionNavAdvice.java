package com.xinfang.prevention.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.CurrentActor;
import com.xinfang.identity.Role;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console navigation which prevention entries work for the person logged in (no dead entries). */
@ControllerAdvice(annotations = PageController.class)
class PreventionNavAdvice {

	/**
	 * villages: overseers of a region; keyPersons: the bureau, leaders and grid workers; decisions: the bureau and leaders;
	 * modelCounty: overseers of a county or the city (not a township).
	 */
	record PreventionNav(boolean villages, boolean keyPersons, boolean decisions, boolean modelCounty) {
	}

	@ModelAttribute
	void preventionNav(Model model) {
		CurrentActor.get().filter(a -> a.isStaff()).ifPresent(a -> {
			boolean overseer = Oversight.regionPrefix(a).isPresent();
			boolean bureau = overseer && a.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER);
			model.addAttribute("preventionNav", new PreventionNav(overseer, bureau || a.hasAny(Role.GRID_WORKER, Role.LEADER), bureau,
					Oversight.regionPrefix(a).map(p -> p.length() <= 6).orElse(false)));
		});
	}

}
