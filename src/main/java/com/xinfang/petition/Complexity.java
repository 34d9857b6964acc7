package com.xinfang.petition;

/** Changde's 3530 distinguishes simple matters (accepted within 3 days) from complex ones (5 days). */
public enum Complexity {

	SIMPLE("简易"), COMPLEX("复杂");

	private final String label;

	Complexity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
