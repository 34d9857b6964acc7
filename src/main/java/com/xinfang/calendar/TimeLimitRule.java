package com.xinfang.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code time_limit_rule}: under {@code policy}, {@code limit} is {@code days} in
 * {@code unit} for matters of {@code complexity} ({@code null} = any complexity). {@code basis}
 * is the legal or local source, for display ("《信访工作条例》第三十四条：自受理之日起60日内办结").
 */
public record TimeLimitRule(Policy policy, TimeLimit limit, TimeLimitComplexity complexity, int days, DayUnit unit,
		String basis) {

	public static final int MIN_DAYS = 1;

	public static final int MAX_DAYS = 365;

	public TimeLimitRule {
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(limit, "limit");
		Objects.requireNonNull(unit, "unit");
		if (days < MIN_DAYS || days > MAX_DAYS) {
			throw new IllegalArgumentException("days out of range: " + days);
		}
		basis = basis == null ? "" : basis;
	}

	/** The rule the 条例 itself gives for a limit, should the table have lost it. */
	public static TimeLimitRule statutory(TimeLimit limit) {
		return new TimeLimitRule(Policy.STATUTORY, limit, null, limit.statutoryDays(), limit.statutoryUnit(),
				limit.legalBasis());
	}

	/** Whether this rule is meant for matters of any complexity. */
	public boolean forAnyComplexity() {
		return complexity == null;
	}

	/** The last day of this limit for a period starting on {@code start}. */
	public LocalDate dueFrom(LocalDate start, WorkingCalendar calendar) {
		return calendar.add(start, days, unit);
	}

}
