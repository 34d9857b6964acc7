package com.xinfang.publicity;

import com.xinfang.platform.DomainException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reading and judging an answer. What a browser sends is normalised to the canonical form of
 * {@link Question#answer()}; anything that cannot be an answer to the question (a letter beyond the
 * options, a word for a true/false question) is refused rather than silently marked wrong, since
 * only a tampered request sends it.
 */
public final class Answers {

	static final int MAX_FILL_LENGTH = 60;

	private Answers() {
	}

	/** The canonical form of a player's answer, or empty for a blank answer. */
	public static Optional<String> normalise(Question q, String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String s = raw.strip();
		switch (q.type()) {
			case SINGLE, MULTI -> {
				String letters = Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase().replaceAll("[\\s,，、]", "");
				if (!letters.matches("[A-Z]+")) {
					throw invalid();
				}
				int[] chars = letters.chars().distinct().sorted().toArray();
				for (int c : chars) {
					if (c - 'A' >= q.options().size()) {
						throw invalid();
					}
				}
				if (q.type() == QuestionType.SINGLE && chars.length != 1) {
					throw invalid();
				}
				return Optional.of(Arrays.stream(chars).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining()));
			}
			case JUDGE -> {
				return switch (s) {
					case "T", "对", "正确", "true" -> Optional.of("T");
					case "F", "错", "错误", "false" -> Optional.of("F");
					default -> throw invalid();
				};
			}
			case FILL -> {
				if (s.length() > MAX_FILL_LENGTH) {
					throw invalid();
				}
				return Optional.of(s);
			}
		}
		throw invalid();
	}

	/** Whether a normalised answer is right. */
	public static boolean isCorrect(Question q, String normalised) {
		if (normalised == null) {
			return false;
		}
		if (q.type() == QuestionType.FILL) {
			String given = fold(normalised);
			return Arrays.stream(q.answer().split("\\|")).map(Answers::fold).anyMatch(given::equals);
		}
		return q.answer().equals(normalised);
	}

	/** Full-width to half-width, no spaces or punctuation, case folded: "１５ 日" and "15日" match. */
	static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Punct}，。、；：“”‘’（）]", "").toLowerCase();
	}

	public static String display(QuestionType type, String canonical) {
		if (canonical == null || canonical.isEmpty()) {
			return "未作答";
		}
		return switch (type) {
			case SINGLE -> canonical;
			case MULTI -> String.join("、", canonical.split(""));
			case JUDGE -> "T".equals(canonical) ? "正确" : "错误";
			case FILL -> canonical.replace("|", " 或 ");
		};
	}

	private static DomainException.Invalid invalid() {
		return new DomainException.Invalid("answers", "提交的答案格式不正确，本次提交未被接受");
	}

}
