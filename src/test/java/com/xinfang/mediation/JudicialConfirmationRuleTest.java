package com.xinfang.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.calendar.HolidayTable;
import com.xinfang.calendar.WorkingCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 《人民调解法》第三十三条: the 30-day window for 司法确认, over the 2026 National Day holiday, with the day as input. */
class JudicialConfirmationRuleTest {

	static final WorkingCalendar CALENDAR = WorkingCalendar.of(HolidayTable.bundled());

	@Test
	void aWindowEndingInTheNationalDayHolidayRunsToTheFirstWorkingDayAfterIt() {
		// effective 2026-09-01; day 30 is 2026-10-01 (国庆节, holidays 10-01 to 10-07): the last day is Thursday 10-08
		LocalDate effective = LocalDate.of(2026, 9, 1);
		assertThat(JudicialConfirmationRule.lastDay(effective, CALENDAR)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(JudicialConfirmationRule.open(effective, LocalDate.of(2026, 10, 8), CALENDAR)).isTrue();
		assertThat(JudicialConfirmationRule.open(effective, LocalDate.of(2026, 10, 9), CALENDAR)).isFalse();
		assertThat(JudicialConfirmationRule.open(effective, LocalDate.of(2026, 8, 31), CALENDAR)).isFalse();
	}

	@Test
	void aWindowEndingOnAWorkingDayIsThirtyDays() {
		// effective 2026-11-02 (Monday); day 30 is Wednesday 2026-12-02
		assertThat(JudicialConfirmationRule.lastDay(LocalDate.of(2026, 11, 2), CALENDAR)).isEqualTo(LocalDate.of(2026, 12, 2));
	}

	@Test
	void theMediatorIsRemindedInTheLastFiveDaysUntilSomeoneApplies() {
		LocalDate effective = LocalDate.of(2026, 9, 1); // last day 10-08
		assertThat(JudicialConfirmationRule.remind(effective, null, LocalDate.of(2026, 10, 2), CALENDAR)).isFalse();
		assertThat(JudicialConfirmationRule.remind(effective, null, LocalDate.of(2026, 10, 3), CALENDAR)).isTrue();
		assertThat(JudicialConfirmationRule.remind(effective, null, LocalDate.of(2026, 10, 8), CALENDAR)).isTrue();
		assertThat(JudicialConfirmationRule.remind(effective, null, LocalDate.of(2026, 10, 9), CALENDAR)).isFalse();
		assertThat(JudicialConfirmationRule.remind(effective, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 5), CALENDAR)).isFalse();
	}

}
