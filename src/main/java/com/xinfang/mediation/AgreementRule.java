package com.xinfang.mediation;

import static com.xinfang.platform.Texts.blank;

import com.xinfang.platform.DomainException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an agreement must say. 《中华人民共和国人民调解法》第二十八条: 经人民调解委员会调解达成调解协议的，可以制作调解
 * 协议书。当事人认为无需制作调解协议书的，可以采取口头协议方式，人民调解员应当记录协议内容. 第二十九条: 调解协议书
 * 可以载明下列事项：当事人的基本情况；纠纷的主要事实、争议事项以及各方当事人的责任；当事人达成调解协议的内容，履行的
 * 方式、期限 — this register asks for all of them on a written agreement. An oral agreement takes
 * effect the day it is reached (第三十条), a written one when signed and sealed (第二十九条).
 */
final class AgreementRule {

	private AgreementRule() {
	}

	static List<FieldProblem> problems(String form, String facts, String responsibilities, String terms, String performance,
			LocalDate performBy, LocalDate effectiveOn, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean written = "WRITTEN".equals(form);
		if (!written && !"ORAL".equals(form)) {
			problems.add(new FieldProblem("form", "请选择书面调解协议书或口头协议"));
			return problems;
		}
		if (blank(terms)) {
			problems.add(new FieldProblem("terms", written ? "请填写当事人达成调解协议的内容（人民调解法第二十九条）"
					: "口头协议的内容应当由人民调解员记录（人民调解法第二十八条）"));
		}
		if (written) {
			if (blank(facts)) {
				problems.add(new FieldProblem("facts", "请填写纠纷的主要事实、争议事项（人民调解法第二十九条）"));
			}
			if (blank(responsibilities)) {
				problems.add(new FieldProblem("responsibilities", "请填写各方当事人的责任（人民调解法第二十九条）"));
			}
			if (blank(performance)) {
				problems.add(new FieldProblem("performance", "请填写履行的方式（人民调解法第二十九条）"));
			}
			if (performBy == null) {
				problems.add(new FieldProblem("performBy", "请填写履行的期限（人民调解法第二十九条）"));
			}
		}
		if (effectiveOn == null) {
			problems.add(new FieldProblem("effectiveOn", written ? "请填写协议书签名盖章生效的日期" : "请填写达成口头协议的日期"));
		}
		else if (effectiveOn.isAfter(today)) {
			problems.add(new FieldProblem("effectiveOn", "生效日期不能晚于今天"));
		}
		if (performBy != null && effectiveOn != null && performBy.isBefore(effectiveOn)) {
			problems.add(new FieldProblem("performBy", "履行期限不能早于协议生效日期"));
		}
		return problems;
	}


}
