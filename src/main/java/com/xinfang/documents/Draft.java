package com.xinfang.documents;

import java.util.List;

/**
 * A document's words in their places, before typesetting: the head (issuing body, title, number
 * line), the addressee, the body blocks, the signature (issuing body above the date) and a note.
 */
record Draft(String issuer, String title, String numberLine, String addressee, List<Block> body,
		String signatureUnit, String signatureDate, String note, String footer, boolean compact) {

	sealed interface Block {
	}

	/** A body paragraph, first line indented by two characters. */
	record Paragraph(String text) implements Block {
	}

	/** A numbered section heading (一、…), kept with the paragraph after it. */
	record Heading(String text) implements Block {
	}

	/** A ruled two-column table of labels and values, for the slips. */
	record Table(List<Row> rows) implements Block {
	}

	record Row(String label, String value) {
	}

}
