package com.xinfang.petition;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a matter stands (api-contract.md). */
public enum Status {

	REGISTERED("已登记"), TRANSFERRED("已转送/交办"), ACCEPTED("已受理，办理中"), NOT_ACCEPTED("不予受理"),
	DIVERTED("已导入法定途径"), REPLY_PENDING_APPROVAL("意见书待审核"), REPLIED("已出具处理意见"), DELIVERED("已送达，待回访"),
	CLOSE_PENDING_APPROVAL("办结待审核"), CLOSED("已办结"), REEXAMINATION("复查中"), REVIEW("复核中"), FINAL("已终结"),
	MERGED("已合并至原事项");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Nothing more is owed on a finished matter: no clock runs, no act but an appeal or a rating. */
	public static final Set<Status> FINISHED = Collections
		.unmodifiableSet(EnumSet.of(CLOSED, FINAL, MERGED, NOT_ACCEPTED, DIVERTED));

	/** 办结: closed by the 双审核 or finally decided (not a rejection, a diversion or a merge). */
	public static final Set<Status> CONCLUDED = Collections
		.unmodifiableSet(EnumSet.of(CLOSED, FINAL));

	/**
	 * 办结 once and still counted so: {@link #CONCLUDED} or a 复查 / 复核 asked for after the closure
	 * (the day of 办结 is kept while the appeal runs).
	 */
	public static final Set<Status> CONCLUDED_ONCE = Collections
		.unmodifiableSet(EnumSet.of(CLOSED, FINAL, REEXAMINATION, REVIEW));

	/** The handling unit has issued its approved 处理意见书 (and the matter went on from there). */
	public static final Set<Status> REPLY_ISSUED = Collections.unmodifiableSet(
			EnumSet.of(REPLIED, DELIVERED, CLOSE_PENDING_APPROVAL, CLOSED, REEXAMINATION, REVIEW, FINAL));

	/** By which a matter leaves the 积案 backlog (化解): finished, but a merged repeat never counts. */
	public static final Set<Status> RESOLVED = Collections
		.unmodifiableSet(EnumSet.of(CLOSED, FINAL, NOT_ACCEPTED, DIVERTED));

	/** The open statuses, in lifecycle order. */
	public static final List<Status> OPEN = Arrays.stream(values())
		.filter(s -> !FINISHED.contains(s))
		.toList();

	public boolean isFinished() {
		return FINISHED.contains(this);
	}

	public boolean isOpen() {
		return !isFinished();
	}

	/** Whether the status, by name, is open (for views that carry it as text). */
	public static boolean isOpen(String name) {
		return name != null && !FINISHED.contains(valueOf(name));
	}

	/** Whether the status, by name, is one of {@code set} (for views that carry it as text). */
	public static boolean isIn(String name, Set<Status> set) {
		return name != null && set.contains(valueOf(name));
	}

	/** The one SQL predicate for "the matter is open", on a petition row aliased {@code alias}. */
	public static String sqlOpen(String alias) {
		return column(alias) + " NOT IN " + sqlList(FINISHED);
	}

	/** The SQL predicate "the matter is finished" ({@link #FINISHED}), on a row aliased {@code alias}. */
	public static String sqlFinished(String alias) {
		return column(alias) + " IN " + sqlList(FINISHED);
	}

	/** The SQL predicate "the status is one of {@code set}", on a petition row aliased {@code alias}. */
	public static String sqlIn(String alias, Collection<Status> set) {
		return column(alias) + " IN " + sqlList(set);
	}

	/** {@code ('A','B')}: a set of statuses as an SQL list literal, in declaration order. */
	public static String sqlList(Collection<Status> set) {
		return Arrays.stream(values()).filter(set::contains).map(s -> "'" + s.name() + "'")
			.collect(Collectors.joining(",", "(", ")"));
	}

	private static String column(String alias) {
		return alias == null || alias.isEmpty() ? "status" : alias + ".status";
	}

	/** The label of a status given by name, as templates and exports show it. */
	public static String labelOf(String name) {
		return name == null ? "" : valueOf(name).label();
	}

}
