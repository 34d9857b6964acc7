package com.xinfang.identity;

import com.xinfang.platform.DomainException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Exchanges a password for a bearer token, with the same throttling as the login page. */
@Service
public class ApiTokens {

	private final AuthenticationManager authentication;

	private final TokenService tokens;

	ApiTokens(AuthenticationManager authentication, TokenService tokens) {
		this.authentication = authentication;
		this.tokens = tokens;
	}

	public record Token(String accessToken, String tokenType, long expiresIn) {
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
