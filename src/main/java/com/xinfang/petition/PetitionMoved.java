package com.xinfang.petition;

import java.time.Instant;

/** A step of a matter with no event of its own (分类, 不予受理, 送达, 复查申请, …); webhooks and the SMS listen. */
public record PetitionMoved(String number, Action action, Status fromStatus, Status toStatus, Milestone milestone,
		Instant at) implements PetitionEvent {
}
