package com.xinfang.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which signed tokens no longer count: the one a logout handed back (by its id, until it would
 * have expired), every token of an account issued before its sign-ins were ended, and every
 * token of a disabled account. One primary-key read per API call, so every node agrees at once.
 */
@Component
class TokenRevocations implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "访问令牌已失效，请重新登录", null);

	private final JdbcClient jdbc;

	private final Clock clock;

	TokenRevocations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Number uid = jwt.getClaim("uid");
		if (uid == null || jwt.getIssuedAt() == null) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		return valid(uid.longValue(), jwt.getId(), jwt.getIssuedAt()) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(REVOKED);
	}

	boolean valid(long userId, String jti, Instant issuedAt) {
		// iat has whole seconds: a token counts as issued at the end of its second, so one issued in
		// the same second as (but before) the revocation is ended too
		OffsetDateTime issued = OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC);
		return Boolean.TRUE.equals(jdbc.sql("""
				SELECT u.enabled AND (u.tokens_not_before IS NULL OR u.tokens_not_before < ?)
				       AND NOT EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = ?)
				FROM app_user u WHERE u.id = ?""")
			.params(issued.plusSeconds(1), jti == null ? "" : jti, userId)
			.query(Boolean.class)
			.optional()
			.orElse(false));
	}

	/** Ends one token (a logout); forgets tokens that have expired anyway. */
	@Transactional
	void revoke(String jti, long userId, Instant expiresAt) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("DELETE FROM revoked_token WHERE expires_at < ?").param(now).update();
		if (jti != null) {
			jdbc.sql("INSERT INTO revoked_token (jti, user_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(jti, userId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
				.update();
		}
	}

	/** Ends every token of the account issued up to now. */
	@Transactional
	void revokeAll(long userId) {
		jdbc.sql("UPDATE app_user SET tokens_not_before = ? WHERE id = ?")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), userId)
			.update();
	}

}
