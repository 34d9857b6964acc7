package com.xinfang.casefile;

import com.xinfang.text.ChineseText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
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

	/**
	 * The words (two characters or more, with a Chinese character) both texts have, longest first: to
	 * mark with {@link #terms} in the text as written, full-width punctuation and line breaks kept.
	 */
	public static List<String> sharedTerms(String text, String other) {
		Set<String> theirs = new HashSet<>();
		for (var w : ChineseText.segment(other)) {
			if (w.text().length() >= 2 && w.isContent() && Fingerprint.hasHan(w.text())) {
				theirs.add(w.text());
			}
		}
		Set<String> both = new LinkedHashSet<>();
		for (var w : ChineseText.segment(text)) {
			if (theirs.contains(w.text())) {
				both.add(w.text());
			}
		}
		List<String> out = new ArrayList<>(both);
		out.sort(Comparator.comparingInt(String::length).reversed());
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
