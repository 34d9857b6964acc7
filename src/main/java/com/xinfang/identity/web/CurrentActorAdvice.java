package com.xinfang.identity.web;

import com.xinfang.identity.Actor;
import com.xinfang.identity.CurrentActor;
import com.xinfang.identity.StaffNames;
import com.xinfang.organization.Directory;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person, their unit and their data scope in every page's model. */
@ControllerAdvice(annotations = PageController.class)
class CurrentActorAdvice {

	private final Directory directory;

	private final StaffNames people;

	CurrentActorAdvice(Directory directory, StaffNames people) {
		this.directory = directory;
		this.people = people;
	}

	@ModelAttribute
	void addActor(Model model) {
		Actor actor = CurrentActor.get().orElse(null);
		model.addAttribute("currentActor", actor);
		// names of people for timelines: ${people.of(recordedLabel)}
		model.addAttribute("people", people);
		if (actor != null && actor.isStaff()) {
			model.addAttribute("currentUnitName", directory.unitName(actor.unitCode()));
			model.addAttribute("currentScopeName", switch (actor.scope().type()) {
				case REGION -> directory.regionName(actor.regionCode());
				case UNIT -> directory.unitName(actor.scope().value());
				default -> "无";
			});
		}
	}

}
