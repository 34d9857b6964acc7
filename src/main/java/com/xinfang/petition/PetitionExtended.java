package com.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;

/** The one extension (Art 34): {@code days} more, the handling now due by {@code handleStatutory}. */
public record PetitionExtended(String number, int days, LocalDate handleStatutory, Instant at) implements PetitionEvent {

	public Action action() {
		return Action.EXTEND;
	}

	public Status fromStatus() {
		return Status.ACCEPTED;
	}

	public Status toStatus() {
		return Status.ACCEPTED;
	}

	public Milestone milestone() {
		return Milestone.EXTENDED;
	}

}
