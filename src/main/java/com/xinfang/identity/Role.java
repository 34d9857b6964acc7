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
	ADMIN("系统管理员"),
	/** 网格长 / 网格员: patrols a grid, reports disputes and the 零报告 (grid module). */
	GRID_WORKER("网格员"),
	/** 人民调解员 or another mediator, a member of one or more mediation organisations (mediation module). */
	MEDIATOR("调解员"),
	/** staff of a township or county 矛调中心 (社会矛盾纠纷调处化解中心): 分流, escalation, figures for their region. */
	DISPUTE_CENTER("矛调中心");

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
