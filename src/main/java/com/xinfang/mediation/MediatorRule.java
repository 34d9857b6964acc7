package com.xinfang.mediation;

import com.xinfang.platform.DomainException.FieldProblem;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * 《中华人民共和国人民调解法》第十四条: 人民调解员应当由公道正派、热心人民调解工作，并具有一定文化水平、政策水平和
 * 法律知识的成年公民担任。县级人民政府司法行政部门应当定期对人民调解员进行业务培训. Each condition is
 * affirmed on the mediator's record; an adult is 18 or older on the day of registration. Training
 * is recorded separately ({@link #trainingDue}).
 */
final class MediatorRule {

	static final int ADULT_AGE = 18;

	/** A mediator with no training within this many months is shown as due for training. */
	static final int TRAINING_MONTHS = 12;

	private MediatorRule() {
	}

	static List<FieldProblem> problems(String name, String gender, LocalDate birthDate, Boolean fairAndUpright,
			Boolean enthusiastic, Boolean qualified, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || !name.strip().matches("[\\p{IsHan}·A-Za-z]{2,20}")) {
			problems.add(new FieldProblem("name", "请填写调解员姓名（2至20个汉字）"));
		}
		if (!"F".equals(gender) && !"M".equals(gender)) {
			problems.add(new FieldProblem("gender", "请选择性别"));
		}
		if (birthDate == null) {
			problems.add(new FieldProblem("birthDate", "请填写出生日期"));
		}
		else if (Period.between(birthDate, today).getYears() < ADULT_AGE) {
			problems.add(new FieldProblem("birthDate", "人民调解员应当由成年公民担任（人民调解法第十四条）"));
		}
		if (!Boolean.TRUE.equals(fairAndUpright)) {
			problems.add(new FieldProblem("fairAndUpright", "人民调解员应当公道正派（人民调解法第十四条）"));
		}
		if (!Boolean.TRUE.equals(enthusiastic)) {
			problems.add(new FieldProblem("enthusiastic", "人民调解员应当热心人民调解工作（人民调解法第十四条）"));
		}
		if (!Boolean.TRUE.equals(qualified)) {
			problems.add(new FieldProblem("qualified", "人民调解员应当具有一定文化水平、政策水平和法律知识（人民调解法第十四条）"));
		}
		return problems;
	}

	static boolean trainingDue(LocalDate lastTraining, LocalDate today) {
		return lastTraining == null || lastTraining.isBefore(today.minusMonths(TRAINING_MONTHS));
	}

}
