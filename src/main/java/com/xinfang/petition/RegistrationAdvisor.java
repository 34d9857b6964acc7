package com.xinfang.petition;

import com.xinfang.identity.Actor;
import java.util.List;

/**
 * Advice returned with a registration: likely categories and likely duplicates of the new matter.
 * Modules that read text implement it (they depend on this module, not the other way round); when
 * none is present the registration still works and only same-identity matters are suggested.
 */
public interface RegistrationAdvisor {

	/** Categories for the text, best first, with scores in 0..1; empty when this advisor does not classify. */
	default List<PetitionViews.CategorySuggestion> categories(String title, String content) {
		return List.of();
	}

	/**
	 * Earlier matters that may be the same matter as the one just registered, best first, among
	 * those the actor may see; empty when this advisor does not look for duplicates.
	 */
	default List<PetitionViews.DuplicateSuggestion> duplicates(String number, Actor actor) {
		return List.of();
	}

	/**
	 * A registrar decided the matter's category (at registration or by 分类): advisors that learn
	 * from decisions record it, in the caller's transaction.
	 */
	default void classified(String number, String title, String content, String categoryCode, String kind, Actor actor) {
	}

}
