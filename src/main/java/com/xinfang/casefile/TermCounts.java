package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import org.springframework.stereotype.Service;

/** The duplicate index's word counts, for the system administrator: repair on demand. */
@Service
public class TermCounts {

	private final CaseIndexer indexer;

	TermCounts(CaseIndexer indexer) {
		this.indexer = indexer;
	}

	/** Recomputes every word's count from the inverted index; returns how many words were corrected. */
	public int repair(Actor actor) {
		if (!actor.has(Role.ADMIN)) {
			throw new DomainException.Forbidden("只有系统管理员可以校正查重词频");
		}
		return indexer.repair();
	}

}
