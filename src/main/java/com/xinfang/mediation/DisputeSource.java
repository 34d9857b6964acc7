package com.xinfang.mediation;

/** Where a dispute came from. */
public enum DisputeSource {

	GRID("网格排查"), APPLICATION("群众申请"), PETITION("信访转调解"), HOTLINE("12345"), COURT("法院委派");

	private final String label;

	DisputeSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
