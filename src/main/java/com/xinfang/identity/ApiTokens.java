package com.xinfang.identity;

import com.xinfang.platform.DomainException;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** Exchanges a password for a bearer token, with the same throttling as the login page. */
@Service
public class ApiTokens {

	private final AuthenticationManager authentication;

	private final TokenService tokens;

	private final TokenRevocations revocations;

	ApiTokens(AuthenticationManager authentication, TokenService tokens, TokenRevocations revocations) {
		this.revocations = revocations;
		this.authentication = authentication;
		this.tokens = tokens;
	}

	public record Token(String accessToken, String tokenType, long expiresIn) {
	}

	/** Logout: the token presented ends now, on every node. */
	public void revoke(Jwt jwt) {
		Number uid = jwt.getClaim("uid");
		revocations.revoke(jwt.getId(), uid.longValue(), jwt.getExpiresAt() == null ? Instant.now() : jwt.getExpiresAt());
	}

	public Token issue(String login, String password, String address) {
		var request = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
		request.setDetails(address);
		try {
			var result = authentication.authenticate(request);
			Actor actor = ((ActorDetails) result.getPrincipal()).actor();
			return new Token(tokens.issue(actor), "Bearer", TokenService.LIFETIME.toSeconds());
		}
		catch (LockedException ex) {
			throw new DomainException.Throttled(60);
		}
		catch (AuthenticationException ex) {
			throw new DomainException.Unauthenticated(ex.getMessage());
		}
	}

}
