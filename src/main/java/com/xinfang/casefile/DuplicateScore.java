package com.xinfang.casefile;

/**
 * The score of a candidate, 0..1, the threshold above which a matter is suggested, and the band a
 * registrar reads. Text similarity is the base; the same named target (company, project, road,
 * community, official) at the same place adds in proportion to how much of the named targets the two
 * share and to how much of the problem they share (one company's other problem is not the same
 * matter); the same person adds most, since a person telling the same matter again in new words is
 * the commonest repeat.
 *
 * <p>The weights and the band's threshold were chosen on the tuning set (the corpus's repeats and
 * {@code corpus/repeats-dev.jsonl}, see DuplicateBandTuningTest) and then frozen; the held-out set
 * ({@code corpus/repeats-heldout.jsonl}) was written afterwards and is only measured
 * (DuplicateBandHeldOutTest, README "Duplicate bands"). Region names stopped counting as targets later
 * ({@link Fingerprint#isRegion}, chosen on the tuning data); a second held-out set written by someone
 * else ({@code corpus/repeats-heldout2.jsonl}) was measured once after that (DuplicateBandHeldOut2Test).
 *
 * <p>That measurement (很可能 precision 0.898) made every set so far tuning data, and two rules were
 * added on it: without the same person, 很可能 needs the same place (a matter has one 属地: the same
 * complaint from another county is another matter) and problems that do not disagree
 * ({@link ProblemKinds}: one company's unpaid wages and its fee rise are two matters), and a shared
 * target adds nothing when the problems disagree. A third set written by someone else afterwards
 * ({@code corpus/repeats-heldout3.jsonl}) is measured once (DuplicateBandHeldOut3Test).
 *
 * <p>That measurement (很可能 precision 0.943) made set 3 tuning data too, and two more rules keep
 * the band's pairs honest (chosen on all four sets; a fourth set written by someone else measures them):
 * a letter that names another matter and sets it aside ({@link SetAside}: "……的事已经反映过，这次是另一件事")
 * is at most 可能相关 with anything, whoever wrote it; and without the same person, a shared target lifts a
 * pair into 很可能 only when the texts alone already share {@link #TEXT_FOR_LIKELY}: among the pairs the
 * target lifted, the true repeats' texts shared 0.37 or more (one short message 0.25), the hard
 * negatives' (the same estate, project or village group with another problem) 0.36 or less.
 */
public final class DuplicateScore {

	/** At and above: suggested (可能相关 or better). */
	public static final double THRESHOLD = 0.20;

	/** At and above: 很可能是同一事项 (precision ≥ 0.95 on the tuning and held-out sets). */
	public static final double LIKELY = 0.50;

	/** The most a shared named target adds. */
	static final double TARGET_WEIGHT = 0.30;

	/** Below this text similarity a shared target counts only in proportion (same company, other problem). */
	static final double TARGET_TEXT_FLOOR = 0.15;

	/** The most a score reaches without the same person when place or problem says another matter: 可能相关. */
	static final double BELOW_LIKELY = 0.49;

	/**
	 * Without the same person, the least text similarity of a pair in 很可能: below it a shared target
	 * (which adds up to {@link #TARGET_WEIGHT}) cannot lift the pair over {@link #LIKELY}.
	 */
	static final double TEXT_FOR_LIKELY = 0.35;

	/** What a score means to a registrar. */
	public enum Band {

		LIKELY("很可能是同一事项"), POSSIBLE("可能相关");

		private final String label;

		Band(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	private DuplicateScore() {
	}

	public static Band band(double score) {
		return score >= LIKELY ? Band.LIKELY : Band.POSSIBLE;
	}

	/**
	 * The score of {@code b} as the same matter as {@code a}: {@code samePlace} when both are in one
	 * county, {@code sameAccused} when both name the same accused unit.
	 */
	static double of(Fingerprint a, Fingerprint b, TermWeights weights, boolean samePlace, boolean sameAccused,
			boolean sameIdentity) {
		return of(TextSimilarity.score(a, b, weights), a, b, weights, samePlace, sameAccused, sameIdentity);
	}

	/** As above, with the texts' similarity computed already (the finder shows it as a reason too). */
	static double of(double text, Fingerprint a, Fingerprint b, TermWeights weights, boolean samePlace, boolean sameAccused,
			boolean sameIdentity) {
		boolean otherProblem = ProblemKinds.disagree(a, b);
		double target = samePlace && !otherProblem
				? Math.max(sameAccused ? 1.0 : 0.0, TextSimilarity.targetOverlap(a, b, weights)) : 0;
		double score = Math.min(1.0, text + TARGET_WEIGHT * target * Math.min(1.0, text / TARGET_TEXT_FLOOR));
		if (!sameIdentity && (!samePlace || otherProblem || text < TEXT_FOR_LIKELY)) {
			score = Math.min(score, BELOW_LIKELY);
		}
		score = withIdentity(score, sameIdentity);
		// a letter that sets the other matter aside is another matter, whoever wrote it
		return a.setsAside() || b.setsAside() ? Math.min(score, BELOW_LIKELY) : score;
	}

	static double text(double similarity, boolean sharedEntity) {
		return Math.min(1.0, similarity + (sharedEntity ? 0.05 : 0));
	}

	static double withIdentity(double text, boolean sameIdentity) {
		return sameIdentity ? Math.min(1.0, text + 0.25) : text;
	}

}
