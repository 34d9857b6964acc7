package com.xinfang.calendar;

import com.xinfang.calendar.internal.CalendarStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar of mainland China, as the {@code calendar_day} table says today.
 *
 * <p>
 * Counting follows the usual rule of Chinese law (民法典 Art 201, 203; domain.md §2): the start day
 * is not counted, and a limit whose last day is a rest day (a weekend day or a statutory holiday,
 * but not a 调休 make-up working day) ends on the next working day. The table is cached in memory
 * and re-read when an administrator changes it on any node.
 */
@Service
public class WorkingCalendar {

	private final Supplier<HolidayTable> table;

	@Autowired
	WorkingCalendar(CalendarStore store) {
		this(store::holidays);
	}

	private WorkingCalendar(Supplier<HolidayTable> table) {
		this.table = table;
	}

	/** A calendar over fixed data, for tests and tools outside Spring. */
	public static WorkingCalendar of(HolidayTable table) {
		Objects.requireNonNull(table, "table");
		return new WorkingCalendar(() -> table);
	}

	/** Weekend or statutory holiday, except 调休 make-up working days. */
	public boolean isRestDay(LocalDate date) {
		return table().isRestDay(date);
	}

	public boolean isWorkingDay(LocalDate date) {
		return table().isWorkingDay(date);
	}

	/** The last day of a limit of {@code days} calendar days (日); see {@link HolidayTable#addCalendarDays}. */
	public LocalDate addCalendarDays(LocalDate start, int days) {
		return table().addCalendarDays(start, days);
	}

	/** The last day of a limit of {@code days} working days (工作日); see {@link HolidayTable#addWorkingDays}. */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		return table().addWorkingDays(start, days);
	}

	/** {@code days} in the given unit after {@code start}. */
	public LocalDate add(LocalDate start, int days, DayUnit unit) {
		return unit.add(table(), start, days);
	}

	/** The number of working days in {@code (from, to]}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return table().workingDaysBetween(from, to);
	}

	/** The last year with holiday data; the UI warns when it is before next year. */
	public Optional<Integer> coveredUntilYear() {
		return table().coveredUntilYear();
	}

	/** Whether the holidays of this year have been entered. */
	public boolean covers(int year) {
		return table().covers(year);
	}

	/** This year and next year, those whose holidays are not entered yet; the UI warns about them. */
	public List<Integer> missingYears(LocalDate today) {
		return table().missingYears(today);
	}

	/** The current snapshot, for listing; it does not change under the caller. */
	public HolidayTable table() {
		return table.get();
	}

}
