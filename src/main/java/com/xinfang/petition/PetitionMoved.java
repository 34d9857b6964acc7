package com.xinfang.petition;

import java.time.Instant;

/** Published on every step of a matter; notifications and statistics listen. */
public record PetitionMoved(String number, String action, String fromStatus, String toStatus, String milestone,
		Instant at) {
}
