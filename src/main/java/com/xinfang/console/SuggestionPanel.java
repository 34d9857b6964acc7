package com.xinfang.console;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.text.Classification;
import com.xinfang.text.ClassificationService;
import com.xinfang.text.Entities;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration desk's 智能建议 panel (htmx): category, kind, legal-channel hint, responsible
 * unit and what the text names, each with a one-click 采纳 that fills the form. The registrar
 * decides; nothing is stored here.
 */
@Controller
class SuggestionPanel {

	/** Shorter texts say too little to classify. */
	static final int MIN_CONTENT = 10;

	private final ClassificationService classification;

	private final Directory directory;

	SuggestionPanel(ClassificationService classification, Directory directory) {
		this.classification = classification;
		this.directory = directory;
	}

	@PostMapping("/console/text/suggest")
	String suggest(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String county, @RequestParam(required = false) String township, Actor actor,
			Model model) {
		if (content == null || content.strip().length() < MIN_CONTENT) {
			return "console/suggestions :: empty";
		}
		String region = township != null && !township.isBlank() ? township : county;
		Classification c = classification.classify(title, content, region == null || region.isBlank() ? null : region,
				actor.unitCode());
		fill(model, c, actor, "#categoryCode", "#kind", true);
		return "console/suggestions :: panel";
	}

	/** The model of the panel; the selectors name the form fields that 采纳 fills. */
	void fill(Model model, Classification c, Actor actor, String categorySelector, String kindSelector, boolean deskForm) {
		model.addAttribute("clf", c);
		model.addAttribute("clfDeskForm", deskForm);
		model.addAttribute("names", new Names(directory));
		model.addAttribute("categorySelector", categorySelector);
		model.addAttribute("kindSelector", kindSelector);
		Entities e = c.entities();
		String region = e.regionCode();
		Map<String, String> place = new LinkedHashMap<>();
		if (region != null && actor.scope().permits(region, null, null)) {
			Region r = directory.region(region).orElse(null);
			if (r != null && r.level() != Region.Level.CITY) {
				place.put("#county", r.countyCode());
				if (r.code().length() >= 9) {
					place.put("#township", r.code().substring(0, 9));
				}
			}
		}
		model.addAttribute("placeFill", place.isEmpty() ? null : json(place));
		model.addAttribute("placeName", region == null ? null : directory.regionPath(region));
		Map<String, String> accused = new LinkedHashMap<>();
		if (e.firstOrganization() != null) {
			accused.put("#accusedUnit", e.firstOrganization());
		}
		if (e.firstPerson() != null) {
			accused.put("#accusedPerson", e.firstPerson());
		}
		model.addAttribute("accusedFill", accused.isEmpty() ? null : json(accused));
		Map<String, String> all = new LinkedHashMap<>();
		all.put(categorySelector, c.bestCategory().value());
		all.put(kindSelector, c.kind().value());
		all.putAll(place);
		if ("ACCUSATION".equals(c.kind().value())) {
			all.putAll(accused);
		}
		model.addAttribute("allFill", json(all));
	}

	/** A flat JSON object of selector → value for the page script (values escaped for JSON). */
	static String json(Map<String, String> fill) {
		StringBuilder b = new StringBuilder("{");
		fill.forEach((k, v) -> {
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('"').append(escape(k)).append("\":\"").append(escape(v)).append('"');
		});
		return b.append('}').toString();
	}

	private static String escape(String s) {
		StringBuilder out = new StringBuilder();
		for (char ch : s.toCharArray()) {
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (ch < 0x20) {
						out.append(String.format("\\u%04x", (int) ch));
					}
					else {
						out.append(ch);
					}
				}
			}
		}
		return out.toString();
	}

}
