package com.xinfang.casefile;

import com.xinfang.text.ChineseText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The words a matter is found by in search: segmented, normalised, long words also by their halves. */
final class SearchWords {

	private SearchWords() {
	}

	static List<String> of(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (ChineseText.Word word : ChineseText.segment(text)) {
			String w = clean(word.text());
			if (w.isEmpty() || word.tag().startsWith("w")) {
				continue;
			}
			out.add(w);
			if (w.length() >= 4 && Fingerprint.hasHan(w)) {
				for (int i = 0; i + 2 <= w.length(); i += 2) {
					out.add(w.substring(i, i + 2));
				}
			}
		}
		return List.copyOf(out);
	}

	/** Letters, digits and Chinese only: what is left is safe as a tsquery lexeme. */
	static String clean(String word) {
		// most words are clean already: no copy for them (this runs for every word of every registration)
		int n = word.length();
		int i = 0;
		while (i < n) {
			int c = word.codePointAt(i);
			if (!Character.isLetterOrDigit(c)) {
				break;
			}
			i += Character.charCount(c);
		}
		if (i == n) {
			return n > 60 ? word.substring(0, 60) : word;
		}
		StringBuilder b = new StringBuilder(n);
		word.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
		return b.length() > 60 ? b.substring(0, 60) : b.toString();
	}

}
