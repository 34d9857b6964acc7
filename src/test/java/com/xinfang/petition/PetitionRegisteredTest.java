package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PetitionRegisteredTest {

	@Test
	void theEventIsPrintedWithoutThePetitionsWords() {
		var event = new PetitionRegistered("XF430702261207000001", "430702", "LETTER", Instant.parse("2026-12-07T01:00:00Z"), 7L,
				"举报某局长受贿", "举报人张某某反映局长李某收受红包");
		assertThat(event.toString()).contains("XF430702261207000001").doesNotContain("举报").doesNotContain("张某某");
	}

}
