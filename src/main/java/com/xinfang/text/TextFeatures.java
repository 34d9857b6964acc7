package com.xinfang.text;

import java.util.HashMap;
import java.util.Map;

/**
 * What the classifier reads of a petition: its content words (HanLP), the title's words again
 * (a title names the matter), and character bigrams, which still match when a writer uses other
 * words, dialect or typos than the training texts.
 */
final class TextFeatures {

	private TextFeatures() {
	}

	static Map<String, Double> of(String title, String content) {
		Map<String, Double> features = new HashMap<>();
		String t = title == null ? "" : title;
		String c = content == null ? "" : content;
		for (String word : ChineseText.contentWords(t + "。" + c)) {
			if (word.length() >= 2 || isHan(word.charAt(0))) {
				features.merge("w:" + word, 1.0, Double::sum);
			}
		}
		for (String word : ChineseText.contentWords(t)) {
			features.merge("t:" + word, 1.0, Double::sum);
		}
		String normalized = ChineseText.normalize(t + "。" + c);
		Cues.addTo(features, normalized);
		String han = hanOnly(normalized);
		for (int i = 0; i + 1 < han.length(); i++) {
			char a = han.charAt(i);
			char b = han.charAt(i + 1);
			if (a != ' ' && b != ' ') {
				features.merge("c:" + a + b, 1.0, Double::sum);
			}
		}
		return features;
	}

	/** Han characters kept; anything else becomes a break between runs. */
	private static String hanOnly(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			out.append(isHan(ch) ? ch : ' ');
		}
		return out.toString();
	}

	static boolean isHan(char ch) {
		return Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN;
	}

}
