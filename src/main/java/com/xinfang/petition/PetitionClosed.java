package com.xinfang.petition;

import java.time.Instant;

/** 办结: the closure approved by the 信访部门's reviewer (审核认定办结). */
public record PetitionClosed(String number, Instant at) implements PetitionEvent {

	public Action action() {
		return Action.APPROVE;
	}

	public Status fromStatus() {
		return Status.CLOSE_PENDING_APPROVAL;
	}

	public Status toStatus() {
		return Status.CLOSED;
	}

	public Milestone milestone() {
		return Milestone.CLOSED;
	}

}
