package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The statutory and 3530 policies as seeded by V3, over the real calendar. */
class TimeLimitPoliciesTest {

	static final WorkingCalendar CHINA = WorkingCalendar.of(HolidayTable.bundled());

	/** The rows V3__calendar.sql seeds. */
	static List<TimeLimitRule> seeded() {
		List<TimeLimitRule> rules = new ArrayList<>(Arrays.stream(TimeLimit.values()).map(TimeLimitRule::statutory).toList());
		rules.add(new TimeLimitRule(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.SIMPLE, 3, DayUnit.CALENDAR_DAYS, "3530"));
		rules.add(new TimeLimitRule(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.COMPLEX, 5, DayUnit.CALENDAR_DAYS, "3530"));
		rules.add(new TimeLimitRule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null, 30, DayUnit.CALENDAR_DAYS, "3530"));
		return rules;
	}

	static final TimeLimitPolicies POLICIES = TimeLimitPolicies.of(CHINA, seeded(), Policy.CHANGDE_3530, Policy.STATUTORY);

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void theStatutoryLimitsAreTheNumbersOfTheRegulation() {
		assertThat(TimeLimit.TRANSFER.statutoryDays()).isEqualTo(15);
		assertThat(TimeLimit.ACCEPT_NOTICE.statutoryDays()).isEqualTo(15);
		assertThat(TimeLimit.OBJECTION.statutoryDays()).isEqualTo(5);
		assertThat(TimeLimit.OBJECTION.statutoryUnit()).isEqualTo(DayUnit.WORKING_DAYS);
		assertThat(TimeLimit.HANDLE.statutoryDays()).isEqualTo(60);
		assertThat(TimeLimit.EXTENSION_MAX.statutoryDays()).isEqualTo(30);
		assertThat(Arrays.stream(TimeLimit.values()).filter(l -> l.statutoryUnit() == DayUnit.WORKING_DAYS))
			.containsExactly(TimeLimit.OBJECTION);
		assertThat(TimeLimit.HANDLE.legalBasis()).isEqualTo("《信访工作条例》第三十四条");
	}

	@Test
	void aTransferredLetterMustBeTransferredWithinFifteenDaysMovedPastTheHoliday() {
		assertThat(POLICIES.due(Policy.STATUTORY, TimeLimit.TRANSFER, null, d("2026-09-17"))).isEqualTo(d("2026-10-08"));
	}

	@Test
	void anObjectionCountsWorkingDays() {
		assertThat(POLICIES.due(Policy.STATUTORY, TimeLimit.OBJECTION, null, d("2026-09-28"))).isEqualTo(d("2026-10-10"));
	}

	@Test
	void theChangdeTargetGivesSimpleMattersThreeDaysAndComplexOnesFive() {
		// received Monday 2026-03-02
		assertThat(POLICIES.due(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.SIMPLE, d("2026-03-02")))
			.isEqualTo(d("2026-03-05"));
		// + 5 = Saturday 03-07 → Monday 03-09
		assertThat(POLICIES.due(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.COMPLEX, d("2026-03-02")))
			.isEqualTo(d("2026-03-09"));
	}

	@Test
	void anUnknownComplexityGetsTheStrictestTarget() {
		TimeLimitRule rule = POLICIES.rule(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, null);
		assertThat(rule.days()).isEqualTo(3);
		assertThat(rule.complexity()).isEqualTo(TimeLimitComplexity.SIMPLE);
	}

	@Test
	void aRuleForAnyComplexityAppliesToEveryMatter() {
		for (TimeLimitComplexity c : new TimeLimitComplexity[] { null, TimeLimitComplexity.SIMPLE, TimeLimitComplexity.COMPLEX }) {
			assertThat(POLICIES.rule(Policy.CHANGDE_3530, TimeLimit.HANDLE, c).days()).isEqualTo(30);
		}
	}

	@Test
	void aLimitTheLocalPolicyDoesNotNameKeepsTheStatutoryRule() {
		TimeLimitRule rule = POLICIES.rule(Policy.CHANGDE_3530, TimeLimit.REVIEW_REQUEST, TimeLimitComplexity.SIMPLE);
		assertThat(rule.policy()).isEqualTo(Policy.STATUTORY);
		assertThat(rule.days()).isEqualTo(30);
		assertThat(rule.basis()).contains("第三十六条");
	}

	@Test
	void anUnknownPolicyFallsBackToTheLaw() {
		assertThat(POLICIES.rule(new Policy("NOWHERE"), TimeLimit.HANDLE, null)).isEqualTo(TimeLimitRule.statutory(TimeLimit.HANDLE));
	}

	@Test
	void theTwoClocksOfHandlingAMatterAcceptedInAugust() {
		// accepted 2026-08-05: target + 30 = 09-04 (Friday); statutory + 60 = 10-04 → 10-08 after 国庆
		TwoClocks clocks = POLICIES.clocks(TimeLimit.HANDLE, TimeLimitComplexity.COMPLEX, d("2026-08-05"));
		assertThat(clocks.target().due()).isEqualTo(d("2026-09-04"));
		assertThat(clocks.target().rule().policy()).isEqualTo(Policy.CHANGDE_3530);
		assertThat(clocks.statutory().due()).isEqualTo(d("2026-10-08"));
		assertThat(clocks.statutory().rule().policy()).isEqualTo(Policy.STATUTORY);
	}

	@Test
	void whichPolicyIsTheTargetIsConfigurable() {
		TimeLimitPolicies lawOnly = TimeLimitPolicies.of(CHINA, seeded(), Policy.STATUTORY, Policy.STATUTORY);
		TwoClocks clocks = lawOnly.clocks(TimeLimit.HANDLE, null, d("2026-08-05"));
		assertThat(clocks.target()).isEqualTo(clocks.statutory());
	}

	@Test
	void theEffectiveRulesListEveryLimitOnceOrPerComplexity() {
		List<TimeLimitRule> statutory = POLICIES.effectiveRules(Policy.STATUTORY);
		assertThat(statutory).extracting(TimeLimitRule::limit).containsExactly(TimeLimit.values());
		List<TimeLimitRule> local = POLICIES.effectiveRules(Policy.CHANGDE_3530);
		assertThat(local).hasSize(TimeLimit.values().length + 1);
		assertThat(local).filteredOn(r -> r.policy().equals(Policy.CHANGDE_3530))
			.extracting(TimeLimitRule::limit, TimeLimitRule::complexity, TimeLimitRule::days)
			.containsExactly(Tuple.tuple(TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.SIMPLE, 3),
					Tuple.tuple(TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.COMPLEX, 5),
					Tuple.tuple(TimeLimit.HANDLE, null, 30));
	}

}
