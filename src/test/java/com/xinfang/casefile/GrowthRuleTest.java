package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The early-warning rule on written-out histories (docs/casefile.md "早期预警"). */
class GrowthRuleTest {

	@Test
	void aNewSubjectWarnsFromFiveInAWeek() {
		int[] none = new int[8];
		assertThat(GrowthRule.alert(4, none)).isEmpty();
		assertThat(GrowthRule.alert(5, none)).hasValueSatisfying(r -> {
			assertThat(r.current()).isEqualTo(5);
			assertThat(r.mean()).isZero();
		});
	}

	@Test
	void aSteadyCategoryWarnsOnlyAboveItsMeanPlusThreeDeviations() {
		int[] steady = { 20, 22, 18, 20, 24, 16, 20, 20 }; // mean 20, sd 2.24
		assertThat(GrowthRule.alert(26, steady)).isEmpty();
		assertThat(GrowthRule.alert(27, steady)).isPresent();
	}

	@Test
	void aQuietHistoryDoesNotMakeTwoMattersASurge() {
		int[] quiet = { 1, 0, 1, 1, 0, 1, 1, 1 };
		assertThat(GrowthRule.alert(3, quiet)).isEmpty(); // below the minimum of 5
		assertThat(GrowthRule.alert(5, quiet)).isPresent(); // 5 > 0.75 + 3 × 1
	}

	@Test
	void aVolatileHistoryNeedsMore() {
		int[] volatileWeeks = { 0, 10, 0, 10, 0, 10, 0, 10 }; // mean 5, sd 5
		assertThat(GrowthRule.alert(19, volatileWeeks)).isEmpty();
		assertThat(GrowthRule.alert(21, volatileWeeks)).isPresent();
	}

	@Test
	void theRuleIsWrittenDown() {
		assertThat(GrowthRule.definition()).contains("7日", "5件", "8周", "3倍标准差");
	}

}
