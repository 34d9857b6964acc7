package com.xinfang.prevention;

import java.time.LocalDate;

/**
 * The key-person list's time rule: an entry holds until its review date and lapses the day after
 * unless renewed (a renewal sets a new review date, at most a year ahead); a follow-up is due
 * {@code followUpDays} after the last visit (or after the entry was added).
 */
public final class KeyPersonRule {

	/** The longest an entry may run before it must be reviewed again. */
	public static final int MAX_REVIEW_DAYS = 366;

	private KeyPersonRule() {
	}

	public static boolean lapsed(LocalDate reviewOn, LocalDate today) {
		return today.isAfter(reviewOn);
	}

	public static LocalDate nextFollowUp(LocalDate lastVisit, LocalDate added, int followUpDays) {
		return (lastVisit != null ? lastVisit : added).plusDays(followUpDays);
	}

	public static boolean followUpOverdue(LocalDate lastVisit, LocalDate added, int followUpDays, LocalDate today) {
		return today.isAfter(nextFollowUp(lastVisit, added, followUpDays));
	}

	/** A review date must be after today and at most {@link #MAX_REVIEW_DAYS} ahead. */
	public static boolean validReviewDate(LocalDate reviewOn, LocalDate today) {
		return reviewOn != null && reviewOn.isAfter(today) && !reviewOn.isAfter(today.plusDays(MAX_REVIEW_DAYS));
	}

}
