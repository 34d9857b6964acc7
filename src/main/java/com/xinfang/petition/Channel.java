package com.xinfang.petition;

/** How the matter reached us (Art 17). */
public enum Channel {

	ONLINE("网上信访"), LETTER("来信"), VISIT("来访"), PHONE("来电"), FAX("传真"), HOTLINE_12345("12345转办"),
	LEADER_MAILBOX("领导信箱");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
