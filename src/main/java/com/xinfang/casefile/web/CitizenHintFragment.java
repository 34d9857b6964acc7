package com.xinfang.casefile.web;

import com.xinfang.casefile.CitizenHints;
import com.xinfang.identity.Actor;
import com.xinfang.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The citizen form's confirm step asks, by htmx, whether the matter may already be in handling. */
@PageController
class CitizenHintFragment {

	private final CitizenHints hints;

	CitizenHintFragment(CitizenHints hints) {
		this.hints = hints;
	}

	@PostMapping("/petition/similar")
	String hint(@RequestParam(required = false) String content, @RequestParam(required = false) String county,
			@RequestParam(required = false) String township, Actor actor, Model model) {
		String region = township != null && !township.isBlank() ? township : county;
		model.addAttribute("hint", hints.before(content, region, actor));
		return "casefile/citizen-hint :: hint";
	}

}
