package com.xinfang.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * The matters a person may see. Bureau staff, leaders and administrators see their region's
 * subtree; a department sees the matters it is responsible for; a citizen sees their own.
 * Who sees what is decided here; how that filters the matters' rows is the petition module's
 * ({@code petition.PetitionScope}), next to the data it filters.
 */
public record DataScope(Type type, String value) implements Serializable {

	public enum Type {

		/** the matter's region code starts with value. */
		REGION,
		/** the unit is responsible for the matter, or was called in to a joint handling (吹哨报到). */
		UNIT,
		/** the citizen account (value: its id) filed the matter. */
		OWN,
		/** nothing (a disabled or unassigned account). */
		NONE

	}

	public static DataScope region(String prefix) {
		return new DataScope(Type.REGION, prefix);
	}

	public static DataScope unit(String unitCode) {
		return new DataScope(Type.UNIT, unitCode);
	}

	public static DataScope own(long userId) {
		return new DataScope(Type.OWN, Long.toString(userId));
	}

	public static DataScope none() {
		return new DataScope(Type.NONE, "");
	}

	/**
	 * A SQL condition on a petition table alias, with one positional parameter (or none).
	 * Superseded by {@code petition.PetitionScope}; kept only for casefile's duplicate index
	 * (Duplicates), which is being reworked on main: remove both methods when it moves over.
	 * @return the condition, to be joined with AND; its parameter is {@link #sqlParameter()}
	 */
	public String sqlCondition(String alias) {
		return switch (type) {
			case REGION -> alias + ".region_code LIKE ?";
			// one indexed condition (GIN on the same expression, V10) covering lead and called-in units
			case UNIT -> "(ARRAY[" + alias + ".responsible_unit_code::text] || " + alias + ".joint_units) @> ARRAY[?::text]";
			case OWN -> alias + ".citizen_user_id = ?";
			case NONE -> "FALSE";
		};
	}

	public Object sqlParameter() {
		return switch (type) {
			case REGION -> value + "%";
			case UNIT -> value;
			case OWN -> Long.parseLong(value);
			case NONE -> null;
		};
	}

	/** The same rule in Java, for a single matter already loaded. */
	public boolean permits(String regionCode, String responsibleUnitCode, Long citizenUserId) {
		return permits(regionCode, responsibleUnitCode, List.of(), citizenUserId);
	}

	/** The same rule in Java, with the units called in to handle the matter jointly. */
	public boolean permits(String regionCode, String responsibleUnitCode, Collection<String> jointUnits,
			Long citizenUserId) {
		return switch (type) {
			case REGION -> regionCode != null && regionCode.startsWith(value);
			case UNIT -> value.equals(responsibleUnitCode) || jointUnits.contains(value);
			case OWN -> citizenUserId != null && citizenUserId == Long.parseLong(value);
			case NONE -> false;
		};
	}

}
