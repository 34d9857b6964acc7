package com.xinfang.petition;

import java.time.OffsetDateTime;

/**
 * One act on a matter, as the API's {@code POST /petitions/{number}/actions} body and the console's
 * forms carry it. Only the fields the action needs are read (api-contract.md).
 */
public record ActionCommand(String action, Integer version, String categoryCode, String kind, String complexity,
		String unitCode, Communication communication, String reason, String legalChannel, String note, Integer days,
		String result, String opinion, String method, OffsetDateTime deliveredAt, String satisfaction, String into,
		String recordKind, Boolean rehandle, OffsetDateTime occurredAt, String contact, String accusedUnitCode) {

	/** 双沟通: the offline conversation with the receiving unit before a transfer or assignment. */
	public record Communication(String contact, OffsetDateTime at, String summary) {
	}

	/** Every act but 分类 naming the accused unit. */
	public ActionCommand(String action, Integer version, String categoryCode, String kind, String complexity,
			String unitCode, Communication communication, String reason, String legalChannel, String note, Integer days,
			String result, String opinion, String method, OffsetDateTime deliveredAt, String satisfaction, String into,
			String recordKind, Boolean rehandle, OffsetDateTime occurredAt, String contact) {
		this(action, version, categoryCode, kind, complexity, unitCode, communication, reason, legalChannel, note, days,
				result, opinion, method, deliveredAt, satisfaction, into, recordKind, rehandle, occurredAt, contact, null);
	}

	public static ActionCommand of(String action, int version) {
		return new ActionCommand(action, version, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
	}

}
