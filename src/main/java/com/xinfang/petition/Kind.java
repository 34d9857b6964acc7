package com.xinfang.petition;

/** The three kinds of 依法分类处理 (Art 29–31). */
public enum Kind {

	SUGGESTION("建议意见类"), ACCUSATION("检举控告类"), CLAIM("申诉求决类");

	private final String label;

	Kind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
