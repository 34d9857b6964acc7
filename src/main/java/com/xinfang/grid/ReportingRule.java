package com.xinfang.grid;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a patrol or a 零报告 may be filed: for today or up to {@value #LATE_DAYS} days late (补报),
 * never for a day to come; a 零报告 says nothing was found, so it cannot stand beside a patrol
 * of the same day that found something, and is filed once.
 */
final class ReportingRule {

	static final int LATE_DAYS = 7;

	private ReportingRule() {
	}

	/** A reason the day cannot be reported, or empty. */
	static Optional<String> dayProblem(LocalDate day, LocalDate today) {
		if (day == null) {
			return Optional.of("请填写日期");
		}
		if (day.isAfter(today)) {
			return Optional.of("不能填报今天以后的日期");
		}
		if (day.isBefore(today.minusDays(LATE_DAYS))) {
			return Optional.of("只能补报" + LATE_DAYS + "日内的记录");
		}
		return Optional.empty();
	}

	/** A reason a 零报告 cannot be filed, given what the worker already filed that day. */
	static Optional<String> zeroReportProblem(int findingsThatDay, boolean zeroReportedAlready) {
		if (zeroReportedAlready) {
			return Optional.of("当天已提交零报告");
		}
		if (findingsThatDay > 0) {
			return Optional.of("当天的走访记录已发现矛盾纠纷、诉求或隐患，不能再报零报告");
		}
		return Optional.empty();
	}

	/** A patrol that found something cannot follow the same day's 零报告. */
	static Optional<String> findingsAfterZeroReport(int findings, boolean zeroReportedAlready) {
		return findings > 0 && zeroReportedAlready ? Optional.of("当天已提交零报告；如有新发现请先联系乡镇（街道）撤销零报告") : Optional.empty();
	}

}
