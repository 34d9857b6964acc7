package com.xinfang.petition;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;

/** Published when a matter is registered; consumed by indexing and statistics modules. */
public record PetitionRegistered(String number, String regionCode, String channel, Instant receivedAt)
		implements DomainEvent {
}
