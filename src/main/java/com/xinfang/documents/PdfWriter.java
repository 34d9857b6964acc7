package com.xinfang.documents;

import com.xinfang.documents.BundledFonts.Face;
import com.xinfang.documents.Typesetter.Page;
import com.xinfang.documents.Typesetter.PlacedLine;
import com.xinfang.documents.Typesetter.Rule;
import com.xinfang.documents.Typesetter.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Writes typeset pages with PDFBox. Each font is embedded as a subset of the glyphs the document
 * uses (Type 0 / CIDFontType2 with a ToUnicode map, so text can be searched and copied).
 */
final class PdfWriter {

	/** Title, author and subject of the PDF's document information. */
	record Info(String title, String author, String subject) {
	}

	private final BundledFonts fonts;

	PdfWriter(BundledFonts fonts) {
		this.fonts = fonts;
	}

	byte[] write(List<Page> pages, Info info) throws IOException {
		List<TrueTypeFont> opened = new ArrayList<>();
		try (PDDocument doc = new PDDocument()) {
			Map<Face, PDType0Font> embedded = new EnumMap<>(Face.class);
			for (Page page : pages) {
				PDPage pdPage = new PDPage(PDRectangle.A4);
				doc.addPage(pdPage);
				try (PDPageContentStream out = new PDPageContentStream(doc, pdPage)) {
					drawRules(out, page.rules());
					for (PlacedLine line : page.lines()) {
						drawLine(out, line, face -> embedded.computeIfAbsent(face, f -> load(doc, f, opened)));
					}
				}
			}
			PDDocumentInformation information = doc.getDocumentInformation();
			information.setTitle(info.title());
			information.setAuthor(info.author());
			information.setSubject(info.subject());
			information.setCreator("XinFang 智慧信访");
			doc.getDocumentCatalog().setLanguage("zh-CN");
			// an ID from the content instead of the clock: the same document gives the same bytes
			COSString id = new COSString(digest(pages, info));
			COSArray ids = new COSArray();
			ids.add(id);
			ids.add(id);
			doc.getDocument().getTrailer().setItem(COSName.ID, ids);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (UncheckedFontException ex) {
			throw ex.getCause();
		}
		finally {
			for (TrueTypeFont ttf : opened) {
				ttf.close();
			}
		}
	}

	private static byte[] digest(List<Page> pages, Info info) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update(info.toString().getBytes(StandardCharsets.UTF_8));
			for (Page page : pages) {
				md5.update(page.toString().getBytes(StandardCharsets.UTF_8));
			}
			return md5.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private interface Fonts {

		PDType0Font get(Face face);

	}

	private static void drawRules(PDPageContentStream out, List<Rule> rules) throws IOException {
		if (rules.isEmpty()) {
			return;
		}
		out.setLineWidth(0.6f);
		out.setStrokingColor(0f);
		for (Rule rule : rules) {
			out.moveTo(rule.x1(), rule.y1());
			out.lineTo(rule.x2(), rule.y2());
		}
		out.stroke();
	}

	private static void drawLine(PDPageContentStream out, PlacedLine line, Fonts fonts) throws IOException {
		float size = line.style().size;
		out.beginText();
		out.newLineAtOffset(line.x(), line.baseline());
		out.setCharacterSpacing(line.charSpacing());
		for (Run run : line.runs()) {
			out.setFont(fonts.get(run.face()), size);
			if (run.syntheticBold()) {
				// a bold character the bold subset lacks: the regular glyph, outlined to look bold
				out.setRenderingMode(RenderingMode.FILL_STROKE);
				out.setLineWidth(size * 0.035f);
			}
			out.showText(run.text());
			if (run.syntheticBold()) {
				out.setRenderingMode(RenderingMode.FILL);
			}
		}
		out.endText();
	}

	private PDType0Font load(PDDocument doc, Face face, List<TrueTypeFont> opened) {
		try {
			TrueTypeFont ttf = fonts.open(face);
			opened.add(ttf);
			return PDType0Font.load(doc, ttf, true);
		}
		catch (IOException ex) {
			throw new UncheckedFontException(ex);
		}
	}

	private static final class UncheckedFontException extends RuntimeException {

		UncheckedFontException(IOException cause) {
			super(cause);
		}

		@Override
		public synchronized IOException getCause() {
			return (IOException) super.getCause();
		}

	}

}
