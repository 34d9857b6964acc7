package com.xinfang.petition;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a registrar types, or a citizen submits online (api-contract.md, POST /petitions).
 * Optional classification may be given at registration or later.
 */
public record RegisterPetition(String channel, OffsetDateTime receivedAt, String regionCode, String title,
		String content, String categoryCode, String kind, String complexity, List<PetitionerInput> petitioners,
		Integer personCount, Accused accused, Boolean firstTime) {

	public record PetitionerInput(String name, String idNumber, String phone, String address, Boolean representative) {
	}

	/**
	 * Whom an accusation (or complaint) is about: {@code unitCode} a unit chosen from the directory
	 * (what Art 30 keeps the matter away from), {@code unit} an organisation outside the directory in
	 * words (a village committee, a company), {@code person} the persons.
	 */
	public record Accused(String unit, String person, String unitCode) {

		public Accused(String unit, String person) {
			this(unit, person, null);
		}
	}

}
