package com.xinfang.petition;

/** 《信访工作条例》 Art 34: the handling time may be extended once, by at most 30 days, with the reason told. */
final class ExtensionRule {

	static final int MAX_DAYS = 30;

	private ExtensionRule() {
	}

}
