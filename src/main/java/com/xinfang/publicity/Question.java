package com.xinfang.publicity;

import java.util.List;

/**
 * A question of the bank. The answer is kept in a canonical form: SINGLE one letter ("B"), MULTI
 * sorted letters ("ABD"), JUDGE "T" or "F", FILL the accepted forms joined by "|".
 */
public record Question(Long id, QuestionType type, String stem, List<String> options, String answer,
		String explanation, String law, String article, String chapter, int difficulty, List<String> tags,
		boolean active, int version) {

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	public static final String[] DIFFICULTY = { "", "易", "中", "难" };

	public String difficultyLabel() {
		return DIFFICULTY[difficulty];
	}

	/** The correct answer as a person reads it: "B", "A、B、D", "正确", "十五". */
	public String answerText() {
		return Answers.display(type, answer);
	}

	/** The legal basis as printed under an explanation: 《信访工作条例》第二十二条. */
	public String basis() {
		return law + article;
	}

	public static String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

}
