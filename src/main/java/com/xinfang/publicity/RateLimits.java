package com.xinfang.publicity;

import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in the database (so every node counts together): one UPDATE per hit that
 * starts a new window when the old one has passed. Over the limit, the caller gets 429 with the
 * seconds until the window ends.
 */
@Component
class RateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@org.springframework.transaction.annotation.Transactional
	public void hit(String key, int limit, Duration window) {
		// a counter need not wait for the disk: a crash may forget a few hits, and the row lock of a busy
		// address (many players behind one NAT) is held for microseconds instead of an fsync
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
		Instant now = clock.instant();
		OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		record Row(OffsetDateTime windowStart, int hits) {
		}
		Row row = jdbc.sql("""
				INSERT INTO quiz_rate (key, window_start, hits) VALUES (?, ?, 1)
				ON CONFLICT (key) DO UPDATE SET
				  window_start = CASE WHEN quiz_rate.window_start <= ? THEN excluded.window_start ELSE quiz_rate.window_start END,
				  hits = CASE WHEN quiz_rate.window_start <= ? THEN 1 ELSE quiz_rate.hits + 1 END
				RETURNING window_start, hits""")
			.params(key, nowUtc, nowUtc.minus(window), nowUtc.minus(window))
			.query(Row.class)
			.single();
		if (row.hits() > limit) {
			long wait = Math.max(1, Duration.between(now, row.windowStart().toInstant().plus(window)).toSeconds());
			throw new DomainException.Throttled(wait);
		}
	}

}
