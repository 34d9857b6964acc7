package com.xinfang.privacy;

import java.util.Optional;

/** Mainland mobile numbers: 11 digits starting with 1 and a network digit 3–9; +86 prefix allowed. */
public final class MobilePhone {

	private MobilePhone() {
	}

	public static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String digits = raw.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return digits;
	}

	public static Optional<String> problem(String raw) {
		String phone = normalise(raw);
		if (phone == null || !phone.matches("1[3-9]\\d{9}")) {
			return Optional.of("请输入11位手机号码");
		}
		return Optional.empty();
	}

}
