package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlineClockTest {

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void moreThanThreeDaysLeftIsOnTime() {
		var s = DeadlineClock.standing(d("2026-10-08"), d("2026-10-04"));
		assertThat(s.tone()).isEqualTo(Tone.ON_TIME);
		assertThat(s.daysLeft()).isEqualTo(4);
	}

	@Test
	void threeDaysLeftUpToTheDueDateItselfIsDueSoon() {
		assertThat(DeadlineClock.standing(d("2026-10-08"), d("2026-10-05")).tone()).isEqualTo(Tone.DUE_SOON);
		var onTheDay = DeadlineClock.standing(d("2026-10-08"), d("2026-10-08"));
		assertThat(onTheDay.tone()).isEqualTo(Tone.DUE_SOON);
		assertThat(onTheDay.daysLeft()).isZero();
		assertThat(onTheDay.daysOverdue()).isZero();
	}

	@Test
	void theDayAfterTheDueDateIsOverdue() {
		var s = DeadlineClock.standing(d("2026-10-08"), d("2026-10-09"));
		assertThat(s.tone()).isEqualTo(Tone.OVERDUE);
		assertThat(s.daysOverdue()).isEqualTo(1);
	}

	@Test
	void todayComesFromTheInjectedClockInBeijingTime() {
		// 2026-10-08 17:00 UTC is already 2026-10-09 01:00 in Beijing
		Clock clock = Clock.fixed(Instant.parse("2026-10-08T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
		DeadlineClock deadlines = new DeadlineClock(clock);
		assertThat(deadlines.today()).isEqualTo(d("2026-10-09"));
		assertThat(deadlines.standing(d("2026-10-08")).tone()).isEqualTo(Tone.OVERDUE);
	}

	@Test
	void missingTheTargetIsAWarningAndMissingTheLawIsOverdue() {
		TimeLimitRule rule = TimeLimitRule.statutory(TimeLimit.HANDLE);
		TwoClocks clocks = new TwoClocks(new Deadline(rule, d("2026-09-04")), new Deadline(rule, d("2026-10-08")));
		assertThat(DeadlineClock.tone(clocks, d("2026-08-20"))).isEqualTo(Tone.ON_TIME);
		assertThat(DeadlineClock.tone(clocks, d("2026-09-02"))).isEqualTo(Tone.DUE_SOON);
		assertThat(DeadlineClock.tone(clocks, d("2026-09-20"))).isEqualTo(Tone.DUE_SOON);
		assertThat(DeadlineClock.tone(clocks, d("2026-10-09"))).isEqualTo(Tone.OVERDUE);
	}

	@Test
	void tonesMapToTheBadgeClasses() {
		assertThat(Tone.ON_TIME.css()).isEqualTo("ok");
		assertThat(Tone.DUE_SOON.css()).isEqualTo("warn");
		assertThat(Tone.OVERDUE.css()).isEqualTo("bad");
	}

}
