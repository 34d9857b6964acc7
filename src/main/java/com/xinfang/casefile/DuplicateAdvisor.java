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
		return shown(duplicates.suggestions(number, actor));
	}

	@Override
	public List<PetitionViews.DuplicateSuggestion> duplicates(Registered matter, Actor actor) {
		return shown(duplicates.suggestions(matter, actor));
	}

	private static List<PetitionViews.DuplicateSuggestion> shown(List<Duplicates.Match> matches) {
		return matches.stream()
			.map(m -> new PetitionViews.DuplicateSuggestion(m.number(), m.score(), m.sameIdentity(), m.band().name()))
			.toList();
	}

}
