package com.xinfang.petition;

import java.time.Instant;

/** The 处理意见书 approved by the handling unit's head (双审核) and issued, with its {@code result}. */
public record PetitionReplied(String number, Result result, Instant at) implements PetitionEvent {

	public Action action() {
		return Action.APPROVE;
	}

	public Status fromStatus() {
		return Status.REPLY_PENDING_APPROVAL;
	}

	public Status toStatus() {
		return Status.REPLIED;
	}

	public Milestone milestone() {
		return Milestone.OPINION_ISSUED;
	}

}
