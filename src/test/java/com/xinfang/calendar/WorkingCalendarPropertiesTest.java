package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the counting rules over the real data, 2024 to 2026 (and into the uncovered 2027). */
class WorkingCalendarPropertiesTest {

	static final WorkingCalendar CHINA = WorkingCalendar.of(HolidayTable.bundled());

	static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

	@Provide
	Arbitrary<LocalDate> dates() {
		return Arbitraries.integers().between(0, 3 * 366).map(FIRST::plusDays);
	}

	@Property
	void aCalendarDayLimitNeverEndsOnARestDayNorBeforeItsLength(@ForAll("dates") LocalDate start,
			@ForAll @IntRange(min = 0, max = 120) int days) {
		LocalDate due = CHINA.addCalendarDays(start, days);
		assertThat(CHINA.isRestDay(due)).isFalse();
		assertThat(due).isAfterOrEqualTo(start.plusDays(days));
		// and it moves only across rest days
		for (LocalDate d = start.plusDays(days); d.isBefore(due); d = d.plusDays(1)) {
			assertThat(CHINA.isRestDay(d)).as("%s skipped", d).isTrue();
		}
	}

	@Property
	void aWorkingDayLimitNeverEndsOnARestDayNorBeforeItsLength(@ForAll("dates") LocalDate start,
			@ForAll @IntRange(min = 1, max = 60) int days) {
		LocalDate due = CHINA.addWorkingDays(start, days);
		assertThat(CHINA.isRestDay(due)).isFalse();
		assertThat(due).isAfterOrEqualTo(start.plusDays(days));
	}

	@Property
	void aWorkingDayLimitHasExactlyItsNumberOfWorkingDaysAfterTheStartDay(@ForAll("dates") LocalDate start,
			@ForAll @IntRange(min = 0, max = 60) int days) {
		LocalDate due = CHINA.addWorkingDays(start, days);
		int counted = 0;
		for (LocalDate d = start.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
			if (CHINA.isWorkingDay(d)) {
				counted++;
			}
		}
		assertThat(counted).isEqualTo(days);
		assertThat(CHINA.workingDaysBetween(start, due)).isEqualTo(days);
	}

	@Property
	void dueDatesAreMonotonicInTheStartDate(@ForAll("dates") LocalDate a, @ForAll("dates") LocalDate b,
			@ForAll @IntRange(min = 0, max = 90) int days) {
		LocalDate early = a.isBefore(b) ? a : b;
		LocalDate late = a.isBefore(b) ? b : a;
		assertThat(CHINA.addCalendarDays(early, days)).isBeforeOrEqualTo(CHINA.addCalendarDays(late, days));
		assertThat(CHINA.addWorkingDays(early, days)).isBeforeOrEqualTo(CHINA.addWorkingDays(late, days));
	}

	@Property
	void dueDatesAreMonotonicInTheNumberOfDays(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 0, max = 90) int m,
			@ForAll @IntRange(min = 0, max = 90) int n) {
		int fewer = Math.min(m, n);
		int more = Math.max(m, n);
		assertThat(CHINA.addCalendarDays(start, fewer)).isBeforeOrEqualTo(CHINA.addCalendarDays(start, more));
		assertThat(CHINA.addWorkingDays(start, fewer)).isBeforeOrEqualTo(CHINA.addWorkingDays(start, more));
		if (fewer < more) {
			assertThat(CHINA.addWorkingDays(start, fewer)).isBefore(CHINA.addWorkingDays(start, more));
		}
	}

	@Property
	void workingDaysNeverEndBeforeTheSameNumberOfCalendarDays(@ForAll("dates") LocalDate start,
			@ForAll @IntRange(min = 1, max = 90) int days) {
		// the calendar-day due date is the first working day on or after start + days; the working-day
		// due date is a working day on or after it
		assertThat(CHINA.addWorkingDays(start, days)).isAfterOrEqualTo(CHINA.addCalendarDays(start, days));
	}

}
