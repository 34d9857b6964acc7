package com.xinfang.accountability;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;

/**
 * Named rule: who sees which unit's performance figures (report-ins, reply rates, accountability
 * rates). They are internal assessment figures: never a citizen's; a department sees its own
 * unit's row only; bureau staff and leaders see the units of their region.
 */
public final class FigureScope {

	private FigureScope() {
	}

	public static void requireStaff(Actor actor) {
		if (actor.kind() != Actor.Kind.STAFF || actor.scope().type() == DataScope.Type.NONE
				|| actor.scope().type() == DataScope.Type.OWN) {
			throw new DomainException.Forbidden("考核数据仅限工作人员查看");
		}
	}

	/** Whether the actor may see this unit's row. */
	public static boolean shows(Actor actor, String unitCode, Unit unit) {
		DataScope scope = actor.scope();
		return switch (scope.type()) {
			case UNIT -> scope.value().equals(unitCode);
			case REGION -> unit != null && unit.regionCode() != null && unit.regionCode().startsWith(scope.value());
			case OWN, NONE -> false;
		};
	}

}
