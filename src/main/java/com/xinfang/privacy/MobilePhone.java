package com.xinfang.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting with 1 and a network digit 3–9; +86 prefix allowed. */
public final class MobilePhone {

	/** Compiled once: these run for every petitioner of every registration. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private MobilePhone() {
	}

	public static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String digits = SEPARATORS.matcher(raw).replaceAll("");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return digits;
	}

	public static Optional<String> problem(String raw) {
		String phone = normalise(raw);
		if (phone == null || !MOBILE.matcher(phone).matches()) {
			return Optional.of("请输入11位手机号码");
		}
		return Optional.empty();
	}

}
