package com.xinfang.accountability;

/**
 * A unit's written replies owed (督办 orders, 三项建议) and those given by their deadline; rate in
 * 0..1, null when none was owed.
 */
public record ReplyRate(String unitCode, String unitName, long orders, long onTime, Double rate) {

	public ReplyRate(String unitCode, String unitName, long orders, long onTime) {
		this(unitCode, unitName, orders, onTime, orders == 0 ? null : (double) onTime / orders);
	}

}
