package com.xinfang.intake.web;

import com.xinfang.organization.Directory;
import com.xinfang.platform.PageController;
import com.xinfang.text.Classification;
import com.xinfang.text.ClassificationService;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The online form's 问题类别 hint (htmx): once the citizen has described the problem, the likely
 * categories are offered to pick with one tap. Choosing stays optional; staff classify anyway.
 */
@PageController
class CategoryHint {

	/** Below this the hint would more likely mislead than help. */
	static final double MIN_SCORE = 0.25;

	static final int MIN_CONTENT = 15;

	private final ClassificationService classification;

	private final Directory directory;

	CategoryHint(ClassificationService classification, Directory directory) {
		this.classification = classification;
		this.directory = directory;
	}

	record Option(String code, String name) {
	}

	@PostMapping("/petition/category-hint")
	String hint(@RequestParam(required = false) String title, @RequestParam(required = false) String content, Model model) {
		if (content == null || content.strip().length() < MIN_CONTENT || content.length() > 5000) {
			return "intake/category-hint :: none";
		}
		List<Classification.Suggestion> best = classification.categories(title, content, 5)
			.stream()
			.filter(s -> s.score() >= MIN_SCORE)
			.limit(2)
			.toList();
		if (best.isEmpty()) {
			return "intake/category-hint :: none";
		}
		model.addAttribute("options", best.stream().map(s -> new Option(s.value(), directory.categoryName(s.value()))).toList());
		return "intake/category-hint :: hint";
	}

}
