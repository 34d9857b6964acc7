package com.xinfang.platform;

import java.util.Locale;

/**
 * Length limits of typed text, checked before anything is stored, so an over-long value is a
 * Chinese 400 naming the field and its limit instead of a database error.
 */
public final class Texts {

	/** Limit of free-text columns (replies, reasons, notes): long enough for any written answer. */
	public static final int LONG = 5000;

	private Texts() {
	}

	/**
	 * The stripped text (null stays null) when it has at most {@code max} characters; otherwise a
	 * 400 for {@code field} saying "label不能超过max字".
	 */
	public static String within(String field, String label, String value, int max) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		if (text.codePointCount(0, text.length()) > max) {
			throw new DomainException.Invalid(field, tooLong(label, max));
		}
		return text;
	}

	public static String tooLong(String label, int max) {
		return label + "不能超过" + max + "字";
	}

	/** Whether a typed value is missing: null, empty or only white space. */
	public static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** The stripped text, or null when nothing was typed. */
	public static String blankToNull(String s) {
		return blank(s) ? null : s.strip();
	}

	/** The stripped text; a Chinese 400 for {@code field} when nothing was typed. */
	public static String required(String field, String value, String message) {
		if (blank(value)) {
			throw new DomainException.Invalid(field, message);
		}
		return value.strip();
	}

	/**
	 * The constant of {@code type} named by a typed value (any case, white space ignored); null when
	 * nothing was typed; a Chinese 400 for {@code field} when the value names no constant.
	 */
	public static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String field) {
		if (blank(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid(field, "取值无效: " + value);
		}
	}

}
