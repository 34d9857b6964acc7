package com.xinfang.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Dates and text as Chinese documents print them. */
final class DocumentText {

	private DocumentText() {
	}

	/** 2026年3月2日 (GB/T 9704: Arabic numerals, no leading zeros). */
	static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** An ISO date (2026-05-04) as 2026年5月4日; any other text as given. */
	static String dateOrText(String value) {
		try {
			return date(LocalDate.parse(value.strip()));
		}
		catch (DateTimeParseException ex) {
			return value.strip();
		}
	}

	/** An ISO date-time (2026-03-03T10:30) as 2026年3月3日10时30分; a date or text as {@link #dateOrText}. */
	static String dateTimeOrText(String value) {
		try {
			LocalDateTime t = LocalDateTime.parse(value.strip());
			return date(t.toLocalDate()) + t.getHour() + "时" + String.format("%02d", t.getMinute()) + "分";
		}
		catch (DateTimeParseException ex) {
			return dateOrText(value);
		}
	}

	/** One line of text: control characters and line breaks become spaces, runs of spaces one. */
	static String line(String value) {
		return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
	}

	/** Paragraphs: split at line breaks, each cleaned as a {@link #line}, blank ones dropped. */
	static List<String> paragraphs(String value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split("\\R")).map(DocumentText::line).filter(s -> !s.isEmpty()).toList();
	}

	/** A clause to be followed by our own punctuation: trailing 。；，.; removed. */
	static String clause(String value) {
		return line(value).replaceAll("[。；，,;.．\\s]+$", "");
	}

}
