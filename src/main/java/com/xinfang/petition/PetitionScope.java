package com.xinfang.petition;

import com.xinfang.identity.DataScope;
import java.util.List;

/**
 * The data scope ({@link DataScope}: whose matters a person may see) as a SQL condition on the
 * petition module's relations: the table inside this module, the published views {@code petition_ref}
 * and {@code petition_fact} outside it. The translation lives next to the data it filters (issue 12
 * item 4), so the identity module knows who sees what, and only this class knows the columns.
 *
 * <p>Every condition takes at most one positional parameter, {@link #parameter}; a condition that
 * takes none leaves it null.
 */
public final class PetitionScope {

	private PetitionScope() {
	}

	/**
	 * The condition on an alias of {@code petition_ref}, {@code petition_fact} (or the table), to be
	 * joined with AND. A citizen's own matters are found through the table: the views carry no account.
	 */
	public static String sql(DataScope scope, String alias) {
		if (scope.type() == DataScope.Type.OWN) {
			return alias + ".id IN (SELECT o.id FROM petition o WHERE o.citizen_user_id = ?)";
		}
		return onTable(scope, alias);
	}

	/** The condition on an alias of the table itself (this module's own queries). */
	static String onTable(DataScope scope, String alias) {
		return switch (scope.type()) {
			case REGION -> alias + ".region_code LIKE ?";
			// one indexed condition (GIN on the same expression, V10) covering lead and called-in units
			case UNIT -> "(ARRAY[" + alias + ".responsible_unit_code::text] || " + alias + ".joint_units) @> ARRAY[?::text]";
			case OWN -> alias + ".citizen_user_id = ?";
			case NONE -> "FALSE";
		};
	}

	/** The condition's parameter, null when it takes none. */
	public static Object parameter(DataScope scope) {
		return switch (scope.type()) {
			case REGION -> scope.value() + "%";
			case UNIT -> scope.value();
			case OWN -> Long.parseLong(scope.value());
			case NONE -> null;
		};
	}

	/** Adds the condition's parameter, if it takes one, to a list of positional parameters. */
	public static void addParameter(DataScope scope, List<Object> params) {
		Object p = parameter(scope);
		if (p != null) {
			params.add(p);
		}
	}

}
