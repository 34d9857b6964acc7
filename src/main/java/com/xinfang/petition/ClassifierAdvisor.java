package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.text.ClassificationService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The text module's classifier as a registration advisor: category suggestions with each new
 * matter, and the registrar's decisions kept as training data. It lives here because the text
 * module knows nothing of petitions.
 */
@Component
class ClassifierAdvisor implements RegistrationAdvisor {

	static final int SUGGESTED = 3;

	private final ClassificationService classification;

	ClassifierAdvisor(ClassificationService classification) {
		this.classification = classification;
	}

	@Override
	public List<PetitionViews.CategorySuggestion> categories(String title, String content) {
		if (content == null || content.isBlank()) {
			return List.of();
		}
		return classification.categories(title, content, SUGGESTED)
			.stream()
			.map(s -> new PetitionViews.CategorySuggestion(s.value(), s.score()))
			.toList();
	}

	@Override
	public void classified(String number, String title, String content, String categoryCode, String kind, Actor actor) {
		classification.recordDecision(number, title, content, categoryCode, kind, actor.label());
	}

}
