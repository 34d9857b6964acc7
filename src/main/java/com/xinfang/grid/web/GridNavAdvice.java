package com.xinfang.grid.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.CurrentActor;
import com.xinfang.identity.Role;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the console navigation which 网格调解 entries work for the person logged in (no dead entries). */
@ControllerAdvice(annotations = PageController.class)
class GridNavAdvice {

	/** worker: 网格巡查; overseer: 网格报送情况; mediation: the dispute register and the organisations. */
	record GridNav(boolean worker, boolean overseer, boolean mediation) {

		public boolean any() {
			return worker || overseer || mediation;
		}

	}

	@ModelAttribute
	void gridNav(Model model) {
		CurrentActor.get().filter(a -> a.isStaff()).ifPresent(a -> {
			boolean overseer = Oversight.regionPrefix(a).isPresent();
			model.addAttribute("gridNav", new GridNav(a.has(Role.GRID_WORKER), overseer,
					overseer || a.hasAny(Role.GRID_WORKER, Role.MEDIATOR)));
		});
	}

}
