package com.xinfang.mediation;

import com.xinfang.platform.DomainException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns a dispute's risk: 红 a township (or higher) leader, with one plan for the case; 黄 a named
 * cadre; 绿 the grid worker who follows it up (the reporter when no one is named).
 */
final class RiskOwnerRule {

	private RiskOwnerRule() {
	}

	static List<FieldProblem> problems(RiskLevel level, String owner, String plan) {
		List<FieldProblem> problems = new ArrayList<>();
		if (level == null) {
			problems.add(new FieldProblem("riskLevel", "请选择风险等级（红、黄、绿）"));
			return problems;
		}
		if (level != RiskLevel.GREEN && (owner == null || owner.isBlank())) {
			problems.add(new FieldProblem("riskOwner", level == RiskLevel.RED ? "红色风险须由乡镇（街道）领导包案，请填写包案领导"
					: "黄色风险须明确责任干部，请填写责任人"));
		}
		if (owner != null && owner.strip().length() > 64) {
			problems.add(new FieldProblem("riskOwner", "责任人不能超过64字"));
		}
		if (level == RiskLevel.RED && (plan == null || plan.isBlank())) {
			problems.add(new FieldProblem("riskPlan", "红色风险须制定化解稳控方案（一案一方案）"));
		}
		return problems;
	}

}
