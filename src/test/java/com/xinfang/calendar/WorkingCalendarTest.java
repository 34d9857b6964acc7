package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The counting rule of Chinese law (民法典 Art 201, 203) on the real holiday data shipped with the
 * application (chinese-days 1.5.7, following the State Council notices). Every expected date was
 * worked out by hand from the notice of its year.
 */
class WorkingCalendarTest {

	static final WorkingCalendar CHINA = WorkingCalendar.of(HolidayTable.bundled());

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Nested
	class CalendarDays {

		@Test
		void theStartDayIsNotCounted() {
			// Monday 2026-03-02: one day later is Tuesday, not Monday.
			assertThat(CHINA.addCalendarDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03"));
			assertThat(CHINA.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-17"));
		}

		@Test
		void zeroDaysIsTheStartDayWhenItIsAWorkingDay() {
			assertThat(CHINA.addCalendarDays(d("2026-03-02"), 0)).isEqualTo(d("2026-03-02"));
		}

		@Test
		void aLimitEndingOnAWeekendEndsOnTheFollowingMonday() {
			// Thursday + 2 = Saturday 2026-03-07 → Monday 2026-03-09
			assertThat(CHINA.addCalendarDays(d("2026-03-05"), 2)).isEqualTo(d("2026-03-09"));
			// Thursday + 3 = Sunday → Monday
			assertThat(CHINA.addCalendarDays(d("2026-03-05"), 3)).isEqualTo(d("2026-03-09"));
		}

		@Test
		void aLetterReceivedOnSeptember17HasItsFifteenDaysEndAfterTheNationalDayHoliday() {
			// domain.md: 2026-09-17 + 15 = 2026-10-02, inside 国庆节 2026-10-01..07 → Thursday 2026-10-08
			assertThat(CHINA.addCalendarDays(d("2026-09-17"), 15)).isEqualTo(d("2026-10-08"));
		}

		@Test
		void aLimitEndingInTheSpringFestivalEndsOnTheFirstWorkingDayAfterIt() {
			// 2026 春节: 02-15..02-23 off → 2026-02-16 moves to Tuesday 02-24
			assertThat(CHINA.addCalendarDays(d("2026-02-01"), 15)).isEqualTo(d("2026-02-24"));
			// 2025 春节: 01-28..02-04 off → 2025-02-04 moves to Wednesday 02-05
			assertThat(CHINA.addCalendarDays(d("2025-01-20"), 15)).isEqualTo(d("2025-02-05"));
		}

		@Test
		void aLimitEndingOnAMakeUpSaturdayEndsThatSaturday() {
			// 2026-10-10 is a Saturday worked in exchange for the National Day holiday.
			assertThat(d("2026-10-10").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
			assertThat(CHINA.addCalendarDays(d("2026-09-25"), 15)).isEqualTo(d("2026-10-10"));
			// and a make-up Sunday: 2026-09-20
			assertThat(CHINA.addCalendarDays(d("2026-09-05"), 15)).isEqualTo(d("2026-09-20"));
		}

		@Test
		void sixtyDaysToHandleAcrossTheNationalDayHoliday() {
			assertThat(CHINA.addCalendarDays(d("2026-08-05"), 60)).isEqualTo(d("2026-10-08"));
			assertThat(CHINA.addCalendarDays(d("2026-08-10"), 60)).isEqualTo(d("2026-10-09"));
			// 2025 National Day with Mid-Autumn: 10-01..10-08 off
			assertThat(CHINA.addCalendarDays(d("2025-09-20"), 15)).isEqualTo(d("2025-10-09"));
		}

		@Test
		void negativeDaysAreRefused() {
			assertThatThrownBy(() -> CHINA.addCalendarDays(d("2026-03-02"), -1)).isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Nested
	class RestDays {

		@Test
		void weekendsAreRestDaysAndWeekdaysAreNot() {
			assertThat(CHINA.isRestDay(d("2026-03-07"))).isTrue(); // Saturday
			assertThat(CHINA.isRestDay(d("2026-03-08"))).isTrue(); // Sunday
			assertThat(CHINA.isRestDay(d("2026-03-09"))).isFalse(); // Monday
		}

		@Test
		void statutoryHolidaysAreRestDaysEvenOnWeekdays() {
			assertThat(CHINA.isRestDay(d("2026-10-01"))).isTrue(); // Thursday, 国庆节
			assertThat(CHINA.isRestDay(d("2026-10-07"))).isTrue(); // Wednesday, 国庆节 in lieu
			assertThat(CHINA.isRestDay(d("2025-01-28"))).isTrue(); // Tuesday, 春节
			assertThat(CHINA.isRestDay(d("2024-02-16"))).isTrue(); // Friday, 春节
		}

		@Test
		void makeUpWeekendDaysAreWorkingDays() {
			for (String day : List.of("2026-02-14", "2026-02-28", "2026-10-10", "2026-09-20", "2026-01-04", "2025-01-26",
					"2025-02-08", "2025-09-28", "2025-10-11", "2024-09-14")) {
				assertThat(d(day).getDayOfWeek()).as(day).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
				assertThat(CHINA.isRestDay(d(day))).as(day).isFalse();
				assertThat(CHINA.isWorkingDay(d(day))).as(day).isTrue();
			}
		}

	}

	@Nested
	class WorkingDays {

		@Test
		void theStartDayIsNotCountedAndWeekendsAreSkipped() {
			// Friday 2026-03-06 + 1 working day = Monday 03-09
			assertThat(CHINA.addWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
			assertThat(CHINA.addWorkingDays(d("2026-03-02"), 5)).isEqualTo(d("2026-03-09"));
			assertThat(CHINA.addWorkingDays(d("2026-03-02"), 0)).isEqualTo(d("2026-03-02"));
		}

		@Test
		void fiveWorkingDaysAcrossTheSpringFestival2025() {
			// Fri 01-24 → Sun 01-26 (make-up) 1, Mon 01-27 2, [01-28..02-04 off], 02-05 3, 02-06 4, 02-07 5
			assertThat(CHINA.addWorkingDays(d("2025-01-24"), 5)).isEqualTo(d("2025-02-07"));
			// and the make-up Saturday after it counts
			assertThat(CHINA.addWorkingDays(d("2025-02-07"), 1)).isEqualTo(d("2025-02-08"));
		}

		@Test
		void fiveWorkingDaysAcrossTheSpringFestival2026() {
			// Thu 02-12 → Fri 02-13 1, Sat 02-14 (make-up) 2, [02-15..02-23 off], 02-24 3, 02-25 4, 02-26 5
			assertThat(CHINA.addWorkingDays(d("2026-02-12"), 5)).isEqualTo(d("2026-02-26"));
		}

		@Test
		void fiveWorkingDaysAcrossTheNationalDayHoliday2025() {
			// Fri 09-26 → Sun 09-28 (make-up) 1, 09-29 2, 09-30 3, [10-01..10-08 off], 10-09 4, 10-10 5
			assertThat(CHINA.addWorkingDays(d("2025-09-26"), 5)).isEqualTo(d("2025-10-10"));
		}

		@Test
		void fiveWorkingDaysAcrossTheNationalDayHoliday2026EndOnTheMakeUpSaturday() {
			// Mon 09-28 → 09-29 1, 09-30 2, [10-01..10-07 off], 10-08 3, 10-09 4, Sat 10-10 (make-up) 5
			assertThat(CHINA.addWorkingDays(d("2026-09-28"), 5)).isEqualTo(d("2026-10-10"));
			assertThat(CHINA.workingDaysBetween(d("2026-09-28"), d("2026-10-10"))).isEqualTo(5);
		}

	}

	@Nested
	class Coverage {

		@Test
		void theShippedDataCovers2024To2026() {
			assertThat(CHINA.covers(2024)).isTrue();
			assertThat(CHINA.covers(2025)).isTrue();
			assertThat(CHINA.covers(2026)).isTrue();
			assertThat(CHINA.coveredUntilYear()).contains(2026);
		}

		@Test
		void anUncoveredYearCountsWeekendsOnly() {
			WorkingCalendar none = WorkingCalendar.of(HolidayTable.empty());
			assertThat(none.coveredUntilYear()).isEmpty();
			assertThat(none.covers(2026)).isFalse();
			assertThat(none.addCalendarDays(d("2026-09-17"), 15)).isEqualTo(d("2026-10-02"));
		}

		@Test
		void aYearIsEnteredOnceItsNationalDayHolidayIsThere() {
			var partial = new ArrayList<>(List.of(new CalendarDay(d("2027-01-01"), DayKind.HOLIDAY, "元旦"),
					new CalendarDay(d("2027-02-06"), DayKind.WORKDAY, "春节")));
			assertThat(HolidayTable.of(partial).covers(2027)).isFalse();
			assertThat(HolidayTable.of(partial).missingYears(d("2026-11-29"))).containsExactly(2026, 2027);
			assertThat(HolidayTable.of(partial).isWorkingDay(d("2027-02-06"))).isTrue();
			partial.add(new CalendarDay(d("2027-10-01"), DayKind.HOLIDAY, "国庆节"));
			assertThat(HolidayTable.of(partial).covers(2027)).isTrue();
			assertThat(CHINA.missingYears(d("2026-11-29"))).containsExactly(2027);
			assertThat(CHINA.missingYears(d("2025-06-01"))).isEmpty();
		}

		@Test
		void aDayListedTwiceIsRefused() {
			assertThatThrownBy(() -> HolidayTable.of(List.of(new CalendarDay(d("2027-10-01"), DayKind.HOLIDAY, "国庆节"),
					new CalendarDay(d("2027-10-01"), DayKind.HOLIDAY, "国庆节"))))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Test
	void anInMemoryHolidayChangesTheDueDate() {
		var extra = new ArrayList<>(HolidayTable.bundled().all());
		extra.add(new CalendarDay(d("2026-03-17"), DayKind.HOLIDAY, "测试假日"));
		WorkingCalendar edited = WorkingCalendar.of(HolidayTable.of(extra));
		assertThat(CHINA.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-17"));
		assertThat(edited.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-18"));
	}

}
