package com.xinfang.petition;

import java.util.Collection;
import java.util.Set;

/**
 * Evidence that two matters state the same facts, from the module that reads texts (casefile):
 * the repeat rule (Art 19, Art 36) asks it, whatever the matters' categories.
 */
public interface SameFactsEvidence {

	/** Of the earlier matters (ids), those that state the same facts as the matter. */
	Set<Long> sameFacts(long petitionId, Collection<Long> earlierIds);

	/** In words, for docs and messages: what "the same facts" means. */
	String definition();

}
