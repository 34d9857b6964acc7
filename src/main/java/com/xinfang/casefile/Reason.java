package com.xinfang.casefile;

/** Why a matter is suggested as the same matter. */
public enum Reason {

	SAME_IDENTITY("同一信访人"), SIMILAR_TEXT("内容相似"), SAME_PLACE_AND_TARGET("同一地点和对象");

	private final String label;

	Reason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
