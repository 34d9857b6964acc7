package com.xinfang.petition;

import com.xinfang.calendar.TimeLimit;
import com.xinfang.calendar.TimeLimitComplexity;
import com.xinfang.calendar.TimeLimitPolicies;
import com.xinfang.calendar.WorkingCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The petition's clocks from the calendar module: named policies over the working-day calendar. */
@Component
class CalendarDueDates implements PetitionClocks.DueDates {

	private final TimeLimitPolicies policies;

	private final WorkingCalendar calendar;

	CalendarDueDates(TimeLimitPolicies policies, WorkingCalendar calendar) {
		this.policies = policies;
		this.calendar = calendar;
	}

	@Override
	public LocalDate statutory(PetitionClocks.Limit limit, Complexity complexity, LocalDate start) {
		return policies.due(policies.statutoryPolicy(), map(limit), map(complexity), start);
	}

	@Override
	public LocalDate target(PetitionClocks.Limit limit, Complexity complexity, LocalDate start) {
		return policies.due(policies.targetPolicy(), map(limit), map(complexity), start);
	}

	@Override
	public LocalDate calendarDays(LocalDate start, int days) {
		return calendar.addCalendarDays(start, days);
	}

	@Override
	public int days(PetitionClocks.Limit limit) {
		return policies.rule(policies.statutoryPolicy(), map(limit), null).days();
	}

	private static TimeLimit map(PetitionClocks.Limit limit) {
		return TimeLimit.valueOf(limit.name());
	}

	private static TimeLimitComplexity map(Complexity complexity) {
		return complexity == null ? null : TimeLimitComplexity.valueOf(complexity.name());
	}

}
