package com.xinfang.grid;

/** Whether a grid worker is at work: only workers 在岗 owe the day's report. */
public enum WorkerStatus {

	ON_DUTY("在岗"), SECONDED("临时抽调"), LEAVE("休假");

	private final String label;

	WorkerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean owesReports() {
		return this == ON_DUTY;
	}

}
