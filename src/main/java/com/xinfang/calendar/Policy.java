package com.xinfang.calendar;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code of a named set of time limits ({@code time_limit_policy}). Policies are data: a
 * deployment can add its own local targets by migration and choose them with
 * {@code xinfang.time-limits.target-policy}.
 */
public record Policy(String code) {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	/** 《信访工作条例》 (2022): the statutory clock. Missing it is overdue. */
	public static final Policy STATUTORY = new Policy("STATUTORY");

	/**
	 * Changde's "3530": simple matters accepted within 3 days, complex ones within 5, handled within
	 * 30. The default target clock; missing it is a warning.
	 */
	public static final Policy CHANGDE_3530 = new Policy("CHANGDE_3530");

	public Policy {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("not a policy code: " + code);
		}
	}

	@Override
	public String toString() {
		return code;
	}

}
