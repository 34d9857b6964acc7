package com.xinfang.calendar;

/**
 * The time limits of a 信访事项, as the 《信访工作条例》 (2022, in force since 2022-05-01) sets them.
 * The numbers here are the law; the {@code STATUTORY} rows of {@code time_limit_rule} are seeded from
 * the same articles and are what the platform applies (an administrator can correct them when the
 * law changes, without a release). "日" in the 条例 are calendar days, except where it says 工作日.
 */
public enum TimeLimit {

	/**
	 * 转送、交办. Art 22(1): the 信访部门 registers a matter it receives and, within 15 days, transfers
	 * it to the body with power to handle it or assigns it (交办, with a duty to report back). Starts
	 * on the day the 信访部门 receives the matter.
	 */
	TRANSFER(15, DayUnit.CALENDAR_DAYS, "第二十二条"),

	/**
	 * 受理告知. Art 23: the body that receives a matter (directly, or transferred or assigned to it)
	 * tells the petitioner in writing within 15 days of receipt whether and how it is taken up. Starts
	 * on the day the handling body receives it (Art 23(3) for transferred and assigned matters).
	 */
	ACCEPT_NOTICE(15, DayUnit.CALENDAR_DAYS, "第二十三条"),

	/**
	 * 异议退回. Art 23(3): a body that receives a transferred or assigned matter outside its remit
	 * objects within 5 working days of receipt, with reasons, and hands the material back once the
	 * sender agrees. The only limit of the 条例 in working days.
	 */
	OBJECTION(5, DayUnit.WORKING_DAYS, "第二十三条第三款"),

	/**
	 * 办理. Art 34: a matter is concluded (信访处理意见书 issued) within 60 days of acceptance.
	 * Starts on the day of acceptance.
	 */
	HANDLE(60, DayUnit.CALENDAR_DAYS, "第三十四条"),

	/**
	 * 延期. Art 34: for a complicated matter the unit head may extend the handling limit once, by at
	 * most 30 days, telling the petitioner why. The extension is added to the handling limit:
	 * {@code addCalendarDays(accepted, 60 + extension)}.
	 */
	EXTENSION_MAX(30, DayUnit.CALENDAR_DAYS, "第三十四条"),

	/**
	 * 请求复查. Art 35: a petitioner who disagrees with the handling opinion may ask the next higher
	 * body for re-examination within 30 days of receiving the written opinion.
	 */
	REEXAMINATION_REQUEST(30, DayUnit.CALENDAR_DAYS, "第三十五条"),

	/** 复查意见. Art 35: the re-examining body answers in writing within 30 days of the request. */
	REEXAMINATION_DECISION(30, DayUnit.CALENDAR_DAYS, "第三十五条"),

	/**
	 * 请求复核. Art 36: a petitioner who disagrees with the re-examination opinion may ask the body
	 * above the re-examining one for review within 30 days of receiving it.
	 */
	REVIEW_REQUEST(30, DayUnit.CALENDAR_DAYS, "第三十六条"),

	/**
	 * 复核意见. Art 36: the reviewing body gives its opinion within 30 days of the request; time for
	 * a hearing (听证) is not counted. After review the same facts and reasons are not taken up again.
	 */
	REVIEW_DECISION(30, DayUnit.CALENDAR_DAYS, "第三十六条");

	private final int statutoryDays;

	private final DayUnit statutoryUnit;

	private final String article;

	TimeLimit(int statutoryDays, DayUnit statutoryUnit, String article) {
		this.statutoryDays = statutoryDays;
		this.statutoryUnit = statutoryUnit;
		this.article = article;
	}

	/** The number of days the 条例 gives. */
	public int statutoryDays() {
		return statutoryDays;
	}

	/** Whether the 条例 counts this limit in calendar or in working days. */
	public DayUnit statutoryUnit() {
		return statutoryUnit;
	}

	/** The article of the 条例, e.g. {@code 《信访工作条例》第三十四条}. */
	public String legalBasis() {
		return "《信访工作条例》" + article;
	}

}
