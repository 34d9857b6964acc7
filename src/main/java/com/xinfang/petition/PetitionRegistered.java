package com.xinfang.petition;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;

/**
 * Published when a matter is registered, in its transaction; consumed by indexing. It carries the
 * stored title and content (and the matter's key) so that the index need not read back what was
 * written a moment ago; a listener that persists events must not persist these.
 */
public record PetitionRegistered(String number, String regionCode, String channel, Instant receivedAt, long petitionId,
		String title, String content) implements DomainEvent {

	/** Without the text: an event that is logged (a debug line of the event machinery) must not carry a petition's words. */
	@Override
	public String toString() {
		return "PetitionRegistered[number=" + number + ", regionCode=" + regionCode + ", channel=" + channel + ", receivedAt="
				+ receivedAt + "]";
	}

}
