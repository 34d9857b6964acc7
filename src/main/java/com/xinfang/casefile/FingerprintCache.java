package com.xinfang.casefile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The word fingerprints of matters lately registered or scored, of the current
 * {@link Fingerprint#VERSION} only: such a matter's words never change again (its queue row and its
 * document carry the same arrays), so an entry is never stale. The registration puts its own matter
 * here ({@link CaseIndex#queue}) so that its suggestions need not read it back; decoding ~50
 * candidates' arrays from the database was a tenth of the app's CPU per registration. About 0.5 KB
 * an entry. An entry of a registration that rolled back is harmless: matter ids are never reused.
 */
@Component
class FingerprintCache {

	private final Cache<Long, Fingerprint> fingerprints = Caffeine.newBuilder().maximumSize(50_000).build();

	/** The fingerprint of the matter, when known. */
	Fingerprint known(long petitionId) {
		return fingerprints.getIfPresent(petitionId);
	}

	/** Keeps a fingerprint read or computed in the given version; an older version is not kept. */
	void remember(long petitionId, Fingerprint fingerprint, int version) {
		if (version == Fingerprint.VERSION) {
			fingerprints.put(petitionId, fingerprint);
		}
	}

}
