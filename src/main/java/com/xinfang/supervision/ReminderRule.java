package com.xinfang.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When a clock calls for a reminder: at half and three quarters of the time between the clock's
 * start and its due date, on the due day, and once it is missed.
 */
final class ReminderRule {

	enum Threshold {

		HALF("已过半"), THREE_QUARTERS("已过四分之三"), DUE_DAY("今日到期"), MISSED("已超期");

		final String label;

		Threshold(String label) {
			this.label = label;
		}

	}

	private ReminderRule() {
	}

	/** The thresholds reached by today, for a clock that started on {@code start} and is due on {@code due}. */
	static List<Threshold> reached(LocalDate start, LocalDate due, LocalDate today) {
		List<Threshold> out = new ArrayList<>();
		if (start == null || due == null || today.isBefore(start)) {
			return out;
		}
		long total = Math.max(1, ChronoUnit.DAYS.between(start, due));
		long elapsed = ChronoUnit.DAYS.between(start, today);
		if (elapsed * 2 >= total) {
			out.add(Threshold.HALF);
		}
		if (elapsed * 4 >= total * 3) {
			out.add(Threshold.THREE_QUARTERS);
		}
		if (!today.isBefore(due)) {
			out.add(Threshold.DUE_DAY);
		}
		if (today.isAfter(due)) {
			out.add(Threshold.MISSED);
		}
		return out;
	}

}
