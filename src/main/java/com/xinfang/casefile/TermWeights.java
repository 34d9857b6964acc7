package com.xinfang.casefile;

/** Document frequencies of words over all matters: rare words weigh more (inverse document frequency). */
interface TermWeights {

	/** Number of matters indexed. */
	long documents();

	/** Number of matters whose text holds the word's hash; 0 when unknown. */
	int frequency(int term);

	default double idf(int term) {
		long n = Math.max(1, documents());
		return Math.log((n + 1.0) / (Math.min(frequency(term), n) + 0.5));
	}

}
