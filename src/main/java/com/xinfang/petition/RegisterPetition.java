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

	public record Accused(String unit, String person) {
	}

}
