package com.xinfang.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One listed day of the calendar, e.g. 2026-10-01 HOLIDAY 国庆节 or 2026-10-10 WORKDAY 国庆节. */
public record CalendarDay(LocalDate day, DayKind kind, String name) {

	public CalendarDay {
		Objects.requireNonNull(day, "day");
		Objects.requireNonNull(kind, "kind");
		name = name == null ? "" : name;
	}

}
