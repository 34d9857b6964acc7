package com.xinfang.console;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.PageController;
import com.xinfang.text.Classification;
import com.xinfang.text.ClassificationService;
import com.xinfang.text.Entities;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration desk's 智能建议 panel (htmx): category, kind, legal-channel hint, responsible
 * unit and what the text names, each with a one-click 采纳 that fills the form. The registrar
 * decides; nothing is stored here.
 */
@PageController
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
		// 反映对象: only what reads as a name; a fragment of a sentence is not offered at all
		var organizations = e.organizations().stream().filter(SuggestionPanel::looksLikeOrganization).distinct().limit(3).toList();
		var persons = e.persons().stream().filter(SuggestionPanel::looksLikePerson).distinct().limit(3).toList();
		model.addAttribute("accusedOrganizations", organizations);
		model.addAttribute("accusedPersons", persons);
		Map<String, String> accused = new LinkedHashMap<>();
		if (!organizations.isEmpty()) {
			accused.put("#accusedUnit", organizations.get(0));
		}
		if (!persons.isEmpty()) {
			accused.put("#accusedPerson", persons.get(0));
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

	private static final Pattern ORGANIZATION = Pattern.compile(
			"[\\p{IsHan}A-Za-z0-9（）()]{2,28}(公司|集团|厂|局|委员会|委|办公室|办事处|办|院|所|中心|学校|小学|中学|大学|医院|政府|银行|合作社|站|队|店|社区|村委会|居委会|街道|镇|乡|部|处|科|馆|园)");

	/** Characters a name does not start with: the extraction took a word of the sentence before it. */
	private static final String NOT_A_START = "比和与向在对被把给跟同从到的了该其此这那等及或并且就也都还又而但是有为";

	static boolean looksLikeOrganization(String s) {
		return s != null && s.length() >= 4 && ORGANIZATION.matcher(s).matches() && NOT_A_START.indexOf(s.charAt(0)) < 0;
	}

	static boolean looksLikePerson(String s) {
		return s != null && s.matches("[\\p{IsHan}·]{2,6}") && NOT_A_START.indexOf(s.charAt(0)) < 0;
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
