package com.xinfang.identity;

/** What a person may do. A staff account has one or more; a citizen account has CITIZEN only. */
public enum Role {

	/** 信访人 with an account on the portal. */
	CITIZEN("群众"),
	/** 登记员 at a 信访局: registers, classifies, transfers. */
	REGISTRAR("登记员"),
	/** 承办人 in a responsible unit. */
	CASE_OFFICER("承办人"),
	/** head of a responsible unit: approves replies and extensions. */
	UNIT_HEAD("单位负责人"),
	/** 审核人 at a 信访局: the second review (closure). */
	REVIEWER("审核人"),
	/** 督办员 at a 信访局. */
	SUPERVISOR("督办员"),
	/** city or county leader: dashboards, 包案. */
	LEADER("领导"),
	/** system administrator. */
	ADMIN("系统管理员");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
