package com.xinfang.petition;

/** The petitioner's rating at the follow-up visit (回访) or online. */
public enum Satisfaction {

	SATISFIED("满意"), BASIC("基本满意"), UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
