package com.xinfang.documents;

/** The official documents (文书) of a petition matter, each with its printed name. */
public enum DocumentKind {

	/**
	 * 受理告知书: the matter is accepted and will be handled within 60 days (Art 23, 34).
	 * Fields, all optional: acceptedOn, deadline (end of the 60 days), contact.
	 */
	ACCEPTANCE_NOTICE("信访事项受理告知书", "受理告知书"),

	/**
	 * 不予受理告知书: the reason, and the statutory channel when there is one (Art 31; else Art 23).
	 * Fields: reason (required); legalChannel, competentAuthority, contact.
	 */
	NON_ACCEPTANCE_NOTICE("信访事项不予受理告知书", "不予受理告知书"),

	/**
	 * 不再受理告知书: same facts and reasons after 复核 are not accepted again (Art 36).
	 * Fields, all optional: previousAuthority (who did the 复核), previousOpinionOn, reason, contact.
	 */
	NOT_ACCEPTED_AGAIN_NOTICE("信访事项不再受理告知书", "不再受理告知书"),

	/**
	 * 转送单: to the unit with the power to handle the matter (Art 22, 23); the addressee is that
	 * unit (required). Fields, all optional: petitionerName, summary, instructions, deadline (to
	 * report acceptance), communicationWith, communicationTime, communicationSummary (双沟通), contact.
	 */
	TRANSFER_SLIP("信访事项转送单", "转送单"),

	/**
	 * 交办单: to a unit that must report the result back by a deadline (Art 22, 23); the addressee is
	 * that unit (required). Fields: deadline (required); petitionerName, summary, instructions,
	 * communicationWith, communicationTime, communicationSummary (双沟通), contact.
	 */
	ASSIGNMENT_SLIP("信访事项交办单", "交办单"),

	/**
	 * 延期告知书: one extension of at most 30 days, with the reason (Art 34).
	 * Fields: extensionDays (required, 1–30), reason (required); acceptedOn, newDeadline, contact.
	 */
	EXTENSION_NOTICE("信访事项延期办理告知书", "延期告知书"),

	/**
	 * 信访处理意见书: facts, result (Art 32), opinion, and the right to ask for 复查 (Art 35).
	 * Fields: result (required: 支持 / 解释说明 / 不予支持), opinion (required); acceptedOn, request,
	 * facts, nextAuthority (where to ask for 复查), contact.
	 */
	HANDLING_OPINION("信访事项处理意见书", "处理意见书"),

	/**
	 * 复查意见书: the 复查 result and the right to ask for 复核 (Art 35, 36); receivedOn is the date
	 * of the 复查 request. Fields: opinion (required); previousAuthority, previousOpinionOn, request,
	 * facts, result (e.g. 维持原处理意见), nextAuthority (where to ask for 复核), contact.
	 */
	REEXAMINATION_OPINION("信访事项复查意见书", "复查意见书"),

	/**
	 * 复核意见书: the final word; the same facts and reasons are not accepted again (Art 36);
	 * receivedOn is the date of the 复核 request. Fields: opinion (required); previousAuthority,
	 * previousOpinionOn, request, facts, result, contact.
	 */
	REVIEW_OPINION("信访事项复核意见书", "复核意见书"),

	/**
	 * 督办单: the 信访部门 urges (催办), supervises (督办) or lists (挂牌督办) a unit's handling of a matter
	 * (Art 40); the addressee is that unit (required). Fields: reason* (督办事由), deadline* (书面回复期限);
	 * instructions, petitionerName, summary, contact.
	 */
	SUPERVISION_ORDER("信访事项督办单", "督办单"),

	/**
	 * 人民调解协议书 (《人民调解法》 Art 29): the petition number is the dispute's number, the issuing
	 * body the mediation committee (its seal block above the date, the date the agreement takes effect).
	 * Fields: parties* (one line per party: 姓名、性别、身份证号、住址…), facts* (纠纷的主要事实、争议事项),
	 * responsibilities* (各方当事人的责任), terms* (达成调解协议的内容), performance* (履行的方式、期限),
	 * mediatorName*.
	 */
	MEDIATION_AGREEMENT("人民调解协议书", "调解协议书");

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

	/** The number printed in the footer: a petition's 信访编号, or a dispute's 纠纷编号. */
	String numberLabel() {
		return this == MEDIATION_AGREEMENT ? "纠纷编号" : "信访编号";
	}

	boolean isSlip() {
		return this == TRANSFER_SLIP || this == ASSIGNMENT_SLIP || this == SUPERVISION_ORDER;
	}

}
