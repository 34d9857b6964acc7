package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules that keep "the same target, another problem" and "the same problem, another place" out of 很可能. */
class DuplicateScoreRulesTest {

	static final TermWeights FLAT = FingerprintTest.FLAT;

	static final Fingerprint FEE_RISE = Fingerprint.of("德润物业涨物业费",
			"武陵区丹阳街道锦绣华庭小区的物业常德德润物业管理有限公司没开业主大会就把物业费从1.2元涨到1.6元，请求督促物业公示成本。");

	static final Fingerprint FEE_RISE_RETOLD = Fingerprint.of("锦绣华庭物业费涨价不合理",
			"我们是锦绣华庭小区的业主，常德德润物业管理有限公司把物业费从1.2元涨到1.6元，没开业主大会，请求按原标准收费。");

	static final Fingerprint GUARDS_WAGES = Fingerprint.of("德润物业欠保安工资",
			"我在常德德润物业管理有限公司锦绣华庭小区当保安，公司拖欠我们三个月工资，请求督促发放工资。");

	@Test
	void problemKindsAreReadFromTheStoredWords() {
		assertThat(ProblemKinds.names(GUARDS_WAGES)).contains("欠薪欠款").doesNotContain("收费");
		assertThat(ProblemKinds.names(FEE_RISE)).contains("收费");
		assertThat(ProblemKinds.names(Fingerprint.of(null, "邻居家的狗晚上一直叫。"))).isEmpty();
		assertThat(ProblemKinds.disagree(GUARDS_WAGES, FEE_RISE)).isTrue();
		assertThat(ProblemKinds.disagree(FEE_RISE_RETOLD, FEE_RISE)).isFalse();
		// a matter naming no kind disagrees with nothing
		assertThat(ProblemKinds.disagree(Fingerprint.of(null, "锦绣华庭小区的事还是没人管。"), FEE_RISE)).isFalse();
	}

	@Test
	void theSameCompanyWithAnotherProblemIsAtMostPossiblyRelated() {
		double retold = DuplicateScore.of(FEE_RISE_RETOLD, FEE_RISE, FLAT, true, false, false);
		double otherProblem = DuplicateScore.of(GUARDS_WAGES, FEE_RISE, FLAT, true, false, false);
		assertThat(DuplicateScore.band(retold)).isEqualTo(DuplicateScore.Band.LIKELY);
		assertThat(otherProblem).isLessThanOrEqualTo(DuplicateScore.BELOW_LIKELY);
		assertThat(DuplicateScore.band(otherProblem)).isEqualTo(DuplicateScore.Band.POSSIBLE);
		// the shared target adds nothing when the problems disagree
		assertThat(otherProblem).isLessThanOrEqualTo(TextSimilarity.score(GUARDS_WAGES, FEE_RISE, FLAT));
	}

	@Test
	void theSameComplaintFromAnotherCountyIsLikelyOnlyForTheSamePerson() {
		assertThat(DuplicateScore.of(FEE_RISE_RETOLD, FEE_RISE, FLAT, false, false, false))
			.isEqualTo(DuplicateScore.BELOW_LIKELY);
		assertThat(DuplicateScore.band(DuplicateScore.of(FEE_RISE_RETOLD, FEE_RISE, FLAT, false, false, true)))
			.isEqualTo(DuplicateScore.Band.LIKELY);
	}

}
