package com.xinfang.text;

import java.util.List;

/**
 * The suggestions for one petition text: categories best first, the kind, the legal channel
 * ({@code value} null when the matter belongs to no statutory channel), the responsible unit
 * for the problem's region, and the entities found. Scores are probabilities in 0..1.
 */
public record Classification(List<Suggestion> categories, Suggestion kind, Suggestion legalChannel, String unitCode,
		double unitScore, Entities entities) {

	/** A suggested value and its confidence. */
	public record Suggestion(String value, double score) {
	}

	public Suggestion bestCategory() {
		return categories.get(0);
	}

}
