package com.xinfang.petition;

import java.time.Instant;

/** 转送 or 交办 ({@code action}) to {@code unitCode}, after the 双沟通; the matter awaits that unit's acceptance. */
public record PetitionTransferred(String number, Action action, Status fromStatus, String unitCode, Instant at)
		implements PetitionEvent {

	public Status toStatus() {
		return Status.TRANSFERRED;
	}

	public Milestone milestone() {
		return Milestone.TRANSFERRED;
	}

}
