package com.xinfang.casefile;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests outside the module (the browser journeys): groups the given matters into 类案 now,
 * as {@link ClassCaseJob} would on its next round, so a test need not wait for the schedule.
 */
public final class ClassCaseGrouping {

	private ClassCaseGrouping() {
	}

	public static void assign(ClassCases classes, JdbcClient jdbc, Iterable<String> numbers) {
		for (String n : numbers) {
			classes.assign(jdbc.sql("SELECT id FROM petition WHERE number = ?").param(n).query(Long.class).single());
		}
	}

}
