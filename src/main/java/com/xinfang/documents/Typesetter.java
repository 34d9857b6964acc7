package com.xinfang.documents;

import com.xinfang.documents.BundledFonts.Face;
import com.xinfang.documents.Draft.Block;
import com.xinfang.documents.Draft.Heading;
import com.xinfang.documents.Draft.Paragraph;
import com.xinfang.documents.Draft.Row;
import com.xinfang.documents.Draft.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a {@link Draft} on A4 pages in the manner of GB/T 9704 (党政机关公文格式): a 156 × 225 mm
 * text area 37 mm from the top and 28 mm from the left, 28 characters of 3号 (16 pt) text to the
 * line, 22 lines to the page; the title in 2号 bold, centred; paragraphs indented two characters
 * and justified; the signature above the date, the date four characters from the right. Pages
 * break by themselves, never leaving a heading or a paragraph's single first or last line alone;
 * a footer with the 信访编号 and page number goes on every page. The result is plain geometry,
 * written to PDF by {@link PdfWriter}.
 * <p>
 * The signature block (署名, 成文日期 and the 附注 under them) stays on the page of the body's last
 * lines: the last two lines of text before it (besides a one-line closing such as 特此告知。) move
 * with it. When that ending does not fit on the page, the page's line spacing is first tightened
 * (GB/T 9704 7.3.5.1: 调整行距 so that the seal shares its page with the text, never 此页无正文), by
 * at most {@link #MIN_SQUEEZE}; only when that is not enough does the ending start a new page, and
 * then the page before is at least two thirds full.
 */
final class Typesetter {

	static final float MM = 72f / 25.4f;

	static final float PAGE_WIDTH = 210 * MM;

	static final float PAGE_HEIGHT = 297 * MM;

	static final float LEFT = 28 * MM;

	static final float WIDTH = 156 * MM;

	static final float RIGHT = LEFT + WIDTH;

	static final float TOP = PAGE_HEIGHT - 37 * MM;

	static final float BOTTOM = TOP - 225 * MM;

	static final float FOOTER_BASELINE = 20 * MM;

	static final float FOOTER_RULE = 26 * MM;

	/** The tightest line spacing, as a share of the normal, used to keep the ending on its page. */
	static final float MIN_SQUEEZE = 0.85f;

	/** Size and line height in points. 15.75 pt rather than 16 fits exactly 28 characters into 156 mm. */
	enum Style {

		ISSUER(Face.BOLD, 18f, 30f), TITLE(Face.BOLD, 22f, 36f), NUMBER(Face.REGULAR, 15.75f, 29f),
		BODY(Face.REGULAR, 15.75f, 29f), HEADING(Face.BOLD, 15.75f, 29f), COMPACT_ISSUER(Face.BOLD, 16f, 26f),
		COMPACT_TITLE(Face.BOLD, 20f, 30f), COMPACT_BODY(Face.REGULAR, 14f, 24f),
		LABEL(Face.BOLD, 12f, 18f), CELL(Face.REGULAR, 12f, 18f), FOOTER(Face.REGULAR, 10.5f, 14f);

		final Face face;

		final float size;

		final float leading;

		Style(Face face, float size, float leading) {
			this.face = face;
			this.size = size;
			this.leading = leading;
		}

		/** Baseline below the top of a line box: the em box centred in the line, 0.88 em above the baseline. */
		float baselineOffset() {
			return (leading - size) / 2 + size * 0.88f;
		}

	}

	/** Text in one face; {@code syntheticBold} when a bold character is missing from the bold font. */
	record Run(String text, Face face, boolean syntheticBold) {
	}

	record PlacedLine(float x, float baseline, Style style, List<Run> runs, float charSpacing) {
	}

	record Rule(float x1, float y1, float x2, float y2) {
	}

	record Page(List<PlacedLine> lines, List<Rule> rules) {
	}

	private static final float CELL_PADDING = 3f;

	private static final float LABEL_COLUMN = 6 * Style.LABEL.size + 2 * CELL_PADDING;

	private final BundledFonts fonts;

	Typesetter(BundledFonts fonts) {
		this.fonts = fonts;
	}

	// ---------------------------------------------------------------- items

	/** Something of a fixed height placed at a page's current top; {@code keepWithNext} binds it to what follows. */
	private abstract static class Item {

		final float height;

		boolean keepWithNext;

		Item(float height) {
			this.height = height;
		}

		abstract void place(int pageIndex, Page page, float top);

		/** Forget what was placed on a page that is being set again (tighter). */
		void forget(int pageIndex) {
		}

	}

	/** Vertical space; dropped at the top of a page. */
	private static final class Gap extends Item {

		Gap(float height) {
			super(height);
		}

		@Override
		void place(int pageIndex, Page page, float top) {
		}

	}

	private static class TextItem extends Item {

		final List<Fragment> fragments;

		TextItem(float height, List<Fragment> fragments) {
			super(height);
			this.fragments = fragments;
		}

		@Override
		void place(int pageIndex, Page page, float top) {
			for (Fragment f : fragments) {
				page.lines().add(new PlacedLine(f.x, top - f.dy - f.style.baselineOffset(), f.style, f.runs, f.charSpacing));
			}
		}

	}

	/** One line of one table row; records the row's extent on each page for the borders. */
	private static final class TableLine extends TextItem {

		final TableFrame frame;

		final int row;

		TableLine(float height, List<Fragment> fragments, TableFrame frame, int row) {
			super(height, fragments);
			this.frame = frame;
			this.row = row;
		}

		/** The height this line was given when placed (less than {@code height} on a tightened page). */
		float placedHeight = height;

		@Override
		void place(int pageIndex, Page page, float top) {
			super.place(pageIndex, page, top);
			frame.extend(row, pageIndex, page, top, top - placedHeight);
		}

		@Override
		void forget(int pageIndex) {
			frame.forget(pageIndex);
		}

	}

	/** A line's piece of text at an x position, {@code dy} below the item's top. */
	private record Fragment(float x, float dy, Style style, List<Run> runs, float charSpacing) {
	}

	/** Collects each row's top and bottom per page, then draws the cell borders. */
	private static final class TableFrame {

		private record Key(int row, int pageIndex) {
		}

		private final Map<Key, float[]> extents = new LinkedHashMap<>();

		private final Map<Key, Page> pages = new LinkedHashMap<>();

		void extend(int row, int pageIndex, Page page, float top, float bottom) {
			Key key = new Key(row, pageIndex);
			pages.put(key, page);
			extents.merge(key, new float[] { top, bottom },
					(a, b) -> new float[] { Math.max(a[0], b[0]), Math.min(a[1], b[1]) });
		}

		void forget(int pageIndex) {
			extents.keySet().removeIf(k -> k.pageIndex() == pageIndex);
			pages.keySet().removeIf(k -> k.pageIndex() == pageIndex);
		}

		void draw() {
			extents.forEach((key, e) -> {
				List<Rule> rules = pages.get(key).rules();
				float top = e[0];
				float bottom = e[1];
				rules.add(new Rule(LEFT, top, RIGHT, top));
				rules.add(new Rule(LEFT, bottom, RIGHT, bottom));
				rules.add(new Rule(LEFT, top, LEFT, bottom));
				rules.add(new Rule(RIGHT, top, RIGHT, bottom));
				rules.add(new Rule(LEFT + LABEL_COLUMN, top, LEFT + LABEL_COLUMN, bottom));
			});
		}

	}

	// ---------------------------------------------------------------- layout

	List<Page> layout(Draft draft) {
		List<Item> items = new ArrayList<>();
		List<TableFrame> frames = new ArrayList<>();
		boolean compact = draft.compact();
		Style body = compact ? Style.COMPACT_BODY : Style.BODY;
		centred(items, draft.issuer(), compact ? Style.COMPACT_ISSUER : Style.ISSUER);
		centred(items, draft.title(), compact ? Style.COMPACT_TITLE : Style.TITLE);
		items.add(new Gap(4));
		centred(items, draft.numberLine(), compact ? body : Style.NUMBER);
		items.add(new Gap(body.leading / 2));
		if (draft.addressee() != null) {
			Item addressee = paragraph(items, draft.addressee(), body, 0);
			addressee.keepWithNext = true;
		}
		for (Block block : draft.body()) {
			if (block instanceof Paragraph p) {
				paragraph(items, p.text(), body, 2 * body.size);
			}
			else if (block instanceof Heading h) {
				paragraph(items, h.text(), Style.HEADING, 2 * body.size).keepWithNext = true;
			}
			else if (block instanceof Table t) {
				items.add(new Gap(6));
				frames.add(table(items, t));
				items.add(new Gap(6));
			}
		}
		int closing = !draft.body().isEmpty() && draft.body().get(draft.body().size() - 1) instanceof Paragraph p
				&& lineCount(p.text(), body) == 1 && draft.body().size() > 1 ? 1 : 0;
		Item date = signature(items, draft.signatureUnit(), draft.signatureDate(), body, compact ? 1 : 2, closing);
		if (draft.note() != null) {
			date.keepWithNext = true;
			Gap gap = new Gap(body.leading / 2);
			gap.keepWithNext = true;
			items.add(gap);
			paragraph(items, draft.note(), body, 2 * body.size);
		}
		List<Page> pages = paginate(items);
		frames.forEach(TableFrame::draw);
		footers(pages, draft.footer());
		return pages;
	}

	private List<Page> paginate(List<Item> items) {
		List<Page> pages = new ArrayList<>();
		Page page = newPage(pages);
		float y = TOP;
		int pageStart = 0;
		int i = 0;
		while (i < items.size()) {
			int last = i;
			float group = items.get(i).height;
			while (items.get(last).keepWithNext && last + 1 < items.size()) {
				group += items.get(++last).height;
			}
			boolean pageHasContent = y < TOP;
			if (group > y - BOTTOM) {
				if (last == items.size() - 1 && pageHasContent) {
					// the ending (last lines, signature, date): tighten this page's spacing rather than break
					float used = TOP - y;
					float scale = (TOP - BOTTOM) / (used + group);
					if (scale >= MIN_SQUEEZE) {
						page.lines().clear();
						for (int k = pageStart; k <= last; k++) {
							items.get(k).forget(pages.size() - 1);
						}
						place(items, pageStart, last, pages.size() - 1, page, TOP, scale);
						break;
					}
				}
				if (group <= TOP - BOTTOM) {
					if (pageHasContent) {
						page = newPage(pages);
						y = TOP;
						pageStart = i;
					}
				}
				else {
					// too tall to keep together on any page: place item by item
					last = i;
					if (pageHasContent && items.get(i).height > y - BOTTOM) {
						page = newPage(pages);
						y = TOP;
						pageStart = i;
					}
				}
			}
			y = place(items, i, last, pages.size() - 1, page, y, 1f);
			i = last + 1;
		}
		return pages;
	}

	/** Places items {@code from..to} from {@code y} down, their heights scaled; a gap at the page's top is dropped. */
	private static float place(List<Item> items, int from, int to, int pageIndex, Page page, float y, float scale) {
		for (int k = from; k <= to; k++) {
			Item item = items.get(k);
			if (item instanceof Gap && y >= TOP) {
				continue;
			}
			if (item instanceof TableLine line) {
				line.placedHeight = item.height * scale;
			}
			item.place(pageIndex, page, y);
			y -= item.height * scale;
		}
		return y;
	}

	private static Page newPage(List<Page> pages) {
		Page page = new Page(new ArrayList<>(), new ArrayList<>());
		pages.add(page);
		return page;
	}

	private void footers(List<Page> pages, String footer) {
		for (int n = 0; n < pages.size(); n++) {
			Page page = pages.get(n);
			String pageNumber = "第 " + (n + 1) + " 页  共 " + pages.size() + " 页";
			float right = RIGHT - width(pageNumber, Style.FOOTER);
			page.lines().add(new PlacedLine(LEFT, FOOTER_BASELINE, Style.FOOTER, runs(footer, Style.FOOTER), 0));
			page.lines().add(new PlacedLine(right, FOOTER_BASELINE, Style.FOOTER, runs(pageNumber, Style.FOOTER), 0));
			page.rules().add(new Rule(LEFT, FOOTER_RULE, RIGHT, FOOTER_RULE));
		}
	}

	/** Centred lines (the head); wrapped if longer than the text width. */
	private void centred(List<Item> items, String text, Style style) {
		for (LineBreaker.Line line : LineBreaker.lines(text, WIDTH, WIDTH, cp -> width(cp, style))) {
			float x = LEFT + (WIDTH - line.width()) / 2;
			items.add(text(style, new Fragment(x, 0, style, runs(line.text(), style), 0)));
		}
	}

	/**
	 * A justified paragraph, its first line indented; the first line keeps with the second and the
	 * second-last with the last, so no page starts or ends with a lone line of it. Returns the last line.
	 */
	private Item paragraph(List<Item> items, String text, Style style, float indent) {
		List<LineBreaker.Line> lines = LineBreaker.lines(text, WIDTH - indent, WIDTH, cp -> width(cp, style));
		List<Item> placed = new ArrayList<>();
		for (int k = 0; k < lines.size(); k++) {
			LineBreaker.Line line = lines.get(k);
			float x = LEFT + (k == 0 ? indent : 0);
			float available = WIDTH - (k == 0 ? indent : 0);
			placed.add(text(style, new Fragment(x, 0, style, runs(line.text(), style), justify(line, available, style))));
		}
		if (placed.size() > 1) {
			placed.get(0).keepWithNext = true;
			placed.get(placed.size() - 2).keepWithNext = true;
		}
		items.addAll(placed);
		return placed.get(placed.size() - 1);
	}

	private int lineCount(String text, Style style) {
		return LineBreaker.lines(text, WIDTH - 2 * style.size, WIDTH, cp -> width(cp, style)).size();
	}

	/** Extra space between characters so a full line ends flush right; none when it would look loose. */
	private static float justify(LineBreaker.Line line, float available, Style style) {
		if (line.last() || line.glyphs() < 2) {
			return 0;
		}
		float spacing = (available - line.width()) / (line.glyphs() - 1);
		return spacing > 0 && spacing <= style.size * 0.25f ? spacing : 0;
	}

	private TableFrame table(List<Item> items, Table table) {
		TableFrame frame = new TableFrame();
		float labelWidth = LABEL_COLUMN - 2 * CELL_PADDING;
		float valueX = LEFT + LABEL_COLUMN + CELL_PADDING;
		float valueWidth = RIGHT - CELL_PADDING - valueX;
		for (int r = 0; r < table.rows().size(); r++) {
			Row row = table.rows().get(r);
			List<LineBreaker.Line> labels = LineBreaker.lines(row.label(), labelWidth, labelWidth,
					cp -> width(cp, Style.LABEL));
			List<LineBreaker.Line> values = new ArrayList<>();
			for (String p : row.value().split("\n")) {
				values.addAll(LineBreaker.lines(p, valueWidth, valueWidth, cp -> width(cp, Style.CELL)));
			}
			int count = Math.max(1, Math.max(labels.size(), values.size()));
			List<Item> rowItems = new ArrayList<>();
			for (int k = 0; k < count; k++) {
				float padTop = k == 0 ? CELL_PADDING : 0;
				float padBottom = k == count - 1 ? CELL_PADDING : 0;
				List<Fragment> fragments = new ArrayList<>();
				if (k < labels.size()) {
					fragments.add(new Fragment(LEFT + CELL_PADDING, padTop, Style.LABEL,
							runs(labels.get(k).text(), Style.LABEL), 0));
				}
				if (k < values.size()) {
					LineBreaker.Line v = values.get(k);
					fragments.add(new Fragment(valueX, padTop, Style.CELL, runs(v.text(), Style.CELL),
							justify(v, valueWidth, Style.CELL)));
				}
				rowItems.add(new TableLine(padTop + Style.CELL.leading + padBottom, fragments, frame, r));
			}
			// short rows stay whole; a long one may break, but not after its first or before its last line
			for (int k = 0; k < rowItems.size() - 1; k++) {
				rowItems.get(k).keepWithNext = rowItems.size() <= 6 || k == 0 || k == rowItems.size() - 2;
			}
			items.addAll(rowItems);
		}
		return frame;
	}

	/**
	 * The issuing body above the date, the date's right end four characters from the right margin,
	 * the body centred over the date; blank lines above, where the seal's top goes. Kept on the
	 * page of the last body line. Returns the date's line.
	 */
	private Item signature(List<Item> items, String unit, String date, Style style, int blankLines, int closingLines) {
		// the last two lines of text go with the signature, besides a one-line closing (特此告知。)
		int bound = 0;
		for (int k = items.size() - 1; k >= 0 && bound < 2 + closingLines; k--) {
			items.get(k).keepWithNext = true;
			if (items.get(k) instanceof TextItem) {
				bound++;
			}
		}
		float dateWidth = width(date, style);
		float dateX = RIGHT - 4 * style.size - dateWidth;
		float centre = dateX + dateWidth / 2;
		Gap seal = new Gap(blankLines * style.leading);
		seal.keepWithNext = true;
		items.add(seal);
		for (LineBreaker.Line line : LineBreaker.lines(unit, WIDTH, WIDTH, cp -> width(cp, style))) {
			float x = Math.min(centre - line.width() / 2, RIGHT - line.width());
			Item item = text(style, new Fragment(Math.max(LEFT, x), 0, style, runs(line.text(), style), 0));
			item.keepWithNext = true;
			items.add(item);
		}
		Item dateLine = text(style, new Fragment(dateX, 0, style, runs(date, style), 0));
		items.add(dateLine);
		return dateLine;
	}

	private static TextItem text(Style style, Fragment fragment) {
		return new TextItem(style.leading, List.of(fragment));
	}

	// ---------------------------------------------------------------- glyphs

	private record Glyph(int codePoint, Face face, boolean syntheticBold) {
	}

	/** The face each character is set in: the style's own, else Regular (emboldened), else □. */
	private Glyph glyph(int cp, Style style) {
		if (fonts.covers(style.face, cp)) {
			return new Glyph(cp, style.face, false);
		}
		boolean bold = style.face == Face.BOLD;
		if (fonts.covers(Face.REGULAR, cp)) {
			return new Glyph(cp, Face.REGULAR, bold);
		}
		return new Glyph(BundledFonts.MISSING, Face.REGULAR, bold);
	}

	private float width(int cp, Style style) {
		Glyph g = glyph(cp, style);
		return fonts.width(g.face(), g.codePoint(), style.size);
	}

	private float width(String text, Style style) {
		float w = 0;
		for (int cp : text.codePoints().toArray()) {
			w += width(cp, style);
		}
		return w;
	}

	private List<Run> runs(String text, Style style) {
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Glyph first = null;
		for (int cp : text.codePoints().toArray()) {
			Glyph g = glyph(cp, style);
			if (first != null && (g.face() != first.face() || g.syntheticBold() != first.syntheticBold())) {
				runs.add(new Run(current.toString(), first.face(), first.syntheticBold()));
				current.setLength(0);
			}
			if (current.isEmpty()) {
				first = g;
			}
			current.appendCodePoint(g.codePoint());
		}
		if (!current.isEmpty()) {
			runs.add(new Run(current.toString(), first.face(), first.syntheticBold()));
		}
		return runs;
	}

}
