package com.xinfang.identity;

import com.xinfang.organization.Region;
import com.xinfang.organization.Unit;
import java.util.Set;

/**
 * The scoping rule as a named policy. Least privilege: a department sees only what it is
 * responsible for even if its members also hold broader roles elsewhere.
 */
final class DataScopePolicy {

	private DataScopePolicy() {
	}

	static DataScope scopeFor(Actor.Kind kind, long userId, Set<Role> roles, Unit unit, String regionCode) {
		if (kind == Actor.Kind.CITIZEN) {
			return DataScope.own(userId);
		}
		if (regionCode == null) {
			return DataScope.none();
		}
		boolean regionWide = roles.contains(Role.ADMIN) || roles.contains(Role.LEADER)
				|| (unit != null && unit.isPetitionBureau());
		if (regionWide) {
			return DataScope.region(Region.subtreePrefix(regionCode));
		}
		if (unit != null) {
			return DataScope.unit(unit.code());
		}
		return DataScope.none();
	}

}
