package com.xinfang.petition;

import java.time.Instant;

/**
 * A repeat ({@code number}) linked to its {@code original}. Who handles the original is carried
 * along (its responsible unit, else the registering 信访部门), so a listener telling them needs no
 * look-up of petition's tables.
 */
public record PetitionMerged(String number, Status fromStatus, String original, long originalId,
		String originalResponsibleUnitCode, String originalRegisteringUnitCode, Instant at) implements PetitionEvent {

	public Action action() {
		return Action.MERGE;
	}

	public Status toStatus() {
		return Status.MERGED;
	}

	public Milestone milestone() {
		return null;
	}

}
