package com.xinfang.supervision;

import static com.xinfang.supervision.ReminderRule.Threshold.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderRuleTest {

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	static final LocalDate DUE = START.plusDays(60);

	@Test
	void nothingBeforeHalfTime() {
		assertThat(ReminderRule.reached(START, DUE, START.plusDays(29))).isEmpty();
	}

	@Test
	void halfThenThreeQuartersThenTheDueDayThenMissed() {
		assertThat(ReminderRule.reached(START, DUE, START.plusDays(30))).containsExactly(HALF);
		assertThat(ReminderRule.reached(START, DUE, START.plusDays(45))).containsExactly(HALF, THREE_QUARTERS);
		assertThat(ReminderRule.reached(START, DUE, DUE)).containsExactly(HALF, THREE_QUARTERS, DUE_DAY);
		assertThat(ReminderRule.reached(START, DUE, DUE.plusDays(1))).containsExactly(HALF, THREE_QUARTERS, DUE_DAY, MISSED);
	}

	@Test
	void aClockWithoutDatesRemindsNobody() {
		assertThat(ReminderRule.reached(null, DUE, DUE)).isEmpty();
		assertThat(ReminderRule.reached(START, null, DUE)).isEmpty();
	}

}
