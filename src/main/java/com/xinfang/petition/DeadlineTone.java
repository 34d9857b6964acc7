package com.xinfang.petition;

import java.time.LocalDate;

/** The colour of a clock: green on time, amber due within three days, red overdue. */
public enum DeadlineTone {

	ON_TIME, DUE_SOON, OVERDUE;

	static final int DUE_SOON_DAYS = 3;

	static DeadlineTone of(LocalDate due, LocalDate today) {
		if (due == null) {
			return ON_TIME;
		}
		if (due.isBefore(today)) {
			return OVERDUE;
		}
		return due.isAfter(today.plusDays(DUE_SOON_DAYS)) ? ON_TIME : DUE_SOON;
	}

}
