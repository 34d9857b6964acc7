package com.xinfang.privacy;

/** How personal data is shown to anyone who has not unmasked it. */
public final class Masking {

	private Masking() {
	}

	/** 430702********123X: region of issue and last four kept. */
	public static String idNumber(String id) {
		if (id == null || id.length() < 10) {
			return id == null ? null : "*".repeat(id.length());
		}
		return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
	}

	/** 138****0001. */
	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** 张*, 欧阳** : the family name stays. */
	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int keep = name.length() >= 4 ? 2 : 1;
		return name.substring(0, keep) + "*".repeat(name.length() - keep);
	}

	/** Keeps the first six characters of an address (province, city, county) and hides the rest. */
	public static String address(String address) {
		if (address == null || address.length() <= 6) {
			return address;
		}
		return address.substring(0, 6) + "****";
	}

}
