package com.xinfang.mediation;

import com.xinfang.calendar.WorkingCalendar;
import java.time.LocalDate;

/**
 * 《中华人民共和国人民调解法》第三十三条: 经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解
 * 协议生效之日起三十日内共同向人民法院申请司法确认. The 30 days are counted as a civil-law period: the day the
 * agreement takes effect is not counted, and a last day that is a rest day moves to the next working
 * day (民法典 Art 201, 203, as the calendar module's {@link WorkingCalendar#addCalendarDays}). The
 * mediator is reminded from {@value #REMIND_DAYS} days before the window closes until it closes or
 * the parties have applied.
 */
final class JudicialConfirmationRule {

	static final int WINDOW_DAYS = 30;

	static final int REMIND_DAYS = 5;

	private JudicialConfirmationRule() {
	}

	static LocalDate lastDay(LocalDate effectiveOn, WorkingCalendar calendar) {
		return calendar.addCalendarDays(effectiveOn, WINDOW_DAYS);
	}

	static boolean open(LocalDate effectiveOn, LocalDate today, WorkingCalendar calendar) {
		return !today.isBefore(effectiveOn) && !today.isAfter(lastDay(effectiveOn, calendar));
	}

	/** Remind: the window is open, closes within {@value #REMIND_DAYS} days, and nobody has applied. */
	static boolean remind(LocalDate effectiveOn, LocalDate appliedOn, LocalDate today, WorkingCalendar calendar) {
		return appliedOn == null && open(effectiveOn, today, calendar)
				&& !today.isBefore(lastDay(effectiveOn, calendar).minusDays(REMIND_DAYS));
	}

}
