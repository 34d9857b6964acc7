package com.xinfang.petition;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Provisional: plain day counts until the calendar module provides working days and holidays. */
@Component
class CalendarDueDates implements PetitionClocks.DueDates {

	@Override
	public LocalDate statutory(PetitionClocks.Limit limit, Complexity complexity, LocalDate start) {
		return start.plusDays(limit == PetitionClocks.Limit.OBJECTION ? 7 : days(limit));
	}

	@Override
	public LocalDate target(PetitionClocks.Limit limit, Complexity complexity, LocalDate start) {
		return switch (limit) {
			case ACCEPT_NOTICE, TRANSFER -> start.plusDays(complexity == Complexity.SIMPLE ? 3 : 5);
			case HANDLE -> start.plusDays(30);
			default -> statutory(limit, complexity, start);
		};
	}

	@Override
	public LocalDate calendarDays(LocalDate start, int days) {
		return start.plusDays(days);
	}

	@Override
	public int days(PetitionClocks.Limit limit) {
		return switch (limit) {
			case TRANSFER, ACCEPT_NOTICE -> 15;
			case OBJECTION -> 5;
			case HANDLE -> 60;
			default -> 30;
		};
	}

}
