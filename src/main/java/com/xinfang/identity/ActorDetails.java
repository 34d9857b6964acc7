package com.xinfang.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in person as Spring Security holds them in the session. */
public record ActorDetails(Actor actor, String password) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(actor);
	}

	static List<GrantedAuthority> authorities(Actor actor) {
		List<GrantedAuthority> list = new ArrayList<>();
		actor.roles().forEach(r -> list.add(new SimpleGrantedAuthority(r.authority())));
		list.add(new SimpleGrantedAuthority(actor.isStaff() ? "STAFF" : "CITIZEN"));
		return list;
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

}
