package com.xinfang.mediation;

/** A dispute's risk and who owns it: 红 a township leader with a plan, 黄 a named cadre, 绿 the grid worker. */
public enum RiskLevel {

	RED("红色"), YELLOW("黄色"), GREEN("绿色");

	private final String label;

	RiskLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
