package com.xinfang.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, whichever way they logged in. */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Optional<Actor> get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ActorDetails details) {
			return Optional.of(details.actor());
		}
		return Optional.empty();
	}

}
