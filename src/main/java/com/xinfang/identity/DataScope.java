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
