package com.xinfang.publicity;

import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters that every node counts together, without a database row lock on the request
 * path. Windows are aligned to the epoch (an hour's window runs from one full hour to the next), so
 * nodes agree on them without talking. A hit is counted in memory; once a second each node adds its
 * new hits to the window's row in {@code quiz_rate} (one statement for all keys) and learns the total
 * of every node. A decision uses that total plus this node's hits not yet added, so with N nodes the
 * limit can be overshot by at most what the other nodes counted in the last second. Over the limit,
 * the caller gets 429 with the seconds until the window ends; refused hits are not counted.
 * <p>
 * Before: one UPSERT on the address's row per round drawn. 500 players behind one address (a school,
 * a NAT) queued on that row lock, each holding a pooled connection while it waited, and the pool ran
 * dry (bench/results/2026-12-07-quiz.md).
 */
@Component
class RateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static final class Window {

		final long start;

		final long length;

		/** every node's hits as of the last exchange with the database (-1: not read yet) */
		int shared = -1;

		/** this node's hits not yet added to the database */
		int pending;

		Window(long start, long length) {
			this.start = start;
			this.length = length;
		}

	}

	public void hit(String key, int limit, Duration window) {
		Instant now = clock.instant();
		long length = window.toMillis();
		long start = Math.floorDiv(now.toEpochMilli(), length) * length;
		// a new window starts from nothing (hits of the last one not yet added no longer matter to anyone)
		Window w = windows.compute(key, (k, old) -> old != null && old.start == start ? old : new Window(start, length));
		boolean unknown;
		synchronized (w) {
			unknown = w.shared < 0;
		}
		if (unknown) {
			// first sight of this key in this window on this node: what the other nodes counted (a read, no lock)
			int counted = jdbc.sql("SELECT hits FROM quiz_rate WHERE key = ? AND window_start = ?")
				.params(key, OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC))
				.query(Integer.class)
				.optional()
				.orElse(0);
			synchronized (w) {
				if (w.shared < 0) {
					w.shared = counted;
				}
			}
		}
		synchronized (w) {
			if (w.shared + w.pending >= limit) {
				long wait = Math.max(1, Duration.between(now, Instant.ofEpochMilli(w.start + w.length)).toSeconds());
				throw new DomainException.Throttled(wait);
			}
			w.pending++;
		}
	}

	/** Adds every node-local hit to the database once a second and learns the totals. */
	@Scheduled(fixedDelayString = "${xinfang.publicity.quiz.rate-flush-ms:1000}")
	void flush() {
		List<String> keys = new ArrayList<>();
		List<Window> due = new ArrayList<>();
		long now = clock.millis();
		windows.forEach((k, w) -> {
			synchronized (w) {
				if (w.pending > 0) {
					keys.add(k);
					due.add(w);
				}
				else if (w.start + w.length <= now) {
					windows.remove(k, w); // a finished window with nothing left to add
				}
			}
		});
		if (!keys.isEmpty()) {
			addAll(keys, due);
		}
	}

	private void addAll(List<String> keys, List<Window> due) {
		String[] k = new String[keys.size()];
		Long[] starts = new Long[keys.size()];
		Integer[] n = new Integer[keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			Window w = due.get(i);
			synchronized (w) {
				k[i] = keys.get(i);
				starts[i] = w.start;
				n[i] = w.pending;
			}
		}
		record Total(String key, OffsetDateTime windowStart, int hits) {
		}
		// one statement (one commit) for all keys; a counter need not wait for the disk
		List<Total> totals = jdbc.sql("""
				INSERT INTO quiz_rate (key, window_start, hits)
				SELECT k, to_timestamp(ms / 1000.0), n FROM unnest(?::varchar[], ?::bigint[], ?::int[]) AS x (k, ms, n)
				ON CONFLICT (key) DO UPDATE SET
				  hits = CASE WHEN quiz_rate.window_start = excluded.window_start THEN quiz_rate.hits + excluded.hits
				              WHEN quiz_rate.window_start > excluded.window_start THEN quiz_rate.hits ELSE excluded.hits END,
				  window_start = greatest(quiz_rate.window_start, excluded.window_start)
				RETURNING key, window_start, hits""")
			.params(k, starts, n)
			.query(Rows.of(Total.class))
			.list();
		for (int i = 0; i < keys.size(); i++) {
			Window w = due.get(i);
			synchronized (w) {
				w.pending -= n[i];
				for (Total t : totals) {
					if (t.key().equals(k[i]) && t.windowStart().toInstant().toEpochMilli() == w.start) {
						w.shared = t.hits();
					}
				}
			}
		}
	}

}
