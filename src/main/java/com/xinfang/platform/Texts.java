package com.xinfang.platform;

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

}
