package com.xinfang.casefile;

/**
 * How alike two matters' texts are, in 0..1: the cosine of their word sets weighted by rarity
 * (a shared 锦绣华庭 says more than a shared 物业费), raised by shared named places and
 * organisations. Repeats told in other words share the rare words, not the sentences, which is
 * why words and not character shingles are compared.
 */
final class TextSimilarity {

	private TextSimilarity() {
	}

	static double score(Fingerprint a, Fingerprint b, TermWeights weights) {
		double dot = 0, na = 0, nb = 0;
		int i = 0, j = 0;
		int[] x = a.terms(), y = b.terms();
		while (i < x.length || j < y.length) {
			if (j >= y.length || i < x.length && x[i] < y[j]) {
				double w = weights.idf(x[i++]);
				na += w * w;
			}
			else if (i >= x.length || y[j] < x[i]) {
				double w = weights.idf(y[j++]);
				nb += w * w;
			}
			else {
				double w = weights.idf(x[i]);
				dot += w * w;
				na += w * w;
				nb += w * w;
				i++;
				j++;
			}
		}
		if (na == 0 || nb == 0) {
			return 0;
		}
		return dot / Math.sqrt(na * nb);
	}

	/**
	 * How much of the named targets (places, organisations, proper nouns) the two share, in 0..1:
	 * the rarity-weighted share of the smaller set; 0 when either names none.
	 */
	static double targetOverlap(Fingerprint a, Fingerprint b, TermWeights weights) {
		int[] x = a.entities(), y = b.entities();
		if (x.length == 0 || y.length == 0) {
			return 0;
		}
		double shared = 0, wx = 0, wy = 0;
		int i = 0, j = 0;
		while (i < x.length || j < y.length) {
			if (j >= y.length || i < x.length && x[i] < y[j]) {
				wx += weights.idf(x[i++]);
			}
			else if (i >= x.length || y[j] < x[i]) {
				wy += weights.idf(y[j++]);
			}
			else {
				double w = weights.idf(x[i]);
				shared += w;
				wx += w;
				wy += w;
				i++;
				j++;
			}
		}
		double smaller = Math.min(wx, wy);
		return smaller <= 0 ? 0 : Math.min(1.0, shared / smaller);
	}

}
