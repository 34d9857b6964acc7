package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitPatternTest {

	static VisitPattern.Visit v(String n, String date, int matter, String level) {
		return new VisitPattern.Visit(n, LocalDate.parse(date), matter, level);
	}

	@Test
	void threeVisitsOnOneMatterWithinThirtyDaysEachAreShortIntervals() {
		var found = VisitPattern.of(List.of(v("A", "2026-03-01", 1, "县级"), v("B", "2026-03-20", 1, "县级"),
				v("C", "2026-04-15", 1, "县级")), Map.of());
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("SHORT_INTERVALS");
			assertThat(f.dates()).containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-20"),
					LocalDate.parse("2026-04-15"));
		});
	}

	@Test
	void aGapOfMoreThanThirtyDaysBreaksTheRunAndOtherMattersDoNotCount() {
		var found = VisitPattern.of(List.of(v("A", "2026-03-01", 1, "县级"), v("B", "2026-03-20", 1, "县级"),
				v("C", "2026-04-20", 1, "县级"), v("D", "2026-04-25", 2, "县级")), Map.of());
		assertThat(found).isEmpty();
	}

	@Test
	void visitsToSeveralLevelsAndAfterFinalAreFoundWithTheirDates() {
		var found = VisitPattern.of(List.of(v("A", "2025-01-10", 1, "县级"), v("B", "2025-09-01", 1, "市级"),
				v("C", "2026-02-01", 1, "进京")), Map.of(1, LocalDate.parse("2025-12-01")));
		assertThat(found).extracting(VisitPattern.Finding::kind).containsExactly("SEVERAL_LEVELS", "AFTER_FINAL");
		assertThat(found.get(0).detail()).isEqualTo("县级、市级、进京");
		assertThat(found.get(1).dates()).containsExactly(LocalDate.parse("2026-02-01"));
		assertThat(found.get(1).numbers()).containsExactly("C");
	}

	@Test
	void oneVisitIsNoPattern() {
		assertThat(VisitPattern.of(List.of(v("A", "2025-12-01", 1, "县级")), Map.of(1, LocalDate.parse("2026-01-01")))).isEmpty();
	}

}
