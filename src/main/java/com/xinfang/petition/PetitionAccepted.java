package com.xinfang.petition;

import java.time.Instant;

/** 受理 by {@code unitCode}: the handling clocks start (the petitioner is sent the 受理告知). */
public record PetitionAccepted(String number, Status fromStatus, String unitCode, Instant at) implements PetitionEvent {

	public Action action() {
		return Action.ACCEPT;
	}

	public Status toStatus() {
		return Status.ACCEPTED;
	}

	public Milestone milestone() {
		return Milestone.ACCEPTED;
	}

}
