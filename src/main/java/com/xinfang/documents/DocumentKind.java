package com.xinfang.documents;

/** The official documents (文书) of a petition matter, each with its printed name. */
public enum DocumentKind {

	/** 受理告知书: the matter is accepted and will be handled within 60 days (Art 22, 34). */
	ACCEPTANCE_NOTICE("信访事项受理告知书", "受理告知书"),

	/** 不予受理告知书: the reason, and the statutory channel when there is one (Art 22, 31). */
	NON_ACCEPTANCE_NOTICE("信访事项不予受理告知书", "不予受理告知书"),

	/** 不再受理告知书: same facts and reasons after 复核 are not accepted again (Art 36). */
	NOT_ACCEPTED_AGAIN_NOTICE("信访事项不再受理告知书", "不再受理告知书"),

	/** 转送单: to the unit with the power to handle the matter (Art 21, 22). */
	TRANSFER_SLIP("信访事项转送单", "转送单"),

	/** 交办单: to a unit that must report the result back by a deadline (Art 21). */
	ASSIGNMENT_SLIP("信访事项交办单", "交办单"),

	/** 延期告知书: one extension of at most 30 days, with the reason (Art 34). */
	EXTENSION_NOTICE("信访事项延期办理告知书", "延期告知书"),

	/** 信访处理意见书: facts, result (Art 32), opinion, and the right to ask for 复查 (Art 35). */
	HANDLING_OPINION("信访事项处理意见书", "处理意见书"),

	/** 复查意见书: the 复查 result and the right to ask for 复核 (Art 35, 36). */
	REEXAMINATION_OPINION("信访事项复查意见书", "复查意见书"),

	/** 复核意见书: the final word; the same facts and reasons are not accepted again (Art 36). */
	REVIEW_OPINION("信访事项复核意见书", "复核意见书");

	private final String title;

	private final String shortName;

	DocumentKind(String title, String shortName) {
		this.title = title;
		this.shortName = shortName;
	}

	/** The name printed as the document's title, e.g. 信访事项受理告知书. */
	public String title() {
		return title;
	}

	/** The short name used in file names and lists, e.g. 受理告知书. */
	public String shortName() {
		return shortName;
	}

	boolean isSlip() {
		return this == TRANSFER_SLIP || this == ASSIGNMENT_SLIP;
	}

}
