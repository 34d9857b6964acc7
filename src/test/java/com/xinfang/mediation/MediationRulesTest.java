package com.xinfang.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.platform.DomainException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named rules of 《人民调解法》 Art 8, 14, 28, 29 and the risk owner rule, without a database. */
class MediationRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	static List<CommitteeRule.Seat> committee(String... genders) {
		List<CommitteeRule.Seat> seats = new ArrayList<>();
		for (int i = 0; i < genders.length; i++) {
			seats.add(new CommitteeRule.Seat(i == 0 ? "CHAIR" : "MEMBER", genders[i]));
		}
		return seats;
	}

	@Test
	void art8ACommitteeHasThreeToNineMembersOneChairAndAWoman() {
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, committee("F", "M", "M"))).isEmpty();
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, committee("M", "F", "M", "M", "M", "M", "M", "M", "M"))).isEmpty();
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, committee("F", "M"))).extracting(FieldProblem::message)
			.anyMatch(m -> m.contains("三至九人"));
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, committee("F", "M", "M", "M", "M", "M", "M", "M", "M", "M")))
			.extracting(FieldProblem::message).anyMatch(m -> m.contains("现为10人"));
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, committee("M", "M", "M"))).extracting(FieldProblem::message)
			.containsExactly("人民调解委员会应当有妇女成员（人民调解法第八条）");
		// no chair, or two
		List<CommitteeRule.Seat> noChair = List.of(new CommitteeRule.Seat("MEMBER", "F"), new CommitteeRule.Seat("MEMBER", "M"),
				new CommitteeRule.Seat("MEMBER", "M"));
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, noChair)).extracting(FieldProblem::message).anyMatch(m -> m.contains("主任一人"));
		// appointed mediators are not committee members: two members and a mediator are still too few
		List<CommitteeRule.Seat> withMediator = new ArrayList<>(committee("F", "M"));
		withMediator.add(new CommitteeRule.Seat("MEDIATOR", "M"));
		assertThat(CommitteeRule.problems(OrgKind.PEOPLES, withMediator)).isNotEmpty();
		// other kinds of mediation are not committees under Art 8
		assertThat(CommitteeRule.problems(OrgKind.INDUSTRY, committee("M"))).isEmpty();
	}

	@Test
	void art14AMediatorIsAnAdultWhoIsFairEnthusiasticAndQualified() {
		assertThat(MediatorRule.problems("王秀英", "F", LocalDate.of(1970, 1, 1), true, true, true, TODAY)).isEmpty();
		// 18 on the day: adult; a day younger: not
		assertThat(MediatorRule.problems("王秀英", "F", TODAY.minusYears(18), true, true, true, TODAY)).isEmpty();
		assertThat(MediatorRule.problems("王秀英", "F", TODAY.minusYears(18).plusDays(1), true, true, true, TODAY))
			.extracting(FieldProblem::field).containsExactly("birthDate");
		assertThat(MediatorRule.problems("王秀英", "F", LocalDate.of(1970, 1, 1), false, null, true, TODAY))
			.extracting(FieldProblem::field).containsExactly("fairAndUpright", "enthusiastic");
		assertThat(MediatorRule.problems("王秀英", "F", LocalDate.of(1970, 1, 1), true, true, false, TODAY))
			.extracting(FieldProblem::message).containsExactly("人民调解员应当具有一定文化水平、政策水平和法律知识（人民调解法第十四条）");
		assertThat(MediatorRule.trainingDue(null, TODAY)).isTrue();
		assertThat(MediatorRule.trainingDue(TODAY.minusMonths(12), TODAY)).isFalse();
		assertThat(MediatorRule.trainingDue(TODAY.minusMonths(12).minusDays(1), TODAY)).isTrue();
	}

	@Test
	void art29AWrittenAgreementStatesFactsResponsibilitiesTermsAndPerformance() {
		assertThat(AgreementRule.problems("WRITTEN", "事实", "责任", "内容", "转账", TODAY.plusDays(10), TODAY, TODAY)).isEmpty();
		assertThat(AgreementRule.problems("WRITTEN", null, " ", "内容", null, null, TODAY, TODAY)).extracting(FieldProblem::field)
			.containsExactly("facts", "responsibilities", "performance", "performBy");
		assertThat(AgreementRule.problems("WRITTEN", "事实", "责任", "内容", "转账", TODAY.minusDays(1), TODAY, TODAY))
			.extracting(FieldProblem::field).containsExactly("performBy");
	}

	@Test
	void art28AnOralAgreementNeedsOnlyItsContentRecorded() {
		assertThat(AgreementRule.problems("ORAL", null, null, "当场赔礼道歉", null, null, TODAY, TODAY)).isEmpty();
		assertThat(AgreementRule.problems("ORAL", null, null, "", null, null, TODAY, TODAY)).extracting(FieldProblem::message)
			.containsExactly("口头协议的内容应当由人民调解员记录（人民调解法第二十八条）");
		assertThat(AgreementRule.problems("ORAL", null, null, "内容", null, null, TODAY.plusDays(1), TODAY)).extracting(FieldProblem::field)
			.containsExactly("effectiveOn");
		assertThat(AgreementRule.problems("SPOKEN", null, null, "内容", null, null, TODAY, TODAY)).extracting(FieldProblem::field)
			.containsExactly("form");
	}

	@Test
	void aRedRiskHasALeaderAndAPlanAYellowANamedCadre() {
		assertThat(RiskOwnerRule.problems(RiskLevel.GREEN, null, null)).isEmpty();
		assertThat(RiskOwnerRule.problems(RiskLevel.YELLOW, null, null)).extracting(FieldProblem::field).containsExactly("riskOwner");
		assertThat(RiskOwnerRule.problems(RiskLevel.RED, "刘书记", null)).extracting(FieldProblem::field).containsExactly("riskPlan");
		assertThat(RiskOwnerRule.problems(RiskLevel.RED, "刘书记", "一案一方案")).isEmpty();
	}

	@Test
	void theFlowIsATableOfActs() {
		assertThat(DisputeStatus.Act.AGREE.allowedFrom(DisputeStatus.MEDIATING)).isTrue();
		assertThat(DisputeStatus.Act.AGREE.allowedFrom(DisputeStatus.ASSIGNED)).isFalse();
		assertThat(DisputeStatus.Act.CLOSE.allowedFrom(DisputeStatus.AGREED)).isFalse();
		assertThat(DisputeStatus.Act.CLOSE.allowedFrom(DisputeStatus.FAILED)).isTrue();
		assertThat(DisputeStatus.Act.RISK.allowedFrom(DisputeStatus.CLOSED)).isFalse();
		assertThat(DisputeStatus.Act.RISK.target(DisputeStatus.MEDIATING)).isEqualTo(DisputeStatus.MEDIATING);
	}

}
