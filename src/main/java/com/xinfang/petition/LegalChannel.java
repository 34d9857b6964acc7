package com.xinfang.petition;

/** The statutory channel a matter is diverted to (导入法定途径, Art 31). */
public enum LegalChannel {

	LITIGATION("诉讼"), ARBITRATION("仲裁"), RECONSIDERATION("行政复议"), OTHER("其他法定途径");

	private final String label;

	LegalChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
