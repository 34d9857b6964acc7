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
	 * As {@link #duplicates(String, Actor)}, for the matter just registered in the caller's
	 * transaction, with what the registration already holds (an advisor need not read it back).
	 */
	default List<PetitionViews.DuplicateSuggestion> duplicates(Registered matter, Actor actor) {
		return duplicates(matter.number(), actor);
	}

	/**
	 * The matter just registered as an advisor may see it: its place, accused unit, kind and its
	 * petitioners' identities (names and blind indexes; an advisor applies Art 30 as for any matter).
	 */
	record Registered(long id, String number, String regionCode, String accusedUnit, boolean accusation,
			List<PetitionPeople.Identity> people) {
	}

	/**
	 * A registrar decided the matter's category (at registration or by 分类): advisors that learn
	 * from decisions record it, in the caller's transaction.
	 */
	default void classified(String number, String title, String content, String categoryCode, String kind, Actor actor) {
	}

}
