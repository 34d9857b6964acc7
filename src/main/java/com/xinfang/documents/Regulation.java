package com.xinfang.documents;

/**
 * The articles of the 《信访工作条例》 (2022) that the documents cite, in one place so that a
 * change in the law (or a local rule) is one edit.
 */
final class Regulation {

	static final String NAME = "《信访工作条例》";

	/** 信访部门 register and, within 15 days, transfer (转送) or assign (交办, with a report back). */
	static final int TRANSFER = 22;

	/**
	 * The body that receives a matter (directly, or transferred or assigned) tells the petitioner in
	 * writing within 15 days; a body that objects to a transfer does so within 5 working days. The
	 * same numbering as calendar.TimeLimit and petition.Lifecycle (Art 21 is the information system,
	 * Art 24 matters of several units).
	 */
	static final int WRITTEN_NOTICE = 23;

	/** 申诉求决类: matters for litigation, arbitration, reconsideration are diverted to that channel. */
	static final int STATUTORY_CHANNEL = 31;

	/**
	 * 督办: a 信访部门 that finds a unit receiving or handling a matter against the rules, or shirking,
	 * delaying or faking its handling, or not carrying out a handling opinion, supervises it (督办) and
	 * proposes improvements; where that caused serious harm it proposes accountability (third paragraph).
	 * (Art 38 is 专项督查 of the work as a whole; Art 39 is the yearly assessment and the joint meeting's
	 * 约谈、通报、挂牌督办 of leaders.)
	 */
	static final int SUPERVISION = 40;

	/** Results: 支持 / 解释说明 / 不予支持. */
	static final int RESULT = 32;

	/** 60 days from acceptance; one extension of at most 30 days with the reason told. */
	static final int TIME_LIMIT = 34;

	/** 复查 within 30 days of receiving the opinion, by the next higher body. */
	static final int REEXAMINATION = 35;

	/** 复核 within 30 days of receiving the 复查 opinion; after it, not accepted again. */
	static final int REVIEW = 36;

	static final int HANDLING_DAYS = 60;

	static final int MAX_EXTENSION_DAYS = 30;

	static final int APPEAL_DAYS = 30;

	private static final String DIGITS = "零一二三四五六七八九";

	private Regulation() {
	}

	/** 第三十四条 for 34. */
	static String article(int number) {
		return "第" + chineseNumber(number) + "条";
	}

	/** 《信访工作条例》第三十四条 */
	static String cite(int number) {
		return NAME + article(number);
	}

	/** 《信访工作条例》第三十一条、第三十二条 */
	static String cite(int first, int second) {
		return NAME + article(first) + "、" + article(second);
	}

	static String chineseNumber(int n) {
		if (n < 1 || n > 99) {
			throw new IllegalArgumentException("article " + n);
		}
		int tens = n / 10;
		int units = n % 10;
		StringBuilder s = new StringBuilder();
		if (tens > 1) {
			s.append(DIGITS.charAt(tens));
		}
		if (tens > 0) {
			s.append('十');
		}
		if (units > 0) {
			s.append(DIGITS.charAt(units));
		}
		return s.toString();
	}

}
