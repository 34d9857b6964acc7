package com.xinfang.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Where a due date stands today, for the coloured badges: {@link Tone#ON_TIME},
 * {@link Tone#DUE_SOON} or {@link Tone#OVERDUE}.
 *
 * <p>
 * DUE_SOON means the due date is today or within the next {@value #DUE_SOON_DAYS} calendar days. A
 * fixed number rather than a share of the limit: staff read it the same way on every limit ("3天内
 * 到期"), and a share would never turn amber on the 3- and 5-day 3530 targets (20% of 3 days is less
 * than one day). The long limits (60 days to handle) warn earlier through their target clock (30
 * days under 3530). The due date is the last permitted day: a matter is overdue from the day after.
 */
@Component
public class DeadlineClock {

	public static final int DUE_SOON_DAYS = 3;

	private final Clock clock;

	public DeadlineClock(Clock clock) {
		this.clock = clock;
	}

	/** Today in the injected clock's zone (Beijing time in the application). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Standing standing(LocalDate due) {
		return standing(due, today());
	}

	/** The standing of one due date on a given day. */
	public static Standing standing(LocalDate due, LocalDate today) {
		long left = ChronoUnit.DAYS.between(today, due);
		Tone tone = left < 0 ? Tone.OVERDUE : left <= DUE_SOON_DAYS ? Tone.DUE_SOON : Tone.ON_TIME;
		return new Standing(due, left, tone);
	}

	public Tone tone(TwoClocks clocks) {
		return tone(clocks, today());
	}

	/**
	 * One badge for both clocks of a limit: OVERDUE only when the statutory limit has passed; a missed
	 * or close target, or a close statutory limit, is DUE_SOON (a warning, domain.md §2).
	 */
	public static Tone tone(TwoClocks clocks, LocalDate today) {
		Tone statutory = standing(clocks.statutory().due(), today).tone();
		if (statutory == Tone.OVERDUE) {
			return Tone.OVERDUE;
		}
		Tone target = standing(clocks.target().due(), today).tone();
		return statutory == Tone.DUE_SOON || target != Tone.ON_TIME ? Tone.DUE_SOON : Tone.ON_TIME;
	}

	/**
	 * @param due the last permitted day
	 * @param daysLeft calendar days from today to the due date; 0 on the due date, negative when
	 * overdue
	 * @param tone the badge
	 */
	public record Standing(LocalDate due, long daysLeft, Tone tone) {

		/** Days past the due date, 0 when not overdue. */
		public long daysOverdue() {
			return Math.max(0, -daysLeft);
		}

	}

}
