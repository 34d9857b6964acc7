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

}
