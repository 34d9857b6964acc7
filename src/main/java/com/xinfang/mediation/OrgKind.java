package com.xinfang.mediation;

/** The four kinds of mediation (四调联动). */
public enum OrgKind {

	/** 人民调解: village/community and township 人民调解委员会 (《人民调解法》). */
	PEOPLES("人民调解"),
	/** 行业性专业性调解: the departments' organisations for 医患, 交通事故, 物业, 劳资 … */
	INDUSTRY("行业性专业性调解"),
	/** 行政调解 by an administrative body. */
	ADMINISTRATIVE("行政调解"),
	/** 司法调解: court-linked (诉调对接). */
	JUDICIAL("司法调解");

	private final String label;

	OrgKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
