package com.xinfang.calendar;

/**
 * Whether a matter is simple or complex, as far as time limits care (Changde's 3530 gives simple
 * matters 3 days and complex ones 5 to be accepted). The petition module maps its own
 * classification onto this; an unknown complexity is passed as {@code null}.
 */
public enum TimeLimitComplexity {

	SIMPLE, COMPLEX

}
