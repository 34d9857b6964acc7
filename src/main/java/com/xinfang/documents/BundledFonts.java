package com.xinfang.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The two bundled TrueType fonts (see {@code fonts/NOTICE.txt}): their bytes, which characters
 * they cover and how wide each is, read once. Everything here is immutable after loading, so
 * measuring text needs no lock; each document parses its own {@link TrueTypeFont} from the
 * shared bytes because PDFBox font objects are not thread-safe.
 */
final class BundledFonts {

	enum Face {

		REGULAR("fonts/NotoSerifSC-Regular-GB2312.ttf"), BOLD("fonts/NotoSerifSC-Bold-GB2312L1.ttf");

		private final String resource;

		Face(String resource) {
			this.resource = resource;
		}

	}

	/** Printed for a character neither font has: the usual mark for a missing character. */
	static final int MISSING = '□';

	private record Loaded(byte[] bytes, BitSet coverage, short[] advances, float unitsPerEm) {
	}

	private static final class Holder {

		static final BundledFonts INSTANCE = new BundledFonts();

	}

	private final Map<Face, Loaded> fonts = new EnumMap<>(Face.class);

	private final long loadNanos;

	private BundledFonts() {
		long start = System.nanoTime();
		for (Face face : Face.values()) {
			fonts.put(face, load(face));
		}
		loadNanos = System.nanoTime() - start;
		if (!covers(Face.REGULAR, MISSING)) {
			throw new IllegalStateException("The regular font must have □");
		}
	}

	static BundledFonts get() {
		return Holder.INSTANCE;
	}

	/** How long reading the fonts took, for the measurements. */
	long loadNanos() {
		return loadNanos;
	}

	private static Loaded load(Face face) {
		try (InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(face.resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing font resource " + face.resource);
			}
			byte[] bytes = in.readAllBytes();
			try (TrueTypeFont ttf = parse(bytes)) {
				CmapLookup cmap = ttf.getUnicodeCmapLookup();
				BitSet coverage = new BitSet(0x10000);
				short[] advances = new short[0x10000];
				for (int cp = 0; cp < 0x10000; cp++) {
					int gid = cmap.getGlyphId(cp);
					if (gid > 0) {
						coverage.set(cp);
						advances[cp] = (short) ttf.getAdvanceWidth(gid);
					}
				}
				return new Loaded(bytes, coverage, advances, ttf.getUnitsPerEm());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read font " + face.resource, ex);
		}
	}

	private static TrueTypeFont parse(byte[] bytes) throws IOException {
		return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
	}

	/** A fresh parse of the font for one document; the caller closes it. */
	TrueTypeFont open(Face face) throws IOException {
		return parse(fonts.get(face).bytes());
	}

	boolean covers(Face face, int codePoint) {
		return codePoint < 0x10000 && fonts.get(face).coverage().get(codePoint);
	}

	/** The advance of a covered character at the given size, in points. */
	float width(Face face, int codePoint, float size) {
		Loaded font = fonts.get(face);
		return font.advances()[codePoint] * size / font.unitsPerEm();
	}

}
