package com.xinfang.casefile;

import com.xinfang.text.ChineseText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Text cut into pieces, the ones to mark flagged: rendered with th:each, never as raw HTML. */
public final class Highlight {

	private Highlight() {
	}

	public record Piece(String text, boolean mark) {
	}

	/** The words two texts share (two characters or more), marked in the first text. */
	public static List<Piece> shared(String text, String other) {
		Set<String> theirs = new HashSet<>();
		for (var w : ChineseText.segment(other)) {
			if (w.text().length() >= 2 && w.isContent() && Fingerprint.hasHan(w.text())) {
				theirs.add(w.text());
			}
		}
		List<Piece> out = new ArrayList<>();
		for (var w : ChineseText.segment(text)) {
			append(out, w.text(), theirs.contains(w.text()));
		}
		return out;
	}

	/** The text with every occurrence of the given terms marked. */
	public static List<Piece> terms(String text, List<String> terms) {
		List<Piece> out = new ArrayList<>();
		int i = 0;
		StringBuilder plain = new StringBuilder();
		while (i < text.length()) {
			String hit = null;
			for (String t : terms) {
				if (!t.isEmpty() && text.startsWith(t, i) && (hit == null || t.length() > hit.length())) {
					hit = t;
				}
			}
			if (hit == null) {
				plain.append(text.charAt(i++));
			}
			else {
				if (plain.length() > 0) {
					append(out, plain.toString(), false);
					plain.setLength(0);
				}
				append(out, hit, true);
				i += hit.length();
			}
		}
		if (plain.length() > 0) {
			append(out, plain.toString(), false);
		}
		return out;
	}

	private static void append(List<Piece> out, String text, boolean mark) {
		if (!out.isEmpty() && out.get(out.size() - 1).mark() == mark) {
			Piece last = out.remove(out.size() - 1);
			out.add(new Piece(last.text() + text, mark));
		}
		else {
			out.add(new Piece(text, mark));
		}
	}

}
