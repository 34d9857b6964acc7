package com.xinfang.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 18-digit citizen identity number of GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** Compiled once: this runs for every petitioner of every registration. */
	private static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");

	private IdNumber() {
	}

	/** Upper-case X, no spaces. */
	public static String normalise(String raw) {
		return raw == null ? null : raw.strip().toUpperCase();
	}

	/** Why the number is not valid (a Chinese message), or empty when it is. */
	public static Optional<String> problem(String raw, LocalDate today) {
		String id = normalise(raw);
		if (id == null || !FORM.matcher(id).matches()) {
			return Optional.of("身份证号码应为18位，最后一位可以是数字或X");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return Optional.of("身份证号码中的出生日期无效");
		}
		if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
			return Optional.of("身份证号码中的出生日期无效");
		}
		if (id.charAt(17) != checkCharacter(id)) {
			return Optional.of("身份证号码校验位不正确，请核对");
		}
		return Optional.empty();
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Completes a 17-digit prefix with its check character (for generated demo data). */
	public static String withCheckCharacter(String first17) {
		return first17 + checkCharacter(first17);
	}

}
