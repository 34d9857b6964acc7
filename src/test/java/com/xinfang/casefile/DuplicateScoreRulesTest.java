package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rules that keep "the same target, another problem", "the same problem, another place", a letter
 * that sets the other matter aside, and a pair lifted by its shared target alone out of 很可能.
 */
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

	/** A neighbour's letter about the same estate and company that names the fee rise and sets it aside. */
	static final Fingerprint SETS_FEE_RISE_ASIDE = Fingerprint.of("锦绣华庭物业费涨价不合理",
			"我们是锦绣华庭小区的业主，常德德润物业管理有限公司把物业费从1.2元涨到1.6元的事已经有邻居反映过，这次说的是另一件事：没开业主大会，"
					+ "小区电梯广告的收益也不公开，请求按原标准收费并公开收益。");

	@Test
	void aLetterSettingAnotherMatterAsideIsReadFromItsText() {
		assertThat(SETS_FEE_RISE_ASIDE.setsAside()).isTrue();
		assertThat(FEE_RISE.setsAside()).isFalse();
		assertThat(FEE_RISE_RETOLD.setsAside()).isFalse();
		assertThat(SetAside.in("房产证办不下来那是老问题了，今天不说那个。")).isTrue();
		assertThat(SetAside.in("征地款分配的事还没完，组里又出了一件事：")).isTrue();
		// a repeat with new facts is not a letter about another matter
		assertThat(SetAside.in("去年反映过以后一直没解决，现在又出现了新问题，墙上的裂缝更大了。")).isFalse();
		assertThat(SetAside.in("我说的是实话，这次要反映的还是去年那个问题。")).isFalse();
		assertThat(SetAside.in("我要反映的是另外一个问题。")).isTrue();
		assertThat(SetAside.in("搅拌站灰尘的事有人港过哒，我港的是罐车压坏村道。")).isTrue();
		assertThat(SetAside.in("我港的是真的，工钱还是冇发。")).isFalse();
		assertThat(SetAside.in("我来不为别的事，就是去年那笔工钱。")).isFalse();
		assertThat(SetAside.in(null)).isFalse();
	}

	@Test
	void aLetterSettingTheOtherMatterAsideIsAtMostPossiblyRelatedWhoeverWroteIt() {
		// without the rule the pair is 很可能: the same estate, company and fee rise, most words shared
		double text = TextSimilarity.score(SETS_FEE_RISE_ASIDE, FEE_RISE, FLAT);
		assertThat(text + DuplicateScore.TARGET_WEIGHT * TextSimilarity.targetOverlap(SETS_FEE_RISE_ASIDE, FEE_RISE, FLAT))
			.isGreaterThanOrEqualTo(DuplicateScore.LIKELY);
		for (boolean samePerson : new boolean[] { false, true }) {
			assertThat(DuplicateScore.of(SETS_FEE_RISE_ASIDE, FEE_RISE, FLAT, true, false, samePerson))
				.isEqualTo(DuplicateScore.BELOW_LIKELY);
			// whichever of the two is the new matter
			assertThat(DuplicateScore.of(FEE_RISE, SETS_FEE_RISE_ASIDE, FLAT, true, true, samePerson))
				.isEqualTo(DuplicateScore.BELOW_LIKELY);
		}
		// still suggested (可能相关): the registrar sees the matter it names
		assertThat(DuplicateScore.of(SETS_FEE_RISE_ASIDE, FEE_RISE, FLAT, true, false, false))
			.isGreaterThanOrEqualTo(DuplicateScore.THRESHOLD);
	}

	/** A short message about the same estate and its company: little of the text in common. */
	static final Fingerprint SHORT_MESSAGE = Fingerprint.of(null, "我是锦绣华庭小区的业主，小区物业的保洁太差，楼道垃圾几天才收一次，请求督促物业改进。");

	@Test
	void aSharedTargetAloneDoesNotLiftAPairIntoLikely() {
		double text = TextSimilarity.score(SHORT_MESSAGE, FEE_RISE, FLAT);
		assertThat(ProblemKinds.disagree(SHORT_MESSAGE, FEE_RISE)).isFalse();
		assertThat(text).isLessThan(DuplicateScore.TEXT_FOR_LIKELY);
		// the same accused company (target 1.0): without the rule it would lift the pair over the band's threshold
		assertThat(text + DuplicateScore.TARGET_WEIGHT * Math.min(1.0, text / DuplicateScore.TARGET_TEXT_FLOOR))
			.isGreaterThanOrEqualTo(DuplicateScore.LIKELY);
		assertThat(DuplicateScore.of(SHORT_MESSAGE, FEE_RISE, FLAT, true, true, false)).isEqualTo(DuplicateScore.BELOW_LIKELY);
		// the same person telling it again short is still 很可能
		assertThat(DuplicateScore.band(DuplicateScore.of(SHORT_MESSAGE, FEE_RISE, FLAT, true, true, true)))
			.isEqualTo(DuplicateScore.Band.LIKELY);
		// a retelling that shares enough of the text is lifted as before
		assertThat(TextSimilarity.score(FEE_RISE_RETOLD, FEE_RISE, FLAT)).isGreaterThanOrEqualTo(DuplicateScore.TEXT_FOR_LIKELY);
		assertThat(DuplicateScore.band(DuplicateScore.of(FEE_RISE_RETOLD, FEE_RISE, FLAT, true, true, false)))
			.isEqualTo(DuplicateScore.Band.LIKELY);
	}

}
