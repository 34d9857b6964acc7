package com.xinfang.petition;

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
	public static final java.util.Set<Status> FINISHED = java.util.Collections
		.unmodifiableSet(java.util.EnumSet.of(CLOSED, FINAL, MERGED, NOT_ACCEPTED, DIVERTED));

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

	/** The one SQL predicate for "the matter is open", on a petition row aliased {@code alias}. */
	public static String sqlOpen(String alias) {
		return alias + ".status NOT IN (" + FINISHED.stream().map(s -> "'" + s.name() + "'")
			.collect(java.util.stream.Collectors.joining(",")) + ")";
	}

	/** The label of a status given by name, as templates and exports show it. */
	public static String labelOf(String name) {
		return name == null ? "" : valueOf(name).label();
	}

}
