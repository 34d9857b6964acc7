package com.xinfang.mediation;

import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which disputes a person may see, as one SQL condition on the dispute alias {@code d}: the
 * overseers (矛调中心, 信访局, leaders) their region; a mediator the disputes of their organisations;
 * a grid worker the disputes of their grids and those they reported. Anything else is answered
 * as "does not exist".
 */
record DisputeScope(String condition, List<Object> params) {

	static DisputeScope of(Actor actor, Set<Long> mediatorOrgs, Grids grids) {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		Oversight.regionPrefix(actor).ifPresent(prefix -> {
			parts.add("d.region_code LIKE ?");
			params.add(prefix + "%");
		});
		if (actor.has(Role.MEDIATOR) && !mediatorOrgs.isEmpty()) {
			parts.add("d.org_id = ANY (?)");
			params.add(mediatorOrgs.toArray(Long[]::new));
		}
		if (actor.has(Role.GRID_WORKER)) {
			String[] codes = grids.membershipsOf(actor.userId()).stream().map(m -> m.grid().code()).toArray(String[]::new);
			parts.add("(d.reported_by = ? OR d.grid_code = ANY (?))");
			params.add(actor.userId());
			params.add(codes);
		}
		return new DisputeScope(parts.isEmpty() ? "FALSE" : "(" + String.join(" OR ", parts) + ")", List.copyOf(params));
	}

}
