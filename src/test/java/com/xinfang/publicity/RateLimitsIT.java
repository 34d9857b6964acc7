package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.platform.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The quiz's counters: counted in memory, added up across nodes once a second, windows aligned to the clock. */
@IntegrationTest
class RateLimitsIT {

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoNodesCountTogetherOnceTheyHaveExchangedTheirHits() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-01T02:10:00Z"));
		RateLimits a = new RateLimits(jdbc, clock);
		RateLimits b = new RateLimits(jdbc, clock);
		String key = "test:" + UUID.randomUUID();
		Duration hour = Duration.ofHours(1);
		for (int i = 0; i < 6; i++) {
			a.hit(key, 10, hour);
		}
		a.flush(); // node a adds its 6
		assertThat(jdbc.sql("SELECT hits FROM quiz_rate WHERE key = ?").param(key).query(Integer.class).single()).isEqualTo(6);
		for (int i = 0; i < 4; i++) {
			b.hit(key, 10, hour); // node b reads the 6 on first sight: 4 more are allowed
		}
		assertThatThrownBy(() -> b.hit(key, 10, hour)).isInstanceOfSatisfying(DomainException.Throttled.class,
				t -> assertThat(t.getMessage()).isNotBlank());
		b.flush();
		assertThat(jdbc.sql("SELECT hits FROM quiz_rate WHERE key = ?").param(key).query(Integer.class).single()).isEqualTo(10);
		// the window is the clock's hour (02:00–03:00 UTC), not an hour from the first hit
		clock.advance(Duration.ofMinutes(50)); // 03:00
		for (int i = 0; i < 10; i++) {
			b.hit(key, 10, hour);
		}
		assertThatThrownBy(() -> b.hit(key, 10, hour)).isInstanceOf(DomainException.Throttled.class);
		b.flush(); // 11 tries, 10 counted: a refused hit is not counted
		assertThat(jdbc.sql("SELECT hits FROM quiz_rate WHERE key = ?").param(key).query(Integer.class).single()).isEqualTo(10);
		// the row now holds the new window
		assertThat(jdbc.sql("SELECT window_start FROM quiz_rate WHERE key = ?").param(key).query(OffsetDateTime.class).single()
			.toInstant()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
	}

	@Test
	void aRetryAfterRunsToTheEndOfTheWindow() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-01T02:59:30Z"));
		RateLimits a = new RateLimits(jdbc, clock);
		String key = "test:" + UUID.randomUUID();
		a.hit(key, 1, Duration.ofHours(1));
		assertThatThrownBy(() -> a.hit(key, 1, Duration.ofHours(1))).isInstanceOfSatisfying(DomainException.Throttled.class,
				t -> assertThat(t.retryAfterSeconds()).isEqualTo(30));
		clock.advance(Duration.ofSeconds(30));
		a.hit(key, 1, Duration.ofHours(1));
	}

}
