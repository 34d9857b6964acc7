package com.xinfang.documents;

import com.xinfang.documents.BundledFonts.Face;
import com.xinfang.documents.Typesetter.Page;
import com.xinfang.documents.Typesetter.PlacedLine;
import com.xinfang.documents.Typesetter.Rule;
import com.xinfang.documents.Typesetter.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
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
