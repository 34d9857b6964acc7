package com.xinfang.documents;

import java.util.Set;

/**
 * The keys of {@link OfficialDocument#fields()}. Values are plain text; a value that is a date
 * may be given as ISO {@code 2026-05-04} (printed 2026年5月4日) or as text printed as given.
 * Text fields may hold several paragraphs separated by line breaks. A key not listed here is
 * refused, so a typing mistake never silently drops a sentence from a legal document.
 */
public final class DocumentFields {

	/** Why: not accepted (required for 不予受理), extended (required for 延期), or not accepted again. */
	public static final String REASON = "reason";

	/** 不予受理: the statutory channel, 诉讼 / 仲裁 / 行政复议 or LITIGATION / ARBITRATION / RECONSIDERATION. */
	public static final String LEGAL_CHANNEL = "legalChannel";

	/** 不予受理: the body the petitioner should turn to, e.g. 常德市武陵区人民法院. */
	public static final String COMPETENT_AUTHORITY = "competentAuthority";

	/** 受理, 延期, 处理意见书: the date the matter was accepted. */
	public static final String ACCEPTED_ON = "acceptedOn";

	/** 受理: the end of the 60-day limit; 转送: the date to report acceptance by; 交办 (required): the date to report the result by. */
	public static final String DEADLINE = "deadline";

	/** 延期 (required): the days of extension, 1 to 30. */
	public static final String EXTENSION_DAYS = "extensionDays";

	/** 延期: the new end of the handling limit. */
	public static final String NEW_DEADLINE = "newDeadline";

	/** 处理 / 复查 / 复核意见书: what the petitioner asked for. */
	public static final String REQUEST = "request";

	/** 处理 / 复查 / 复核意见书: the facts found by investigation. */
	public static final String FACTS = "facts";

	/**
	 * 处理意见书 (required): 支持, 解释说明 or 不予支持 (or SUPPORT / EXPLAIN / NOT_SUPPORTED), Art 32;
	 * 复查 / 复核意见书: the conclusion in words, e.g. 维持原处理意见.
	 */
	public static final String RESULT = "result";

	/** 处理 / 复查 / 复核意见书 (required): the opinion itself. */
	public static final String OPINION = "opinion";

	/** 复查 / 复核意见书: the body whose opinion is challenged; 不再受理: the body that did the 复核. */
	public static final String PREVIOUS_AUTHORITY = "previousAuthority";

	/** The date of that earlier opinion. */
	public static final String PREVIOUS_OPINION_ON = "previousOpinionOn";

	/** 处理意见书: where to ask for 复查; 复查意见书: where to ask for 复核 (default: the next higher body). */
	public static final String NEXT_AUTHORITY = "nextAuthority";

	/** 转送 / 交办: the petitioner's name, if it may be shown to the receiving unit (never for an accuser, Art 30). */
	public static final String PETITIONER_NAME = "petitionerName";

	/** 转送 / 交办: the main content of the matter. */
	public static final String SUMMARY = "summary";

	/** 转送 / 交办: the sender's instructions (转送意见 / 交办意见). */
	public static final String INSTRUCTIONS = "instructions";

	/** 双沟通: whom the sender talked to at the receiving unit before sending. */
	public static final String COMMUNICATION_WITH = "communicationWith";

	/** 双沟通: when (ISO date-time {@code 2026-03-03T10:30} or text). */
	public static final String COMMUNICATION_TIME = "communicationTime";

	/** 双沟通: what was agreed. */
	public static final String COMMUNICATION_SUMMARY = "communicationSummary";

	/** Contact person and telephone of the issuing body, printed as a note. */
	public static final String CONTACT = "contact";

	/** 调解协议书: the parties' basic facts, one party per line (Art 29 (一)). */
	public static final String PARTIES = "parties";

	/** 调解协议书: each party's responsibility (Art 29 (二)). */
	public static final String RESPONSIBILITIES = "responsibilities";

	/** 调解协议书: the terms agreed (Art 29 (三)). */
	public static final String TERMS = "terms";

	/** 调解协议书: how and by when the terms are performed (Art 29 (三)). */
	public static final String PERFORMANCE = "performance";

	/** 调解协议书: the mediator who signs. */
	public static final String MEDIATOR_NAME = "mediatorName";

	/** Every known key. */
	public static final Set<String> ALL = Set.of(REASON, LEGAL_CHANNEL, COMPETENT_AUTHORITY, ACCEPTED_ON, DEADLINE,
			EXTENSION_DAYS, NEW_DEADLINE, REQUEST, FACTS, RESULT, OPINION, PREVIOUS_AUTHORITY, PREVIOUS_OPINION_ON,
			NEXT_AUTHORITY, PETITIONER_NAME, SUMMARY, INSTRUCTIONS, COMMUNICATION_WITH, COMMUNICATION_TIME,
			COMMUNICATION_SUMMARY, CONTACT, PARTIES, RESPONSIBILITIES, TERMS, PERFORMANCE, MEDIATOR_NAME);

	private DocumentFields() {
	}

}
