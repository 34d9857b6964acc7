package com.xinfang.casefile;

/**
 * The score of a candidate, 0..1, and the threshold above which a matter is suggested as the same
 * matter. Text similarity is the base; the same named place or organisation adds a little (same
 * place and target); the same person adds more, since a person telling the same matter again in
 * new words is the commonest repeat.
 */
public final class DuplicateScore {

	/** At and above: suggested as a duplicate (calibrated on the corpus, see DuplicateQualityTest). */
	public static final double THRESHOLD = 0.20;

	private DuplicateScore() {
	}

	static double text(double similarity, boolean sharedEntity) {
		return Math.min(1.0, similarity + (sharedEntity ? 0.05 : 0));
	}

	static double withIdentity(double text, boolean sameIdentity) {
		return sameIdentity ? Math.min(1.0, text + 0.25) : text;
	}

}
