package com.xinfang.petition;

import java.time.Instant;
import org.jmolecules.event.types.DomainEvent;

/**
 * What happened to a matter, published by {@link PetitionActions} for every act once the act is
 * stored, through the Modulith event publication registry (so an asynchronous listener is retried
 * after a crash rather than lost). Acts others care about in particular have their own record
 * carrying what a listener needs ({@link PetitionAccepted}, {@link PetitionMerged}, …); every other
 * act is a {@link PetitionMoved}. Every event tells the step in the same terms, so a listener that
 * follows all steps (webhooks, the milestone SMS) listens to this interface. Registration publishes
 * {@link PetitionRegistered}, not one of these. Marked as a jMolecules {@link DomainEvent} so that
 * Spring Modulith's model (and the module documentation ModularityTest writes) lists the events
 * this module publishes.
 */
public sealed interface PetitionEvent extends DomainEvent
		permits PetitionMoved, PetitionTransferred, PetitionAccepted, PetitionExtended, PetitionMerged, PetitionReplied,
		PetitionClosed {

	String number();

	Action action();

	Status fromStatus();

	Status toStatus();

	/** The public milestone the act reaches, null when the petitioner is not told of it. */
	Milestone milestone();

	Instant at();

}
