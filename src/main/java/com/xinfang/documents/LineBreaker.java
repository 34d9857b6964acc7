package com.xinfang.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese text into lines of a given width: a line may break between any two CJK
 * characters, but a Latin word or a number (a 信访编号, 2026, 0736-7212345) stays whole unless it
 * is longer than a line. The usual 避头尾 rules hold: no line starts with closing punctuation
 * (，。、；：”）》…) and none ends with opening punctuation (“（《〔); to keep them, the last
 * character of a line moves down with the punctuation (推出) instead of the punctuation hanging
 * into the margin.
 */
final class LineBreaker {

	@FunctionalInterface
	interface Measure {

		float width(int codePoint);

	}

	/** One line: its text without the spaces at the break, width, glyph count, and whether it ends the paragraph. */
	record Line(String text, float width, int glyphs, boolean last) {
	}

	private static final String NO_START = "，。、；：？！）》〉」』”’〕】］｝…—·%％,.;:?!)]}～〗〙﹚﹜";

	private static final String NO_END = "（《〈「『“‘〔【［｛([{〖〘﹙﹛";

	private static final float EPSILON = 0.01f;

	private record Unit(String text, float width, int glyphs, boolean space, boolean word) {

		boolean noStart() {
			return !space && NO_START.indexOf(text.codePointAt(0)) >= 0;
		}

		boolean noEnd() {
			return !space && NO_END.indexOf(text.codePointBefore(text.length())) >= 0;
		}

	}

	private LineBreaker() {
	}

	/**
	 * @param firstWidth the width of the first line (less when it is indented)
	 * @param width the width of the other lines
	 */
	static List<Line> lines(String text, float firstWidth, float width, Measure measure) {
		List<Unit> units = units(text, measure);
		List<Line> lines = new ArrayList<>();
		int start = 0;
		int i = 0;
		float used = 0;
		float available = firstWidth;
		while (i < units.size()) {
			Unit unit = units.get(i);
			if (unit.space() && i == start) {
				start = ++i;
				continue;
			}
			if (used + unit.width() <= available + EPSILON) {
				used += unit.width();
				i++;
				continue;
			}
			if (i == start) {
				if (unit.word() && unit.glyphs() > 1) {
					units.remove(i);
					units.addAll(i, characters(unit.text(), measure));
				}
				else {
					used += unit.width(); // a single character wider than the line: it stands alone
					i++;
				}
				continue;
			}
			int end = breakBefore(units, start, i);
			lines.add(line(units, start, end, false));
			start = end;
			i = end;
			used = 0;
			available = width;
		}
		if (start < units.size()) {
			Line last = line(units, start, units.size(), true);
			if (!last.text().isEmpty()) {
				lines.add(last);
			}
		}
		return lines;
	}

	/** Where to break when units[overflow] does not fit: the last position that breaks no rule. */
	private static int breakBefore(List<Unit> units, int start, int overflow) {
		for (int k = overflow; k > start; k--) {
			Unit next = units.get(k);
			Unit previous = units.get(k - 1);
			if (next.space() || previous.space() || (!next.noStart() && !previous.noEnd())) {
				return k;
			}
		}
		return overflow; // nothing but punctuation: break where it overflows
	}

	private static Line line(List<Unit> units, int from, int to, boolean last) {
		while (to > from && units.get(to - 1).space()) {
			to--;
		}
		StringBuilder text = new StringBuilder();
		float width = 0;
		int glyphs = 0;
		for (int k = from; k < to; k++) {
			Unit unit = units.get(k);
			text.append(unit.text());
			width += unit.width();
			glyphs += unit.glyphs();
		}
		return new Line(text.toString(), width, glyphs, last);
	}

	private static List<Unit> units(String text, Measure measure) {
		List<Unit> units = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (cp == ' ') {
				units.add(new Unit(" ", measure.width(cp), 1, true, false));
				i++;
			}
			else if (isWordCharacter(cp)) {
				int end = i;
				float width = 0;
				int glyphs = 0;
				while (end < text.length() && isWordCharacter(text.codePointAt(end))) {
					int c = text.codePointAt(end);
					width += measure.width(c);
					glyphs++;
					end += Character.charCount(c);
				}
				units.add(new Unit(text.substring(i, end), width, glyphs, false, true));
				i = end;
			}
			else {
				int n = Character.charCount(cp);
				units.add(new Unit(text.substring(i, i + n), measure.width(cp), 1, false, false));
				i += n;
			}
		}
		return units;
	}

	private static List<Unit> characters(String word, Measure measure) {
		List<Unit> units = new ArrayList<>();
		word.codePoints()
			.forEach(cp -> units.add(new Unit(new String(Character.toChars(cp)), measure.width(cp), 1, false, false)));
		return units;
	}

	/** Latin letters, digits and ASCII punctuation glue into words; CJK and its punctuation do not. */
	static boolean isWordCharacter(int cp) {
		return (cp > 0x20 && cp < 0x7f) || (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x370 && cp <= 0x52f);
	}

}
