package com.xinfang.grid;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Region;
import java.util.Optional;

/**
 * Who oversees which part of the grid and dispute work: the staff of a township or county 矛调中心
 * oversee their region's subtree; the 信访局, leaders and administrators their region scope. A
 * department (unit scope) oversees nothing here: it sees disputes only through mediation it takes part in.
 */
public final class Oversight {

	private Oversight() {
	}

	/** The region-code prefix the actor oversees, if any. */
	public static Optional<String> regionPrefix(Actor actor) {
		if (actor == null || !actor.isStaff()) {
			return Optional.empty();
		}
		if (actor.has(Role.DISPUTE_CENTER) && actor.regionCode() != null) {
			return Optional.of(Region.subtreePrefix(actor.regionCode()));
		}
		if (actor.scope().type() == DataScope.Type.REGION && actor.hasAny(Role.ADMIN, Role.LEADER, Role.REGISTRAR,
				Role.SUPERVISOR, Role.REVIEWER)) {
			return Optional.of(actor.scope().value());
		}
		return Optional.empty();
	}

	public static boolean oversees(Actor actor, String regionCode) {
		return regionCode != null && regionPrefix(actor).map(regionCode::startsWith).orElse(false);
	}

}
