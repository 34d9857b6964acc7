package com.xinfang.calendar;

import java.time.LocalDate;

/** How a time limit counts: "日" (calendar days) or "工作日" (working days). */
public enum DayUnit {

	/** 日: every day counts; a limit ending on a rest day ends on the next working day. */
	CALENDAR_DAYS {
		@Override
		LocalDate add(HolidayTable table, LocalDate start, int days) {
			return table.addCalendarDays(start, days);
		}
	},

	/** 工作日: only working days count. */
	WORKING_DAYS {
		@Override
		LocalDate add(HolidayTable table, LocalDate start, int days) {
			return table.addWorkingDays(start, days);
		}
	};

	abstract LocalDate add(HolidayTable table, LocalDate start, int days);

}
