package com.xinfang.identity;

import java.io.Serializable;
import java.util.Set;

/** The person behind a request, as every module sees them. */
public record Actor(long userId, String username, String displayName, Kind kind, String unitCode,
		String regionCode, Set<Role> roles, DataScope scope) implements Serializable {

	public enum Kind {

		STAFF, CITIZEN

	}

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... wanted) {
		for (Role r : wanted) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public boolean isStaff() {
		return kind == Kind.STAFF;
	}

	public boolean isCitizen() {
		return kind == Kind.CITIZEN;
	}

	/** How the actor is named in histories and the audit log. */
	public String label() {
		return isCitizen() ? "citizen:" + userId : username;
	}

}
