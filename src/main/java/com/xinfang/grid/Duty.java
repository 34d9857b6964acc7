package com.xinfang.grid;

/** A grid worker's duty in one grid. */
public enum Duty {

	HEAD("网格长"), MEMBER("网格员");

	private final String label;

	Duty(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
