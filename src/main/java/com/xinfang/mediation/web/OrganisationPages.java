package com.xinfang.mediation.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.mediation.OrgKind;
import com.xinfang.mediation.Organisations;
import com.xinfang.platform.PageController;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory of mediation organisations and their rooms (调解室), and one organisation with its mediators. */
@PageController
class OrganisationPages {

	private final Organisations organisations;

	OrganisationPages(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping("/console/mediation/organisations")
	String directory(@RequestParam(required = false) OrgKind kind, Actor actor, Model model) {
		String prefix = Oversight.regionPrefix(actor).orElse(actor.regionCode() == null ? "43" : actor.regionCode().substring(0, 6));
		List<Organisations.Summary> all = organisations.directory(prefix, null);
		Map<OrgKind, int[]> byKind = new EnumMap<>(OrgKind.class);
		for (OrgKind k : OrgKind.values()) {
			byKind.put(k, new int[2]);
		}
		for (Organisations.Summary s : all) {
			int[] c = byKind.get(s.kind());
			c[0]++;
			c[1] += s.rooms();
		}
		model.addAttribute("byKind", byKind);
		model.addAttribute("rows", kind == null ? all : all.stream().filter(s -> s.kind() == kind).toList());
		model.addAttribute("kinds", OrgKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("rooms", all.stream().mapToInt(Organisations.Summary::rooms).sum());
		return "mediation/organisations";
	}

	@GetMapping("/console/mediation/organisations/{id}")
	String organisation(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("o", organisations.visible(id, actor));
		return "mediation/organisation";
	}

}
