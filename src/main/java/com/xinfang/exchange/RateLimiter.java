package com.xinfang.exchange;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per partner: a partner may burst up to its per-minute allowance and is refilled
 * continuously. Kept in memory on each node: with N nodes behind a balancer the ceiling is N times
 * the allowance (the purpose is to keep one partner's runaway client from starving the others).
 */
@Component
class RateLimiter {

	private final Clock clock;

	private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	/** @return 0 when allowed, otherwise the seconds to wait */
	long acquire(long partnerId, int perMinute) {
		long now = clock.millis();
		Bucket b = buckets.computeIfAbsent(partnerId, id -> new Bucket(perMinute, now));
		synchronized (b) {
			double rate = perMinute / 60_000.0;
			b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * rate);
			b.at = Math.max(b.at, now);
			if (b.tokens >= 1) {
				b.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - b.tokens) / rate / 1000));
		}
	}

	void forget(long partnerId) {
		buckets.remove(partnerId);
	}

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

}
