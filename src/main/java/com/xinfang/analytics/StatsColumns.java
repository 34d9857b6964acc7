package com.xinfang.analytics;

import com.xinfang.accountability.Duties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The count columns of the rollup tables, in order. */
final class StatsColumns {

	private StatsColumns() {
	}

	/** Channel (petition.Channel name) to its count column. */
	static final Map<String, String> CHANNELS = new LinkedHashMap<>();

	static {
		CHANNELS.put("ONLINE", "ch_online");
		CHANNELS.put("LETTER", "ch_letter");
		CHANNELS.put("VISIT", "ch_visit");
		CHANNELS.put("PHONE", "ch_phone");
		CHANNELS.put("FAX", "ch_fax");
		CHANNELS.put("HOTLINE_12345", "ch_hotline");
		CHANNELS.put("LEADER_MAILBOX", "ch_mailbox");
	}

	static final List<String> COUNTS = List.of("received", "ch_online", "ch_letter", "ch_visit", "ch_phone", "ch_fax",
			"ch_hotline", "ch_mailbox", "repeats", "beyond_level", "to_beijing", "accepted", "replied", "closed", "backlog_resolved",
			"handling_days", "one_time", "delivered", "rated", "satisfied", "accept_due", "not_accepted",
			"handle_due", "not_handled", "handle_replied");

	/** Duties counted on the day they fell due: only days already past count (a duty not yet due is not failed). */
	static final List<String> DUTIES = List.of("accept_due", "not_accepted", "handle_due", "not_handled",
			"handle_replied");

	static int index(String column) {
		int i = COUNTS.indexOf(column);
		if (i < 0) {
			throw new IllegalArgumentException(column);
		}
		return i;
	}

}
