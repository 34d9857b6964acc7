package com.xinfang.documents;

import java.util.Set;

/**
 * Renders official documents as PDF: A4, Chinese text in a bundled, embedded font (no system font
 * and nothing from the network is needed), the 信访编号 and page number in every page's footer.
 * Implementations are thread-safe; the application context holds one.
 */
public interface DocumentRenderer {

	String CONTENT_TYPE = "application/pdf";

	/**
	 * The PDF bytes.
	 * @throws IllegalArgumentException (with a Chinese message) when a field the kind needs is
	 *     missing or a value is not allowed, e.g. an extension of more than 30 days
	 */
	byte[] render(OfficialDocument document);

	/** A file name such as {@code XF430702260302000123_受理告知书_20260305.pdf}. */
	String fileName(OfficialDocument document);

	/**
	 * The characters of the document that the bundled font lacks (rare characters outside
	 * GB 2312, e.g. in a name); they would be printed as □. Empty when all can be printed.
	 */
	Set<String> unsupportedCharacters(OfficialDocument document);

	/** The renderer without Spring, e.g. for tests of other modules. */
	static DocumentRenderer pdf() {
		return new PdfDocumentRenderer();
	}

}
