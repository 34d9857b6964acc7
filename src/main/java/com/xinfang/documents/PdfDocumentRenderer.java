package com.xinfang.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** {@link DocumentRenderer} with the bundled Noto Serif SC subsets and PDFBox; stateless, so thread-safe. */
@Component
class PdfDocumentRenderer implements DocumentRenderer {

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	@Override
	public byte[] render(OfficialDocument document) {
		Draft draft = Wording.draft(document);
		// the fonts are read on first use, not at start-up: most requests never print a document
		BundledFonts fonts = BundledFonts.get();
		try {
			return new PdfWriter(fonts).write(new Typesetter(fonts).layout(draft), new PdfWriter.Info(
					document.kind().title() + "（" + DocumentText.line(document.petitionNumber()) + "）",
					DocumentText.line(document.issuingUnitName()), document.kind().title()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + document.kind() + " " + document.petitionNumber(), ex);
		}
	}

	@Override
	public String fileName(OfficialDocument document) {
		String number = document.petitionNumber().replaceAll("[^A-Za-z0-9-]", "");
		return number + "_" + document.kind().shortName() + "_" + FILE_DATE.format(document.issuedOn()) + ".pdf";
	}

	@Override
	public Set<String> unsupportedCharacters(OfficialDocument document) {
		Set<String> missing = new LinkedHashSet<>();
		Stream.concat(Stream.of(document.petitionNumber(), document.issuingUnitName(), document.addresseeName(),
				document.title()), document.fields().values().stream())
			.filter(s -> s != null)
			.flatMapToInt(String::codePoints)
			.filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
			.filter(cp -> !BundledFonts.get().covers(BundledFonts.Face.REGULAR, cp))
			.forEach(cp -> missing.add(new String(Character.toChars(cp))));
		return missing;
	}

}
