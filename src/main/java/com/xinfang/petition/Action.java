package com.xinfang.petition;

/** The acts that move a matter (api-contract.md); {@link Lifecycle} says where each may happen. */
public enum Action {

	CLASSIFY("分类"), TRANSFER("转送"), ASSIGN("交办"), OBJECT("退回（对转送有异议）"), ACCEPT("受理"), REJECT("不予受理"),
	DIVERT("导入法定途径"), MERGE("合并重复件"), EXTEND("延期"), RECORD("记录办理情况"), REPLY("拟定处理意见书"),
	APPROVE("审核通过"), RETURN("退回修改"), DELIVER("送达"), VISIT_BACK("回访"), RECHECK("不满意复核查"),
	RATE("群众评价"), REQUEST_REEXAMINATION("申请复查"), REQUEST_REVIEW("申请复核"), DECIDE("作出复查/复核意见");

	private final String label;

	Action(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
