package com.xinfang.petition;

/** 《信访工作条例》 Art 32: the three possible answers to a matter. */
public enum Result {

	SUPPORT("支持"), EXPLAIN("解释说明"), NOT_SUPPORT("不予支持");

	private final String label;

	Result(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
