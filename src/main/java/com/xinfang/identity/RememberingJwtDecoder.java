package com.xinfang.identity;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers a token whose signature was verified: a client calls with the same token for hours,
 * and parsing it and converting its claims cost more than the rest of the security filters
 * (about 6 % of a registration's CPU in the profile). Only the verification is remembered — the
 * expiry and the revocation checks run on every call — and only for the exact token string, which
 * cannot be altered without failing its HMAC.
 */
final class RememberingJwtDecoder implements JwtDecoder {

	/** Remembered tokens beyond this many are dropped wholesale (a node sees far fewer live tokens). */
	static final int MAX_REMEMBERED = 20_000;

	private final JwtDecoder verifying;

	private final OAuth2TokenValidator<Jwt> checks;

	private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

	/** {@code verifying} checks the signature only; {@code checks} run on every call. */
	RememberingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> checks) {
		this.verifying = verifying;
		this.checks = checks;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = verified.get(token);
		if (jwt == null) {
			jwt = verifying.decode(token);
			if (verified.size() >= MAX_REMEMBERED) {
				verified.clear();
			}
			verified.put(token, jwt);
		}
		OAuth2TokenValidatorResult result = checks.validate(jwt);
		if (result.hasErrors()) {
			verified.remove(token);
			String description = result.getErrors().iterator().next().getDescription();
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
					result.getErrors());
		}
		return jwt;
	}

	int remembered() {
		return verified.size();
	}

}
