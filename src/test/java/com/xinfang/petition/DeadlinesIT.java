package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A matter's two clocks come from the named policies and the holiday calendar, not from plain day counts. */
@IntegrationTest
class DeadlinesIT {

	@Autowired
	PetitionRegistration registration;

	@Autowired
	PetitionActions actions;

	@Autowired
	Accounts accounts;

	Actor registrar() {
		return accounts.actorByUsername("city.registrar").orElseThrow();
	}

	PetitionViews.PetitionView register(String received, String complexity) {
		var cmd = new RegisterPetition("LETTER", OffsetDateTime.parse(received), "430702001", "来信反映社保待遇",
				"反映社保待遇核定问题，请求复核。", "LABOR", "CLAIM", complexity,
				List.of(new RegisterPetition.PetitionerInput("邓德明", null, null, null, false)), 1, null, null);
		return registration.registerAt(cmd, List.of(), registrar(), OffsetDateTime.parse(received).toInstant().plusSeconds(600))
			.petition();
	}

	@Test
	void aLetterReceivedOn17SeptemberIsDueAfterTheNationalDayHoliday() {
		var p = register("2026-09-17T09:00:00+08:00", "COMPLEX");
		// 15 days end on 2 October, inside the holiday: the limit moves to the next working day (民法典 Art 203)
		assertThat(p.deadlines().acceptStatutory()).isEqualTo(LocalDate.of(2026, 10, 8));
		// 3530: a complex matter is accepted within 5 days
		assertThat(p.deadlines().acceptTarget()).isEqualTo(LocalDate.of(2026, 9, 22));
	}

	@Test
	void handlingClocksStartAtAcceptanceAndStepOverTheSpringFestival() {
		var p = register("2026-01-19T09:00:00+08:00", "SIMPLE");
		var accepted = actions.performAt(p.number(), p.version(), new PetitionCommand.Accept(), registrar(),
				OffsetDateTime.parse("2026-01-20T10:00:00+08:00").toInstant());
		// 30 days from 20 January end on 19 February, in the 2026 Spring Festival holiday (15–23 February)
		assertThat(accepted.deadlines().handleTarget()).isEqualTo(LocalDate.of(2026, 2, 24));
		// 60 days end on Saturday 21 March: the next working day
		assertThat(accepted.deadlines().handleStatutory()).isEqualTo(LocalDate.of(2026, 3, 23));
	}

}
