package com.xinfang.platform;

import java.util.Collection;
import java.util.List;

/**
 * "A column equals one of these values" for hand-written SQL. One value goes as a plain parameter:
 * PostgreSQL keeps a prepared statement's generic plan for {@code column = ?}, while for
 * {@code column = ANY(?)} it judges the generic plan dearer than one made for the array it is given
 * and plans again on every call (0.2–0.3 ms of the person lookups of each registration).
 */
public final class OneOf {

	private OneOf() {
	}

	/** The condition on {@code column}, its parameter appended to {@code params}; FALSE when there is no value. */
	public static String condition(String column, Collection<String> values, List<Object> params) {
		if (values.isEmpty()) {
			return "FALSE";
		}
		if (values.size() == 1) {
			params.add(values.iterator().next());
			return column + " = ?";
		}
		params.add(values.toArray(String[]::new));
		return column + " = ANY(?)";
	}

}
