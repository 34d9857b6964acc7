package com.xinfang.publicity;

import java.util.Arrays;
import java.util.Optional;

/** The four kinds of question, by the names the bureau uses in its spreadsheets. */
public enum QuestionType {

	SINGLE("单选"), MULTI("多选"), JUDGE("判断"), FILL("填空");

	private final String label;

	QuestionType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean hasOptions() {
		return this == SINGLE || this == MULTI;
	}

	/** By Chinese label (单选) or code (SINGLE). */
	public static Optional<QuestionType> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		return Arrays.stream(values()).filter(v -> v.label.equals(t) || v.name().equalsIgnoreCase(t)
				|| (v.label + "题").equals(t)).findFirst();
	}

}
