package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.prevention.StabilityAssessmentGate.Conclusion;
import com.xinfang.prevention.StabilityAssessmentGate.Latest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named rules of the prevention module: the 稳评 gate (前置程序), the key-person clock, the rating rule. */
class PreventionRulesTest {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	@Test
	void aDecisionIsRecordedAsTakenOnlyAfterAnAssessmentConcludedFeasible() {
		assertThat(StabilityAssessmentGate.refusal(null, DAY)).get().asString().contains("前置程序");
		assertThat(StabilityAssessmentGate.refusal(new Latest(Conclusion.DEFER, DAY.minusDays(3)), DAY)).get().asString().contains("暂缓实施");
		assertThat(StabilityAssessmentGate.refusal(new Latest(Conclusion.STOP, DAY.minusDays(3)), DAY)).get().asString().contains("不实施");
		// the assessment must come before the decision: completed the day after → refused; the same day → allowed
		assertThat(StabilityAssessmentGate.refusal(new Latest(Conclusion.GO, DAY.plusDays(1)), DAY)).get().asString().contains("之前完成");
		assertThat(StabilityAssessmentGate.refusal(new Latest(Conclusion.GO, DAY), DAY)).isEmpty();
		assertThat(StabilityAssessmentGate.refusal(new Latest(Conclusion.GO, DAY.minusDays(30)), DAY)).isEmpty();
	}

	@Test
	void aKeyPersonEntryLapsesTheDayAfterItsReviewDate() {
		assertThat(KeyPersonRule.lapsed(DAY, DAY)).isFalse();
		assertThat(KeyPersonRule.lapsed(DAY, DAY.plusDays(1))).isTrue();
		assertThat(KeyPersonRule.validReviewDate(DAY, DAY)).isFalse();
		assertThat(KeyPersonRule.validReviewDate(DAY.plusDays(366), DAY)).isTrue();
		assertThat(KeyPersonRule.validReviewDate(DAY.plusDays(367), DAY)).isFalse();
		// follow-up every 7 days from the entry, then from the last visit
		assertThat(KeyPersonRule.nextFollowUp(null, DAY, 7)).isEqualTo(DAY.plusDays(7));
		assertThat(KeyPersonRule.followUpOverdue(null, DAY, 7, DAY.plusDays(7))).isFalse();
		assertThat(KeyPersonRule.followUpOverdue(null, DAY, 7, DAY.plusDays(8))).isTrue();
		assertThat(KeyPersonRule.followUpOverdue(DAY.plusDays(6), DAY, 7, DAY.plusDays(8))).isFalse();
	}

	static final List<VillageRatingRule.Indicator> INDICATORS = List.of(
			new VillageRatingRule.Indicator("BEYOND_LEVEL", "越级访、进京访（件）", true, "MAX", 0),
			new VillageRatingRule.Indicator("MEDIATION_SUCCESS_RATE", "调解成功率", false, "MIN", 0.95));

	@Test
	void aVetoItemFailsTheRatingAndCannotBeExplainedAway() {
		var r = VillageRatingRule.evaluate(INDICATORS, Map.of("BEYOND_LEVEL", 1.0, "MEDIATION_SUCCESS_RATE", 0.99));
		assertThat(r.eligible()).isFalse();
		assertThat(r.vetoed()).isTrue();
		assertThat(r.why()).containsExactly("一票否决：越级访、进京访（件）：1，要求不超过0");
		assertThat(VillageRatingRule.mayPassWithExplanation(r, "情况特殊，已妥善处理，建议通过")).isFalse();
	}

	@Test
	void aMissedThresholdPassesOnlyWithAnExplanationAndAMissingValueDoesNotApply() {
		// 18 agreed of 20 ended = 90 % < 95 %
		var r = VillageRatingRule.evaluate(INDICATORS, Map.of("BEYOND_LEVEL", 0.0, "MEDIATION_SUCCESS_RATE", 0.9));
		assertThat(r.eligible()).isFalse();
		assertThat(r.vetoed()).isFalse();
		assertThat(r.why()).containsExactly("未达标：调解成功率：90.0%，要求不低于95.0%");
		assertThat(VillageRatingRule.mayPassWithExplanation(r, "短")).isFalse();
		assertThat(VillageRatingRule.mayPassWithExplanation(r, "两起纠纷已转诉讼，当事人服判息诉")).isTrue();
		// exactly at the threshold passes; nothing mediated (null) does not apply
		Map<String, Double> none = new HashMap<>();
		none.put("BEYOND_LEVEL", 0.0);
		none.put("MEDIATION_SUCCESS_RATE", null);
		assertThat(VillageRatingRule.evaluate(INDICATORS, none).eligible()).isTrue();
		assertThat(VillageRatingRule.evaluate(INDICATORS, Map.of("BEYOND_LEVEL", 0.0, "MEDIATION_SUCCESS_RATE", 0.95)).eligible()).isTrue();
	}

	@Test
	void anUnmeasuredValuePassesAVillageButNotACountysModelCriterion() {
		var indicators = List.of(new VillageRatingRule.Indicator("MEDIATION_SUCCESS_RATE", "调解成功率", false, "MIN", 0.95),
				new VillageRatingRule.Indicator("TO_BEIJING", "进京访（件）", true, "MAX", 0));
		Map<String, Double> values = new HashMap<>();
		values.put("MEDIATION_SUCCESS_RATE", null); // nothing was mediated
		values.put("TO_BEIJING", 0.0);
		var village = VillageRatingRule.evaluate(indicators, values);
		assertThat(village.eligible()).isTrue();
		assertThat(village.lines().get(0).note()).isEqualTo("调解成功率：不适用");
		var county = VillageRatingRule.evaluate(indicators, values, false);
		assertThat(county.eligible()).isFalse();
		assertThat(county.vetoed()).isFalse(); // a threshold item without its figure is missed, not vetoed
		assertThat(county.why()).containsExactly("未达标：调解成功率：无数据");
		// a veto item exactly at its threshold passes; one above it vetoes
		values.put("MEDIATION_SUCCESS_RATE", 0.95);
		values.put("TO_BEIJING", 1.0);
		var vetoed = VillageRatingRule.evaluate(indicators, values, false);
		assertThat(vetoed.lines().get(0).passed()).isTrue();
		assertThat(vetoed.vetoed()).isTrue();
		assertThat(vetoed.why()).containsExactly("一票否决：进京访（件）：1，要求不超过0");
	}

}
