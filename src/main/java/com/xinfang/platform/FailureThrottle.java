package com.xinfang.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failures per key (an account and address, a client address on a public lookup) in the
 * database, so every node sees the same count. After {@code freeFailures} failures a key is
 * blocked for a delay that doubles with each further failure up to {@code maxBlock}; the block
 * always ends, so a stranger's failures can delay a victim but never lock them out for good.
 */
@Component
public class FailureThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	FailureThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Seconds until the key may try again; 0 when it may try now. */
	@Transactional(readOnly = true)
	public long secondsBlocked(String key) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT blocked_until FROM throttle WHERE key = ?")
			.param(key)
			.query(OffsetDateTime.class)
			.optional()
			.filter(until -> until.toInstant().isAfter(now))
			.map(until -> Math.max(1, Duration.between(now, until.toInstant()).toSeconds()))
			.orElse(0L);
	}

	/**
	 * Records a failure in its own transaction, so a refused request still counts. Callers hold no
	 * transaction of their own: a nested one would need a second pooled connection per request.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String key, int freeFailures, Duration firstBlock, Duration maxBlock,
			Duration forgetAfter) {
		Instant now = clock.instant();
		OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		int failures = jdbc.sql("""
				INSERT INTO throttle (key, failures, updated_at) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET
				  failures = CASE WHEN throttle.updated_at < ? THEN 1 ELSE throttle.failures + 1 END,
				  updated_at = excluded.updated_at
				RETURNING failures""")
			.params(key, nowUtc, nowUtc.minus(forgetAfter))
			.query(Integer.class)
			.single();
		if (failures > freeFailures) {
			long factor = 1L << Math.min(20, failures - freeFailures - 1);
			Duration block = firstBlock.multipliedBy(factor);
			if (block.compareTo(maxBlock) > 0) {
				block = maxBlock;
			}
			jdbc.sql("UPDATE throttle SET blocked_until = ? WHERE key = ?").params(nowUtc.plus(block), key).update();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void reset(String key) {
		jdbc.sql("DELETE FROM throttle WHERE key = ?").param(key).update();
	}

}
