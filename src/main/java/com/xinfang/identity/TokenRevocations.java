package com.xinfang.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which signed tokens no longer count: the one a logout handed back (by its id, until it would
 * have expired), every token of an account issued before its sign-ins were ended, and every
 * token of a disabled account. The answer is read from the database (one primary-key read) and
 * remembered on this node for {@code xinfang.security.token-check-ttl} (2 s by default): a
 * registrar's burst of calls then costs one read, not one read and a transaction each. A logout
 * or a disabled account forgets the node's remembered answers at once (after its commit); other
 * nodes stop honouring the token within the TTL.
 */
@Component
class TokenRevocations implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "访问令牌已失效，请重新登录", null);

	/** Remembered answers beyond this many are dropped wholesale (a node sees far fewer live tokens). */
	static final int MAX_REMEMBERED = 50_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long ttlNanos;

	private final ConcurrentHashMap<String, Checked> checked = new ConcurrentHashMap<>();

	private record Checked(long userId, boolean valid, long atNanos) {
	}

	TokenRevocations(JdbcClient jdbc, Clock clock,
			@Value("${xinfang.security.token-check-ttl:PT2S}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttlNanos = ttl.toNanos();
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
		String key = userId + ":" + jti + ":" + issuedAt.getEpochSecond();
		long now = System.nanoTime();
		Checked known = checked.get(key);
		if (known != null && now - known.atNanos() < ttlNanos) {
			return known.valid();
		}
		boolean valid = read(userId, jti, issuedAt);
		if (ttlNanos > 0) {
			if (checked.size() >= MAX_REMEMBERED) {
				checked.clear();
			}
			checked.put(key, new Checked(userId, valid, now));
		}
		return valid;
	}

	/** Forgets this node's remembered answers for the account, now and again once the change commits. */
	private void forget(long userId) {
		checked.values().removeIf(c -> c.userId() == userId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(
					new TransactionSynchronization() {
						@Override
						public void afterCompletion(int status) {
							checked.values().removeIf(c -> c.userId() == userId);
						}
					});
		}
	}

	private boolean read(long userId, String jti, Instant issuedAt) {
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
		forget(userId);
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
		forget(userId);
		jdbc.sql("UPDATE app_user SET tokens_not_before = ? WHERE id = ?")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), userId)
			.update();
	}

}
