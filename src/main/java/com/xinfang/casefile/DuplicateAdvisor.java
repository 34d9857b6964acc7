package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.petition.PetitionViews;
import com.xinfang.petition.RegistrationAdvisor;
import java.util.List;
import org.springframework.stereotype.Component;

/** The registration's duplicate suggestions (suggestions.duplicates of POST /petitions). */
@Component
class DuplicateAdvisor implements RegistrationAdvisor {

	private final Duplicates duplicates;

	DuplicateAdvisor(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	@Override
	public List<PetitionViews.DuplicateSuggestion> duplicates(String number, Actor actor) {
		return duplicates.suggestions(number, actor)
			.stream()
			.map(m -> new PetitionViews.DuplicateSuggestion(m.number(), m.score(), m.sameIdentity(), m.band().name()))
			.toList();
	}

	@Override
	public List<PetitionViews.DuplicateSuggestion> duplicates(Registered matter, Actor actor) {
		return duplicates.suggestions(matter, actor)
			.stream()
			.map(m -> new PetitionViews.DuplicateSuggestion(m.number(), m.score(), m.sameIdentity(), m.band().name()))
			.toList();
	}

}
