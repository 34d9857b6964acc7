package com.xinfang.accountability;

import com.xinfang.petition.Status;

/**
 * The two statutory duties of a matter and when each is failed: the one definition behind
 * 应受理而不受理 / 及时受理率, 应办理而不办理 / 按期办结率 / 按期答复率, 超期未办结 and the 督办看板's overdue
 * list (docs/indicators.md, docs/supervision.md). {@link AccountabilityRates} and the analytics rollup
 * both build their SQL from these fragments, so a unit's figures cannot drift apart between pages.
 * <p>
 * Each fragment reads the petition row as {@code p} and the row of {@link #HISTORY} as {@code d}.
 * <ul>
 * <li><b>Acceptance duty</b> (Art 23): every matter not merged has one, due on its statutory
 * acceptance date ({@code accept_statutory}), owed by the responsible unit or, while not routed, the
 * registering 信访部门. It is <b>met</b> by a decision — 受理, 不予受理 in writing or 导入法定途径, the
 * first such act in the history — on or before that date, unless the 信访部门 later found that the
 * matter should have been accepted. Otherwise it is failed (应受理而不受理), including while no
 * decision has been taken at all.</li>
 * <li><b>Handling duty</b> (Art 34): every accepted matter has one, due on its statutory handling
 * date ({@code handle_statutory}: 60 days, plus the one extension; during 复查/复核 the decision limit
 * of the appeal), owed by the responsible unit. It is <b>met</b> when the matter is 办结 (closed, or
 * finally decided) on or before that date, unless the 信访部门 found it was not really handled.
 * Otherwise it is failed (应办理而不办理), including while the matter is still open.</li>
 * </ul>
 * <p>
 * A matter is 办结 when it was closed by the bureau's approval (or finally decided after 复核); a
 * 不予受理, 导入法定途径 or a merged repeat is concluded but not 办结.
 * <p>
 * A duty is counted on its due day, and only once that day is over: a duty due today is not yet
 * failed. A matter is <b>overdue now</b> ({@link #OVERDUE_OPEN}) when it is open and the duty of
 * its current stage is past due; every such matter is a failed duty of its unit in the period that
 * holds its due day (BacklogAndAccountabilityIT proves this on the board's own list).
 */
public final class Duties {

	private Duties() {
	}

	/** Statuses in which a matter is no longer open (petition's one vocabulary: {@link Status#FINISHED}). */
	public static final String CLOSED_STATUSES = Status.sqlList(Status.FINISHED);

	/** The Beijing calendar day of a timestamptz expression (China has no daylight saving). */
	public static String day(String column) {
		return "((" + column + " AT TIME ZONE 'UTC') + interval '8 hours')::date";
	}

	/**
	 * A lateral join giving {@code d.decided_at} (the first 受理 / 不予受理 / 导入法定途径) and
	 * {@code d.reply_approved_at} (the first 处理意见书 approved by the unit head).
	 */
	public static final String HISTORY = """
			LEFT JOIN LATERAL (SELECT min(h.at) FILTER (WHERE h.action IN ('ACCEPT', 'REJECT', 'DIVERT')) AS decided_at,
			                          min(h.at) FILTER (WHERE h.action = 'APPROVE' AND h.to_status = 'REPLIED') AS reply_approved_at
			                   FROM petition_step h WHERE h.petition_id = p.id) d ON true""";

	/** Who owes the acceptance decision: the responsible unit, else the registering 信访部门. */
	public static final String ACCEPT_UNIT = "coalesce(p.responsible_unit_code, p.registering_unit_code)";

	/** The day the acceptance duty falls due (null: no such duty). */
	public static final String ACCEPT_DUE = "CASE WHEN p.status <> 'MERGED' THEN p.accept_statutory END";

	/** The acceptance duty was failed (meaningful where {@link #ACCEPT_DUE} is not null and past). */
	public static final String ACCEPT_FAILED = "(coalesce(" + day("d.decided_at") + " > p.accept_statutory, true)"
			+ " OR EXISTS (SELECT 1 FROM accountability_finding f WHERE f.petition_id = p.id AND f.kind = 'SHOULD_HAVE_ACCEPTED'))";

	/** The day the handling duty falls due (null: not accepted, no such duty). */
	public static final String HANDLE_DUE = "CASE WHEN p.accepted_at IS NOT NULL AND p.status <> 'MERGED' THEN p.handle_statutory END";

	/** The handling duty was failed: not 办结 by its due day, or found not really handled. */
	public static final String HANDLE_FAILED = "(NOT coalesce(" + Status.sqlIn("p", Status.CONCLUDED) + " AND " + day("p.closed_at")
			+ " <= p.handle_statutory, false)"
			+ " OR EXISTS (SELECT 1 FROM accountability_finding f WHERE f.petition_id = p.id AND f.kind = 'SHOULD_HAVE_HANDLED'))";

	/** A 处理意见书 approved by the unit head on or before the handling due day (按期答复). */
	public static final String REPLIED_IN_TIME = "coalesce(" + day("d.reply_approved_at") + " <= p.handle_statutory, false)";

	/**
	 * Open now and past the due day of the current stage's duty (handling once accepted, else
	 * acceptance): the 督办看板's overdue list and the dashboard's 超期未办结. {@code :today} is today's
	 * Beijing date.
	 */
	public static final String OVERDUE_OPEN = "p.status NOT IN " + CLOSED_STATUSES
			+ " AND coalesce(p.handle_statutory, p.accept_statutory) < :today";

	/** The unit an open overdue matter is listed under: the one that owes its current duty. */
	public static final String OVERDUE_UNIT = ACCEPT_UNIT;

	// --- 积案 (the rule of Backlog, docs/supervision.md), for figures that cannot run Backlog's per-matter query ---

	/** Statuses by which a matter leaves the backlog (化解). */
	public static final String BACKLOG_EXIT_STATUSES = Status.sqlList(Status.RESOLVED);

	/** A lateral join giving {@code rep.second_at}: when the matter's second repeat was received (null: fewer). */
	public static final String SECOND_REPEAT = """
			LEFT JOIN LATERAL (SELECT r.received_at AS second_at FROM petition_fact r WHERE r.duplicate_of = p.number
			                   ORDER BY r.received_at OFFSET 1 LIMIT 1) rep ON true""";

	/** The numbers of the matters with at least two repeats (a sub-select over the repeats' index). */
	public static final String REPEATED_TWICE = "SELECT duplicate_of FROM petition_fact WHERE duplicate_of IS NOT NULL "
			+ "GROUP BY duplicate_of HAVING count(*) >= 2";

	/**
	 * The day a matter left the backlog (化解积案), null when it did not: it left by closure, final
	 * decision, 不予受理 or 导入法定途径 after it had entered — after the day its limit passed, or on or
	 * after the day its second repeat arrived. Needs {@link #SECOND_REPEAT}.
	 */
	public static final String BACKLOG_EXIT_DAY = "CASE WHEN p.status IN " + BACKLOG_EXIT_STATUSES + " AND (" + day("p.closed_at")
			+ " > coalesce(p.handle_statutory, p.accept_statutory) OR " + day("rep.second_at") + " <= " + day("p.closed_at")
			+ ") THEN " + day("p.closed_at") + " END";

	/**
	 * In the backlog now (积案): open and overdue ({@link #OVERDUE_OPEN}), or open with at least two
	 * repeats whatever its limits. {@code :today} is today's Beijing date.
	 */
	public static final String BACKLOG_NOW = "p.status NOT IN " + CLOSED_STATUSES + " AND (coalesce(p.handle_statutory, "
			+ "p.accept_statutory) < :today OR p.number IN (" + REPEATED_TWICE + "))";

}
