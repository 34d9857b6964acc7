package com.xinfang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook dispatcher's claim and rounds, on a dispatcher of the test's own with a clock a day
 * ahead of the application's: the application's dispatcher never finds these events due (they were
 * queued "tomorrow"), so each round here is the test's.
 */
@IntegrationTest
class WebhookDispatchIT {

	static final Actor ADMIN = new Actor(0, "test-admin", "测试管理员", Actor.Kind.STAFF, "CD-XFJ", "430700",
			Set.of(Role.ADMIN), DataScope.none());

	static final Pattern NUMBER = Pattern.compile("\"number\":\"[^\"]*?([A-Z])\"");

	static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

	@Autowired
	Clock appClock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Partners partners;

	@Autowired
	JsonMapper json;

	MovableClock clock;

	Webhooks webhooks;

	final List<HttpServer> servers = new ArrayList<>();

	final String run = "WH" + System.nanoTime() % 1_000_000_000L;

	@BeforeEach
	void dispatcherADayAhead() {
		clock = new MovableClock(appClock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
		// retry base 2 s, at most 16 in flight, batch 256, a 1.5 s HTTP timeout
		webhooks = new Webhooks(jdbc, null, partners, json, clock, 2000, 16, 256, 250, 1500);
	}

	@AfterEach
	void cleanUp() {
		servers.forEach(s -> s.stop(0));
		jdbc.sql("DELETE FROM exchange_outbox WHERE petition_number LIKE ?").param(run + "%").update();
	}

	/** A receiver recording "matter:type" of each request in arrival order; the first {@code hang} requests hang. */
	record Receiver(long partnerId, List<String> got, CountDownLatch release) {
	}

	Receiver receiver(int hang) throws IOException {
		List<String> got = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch release = new CountDownLatch(1);
		var hanging = new java.util.concurrent.atomic.AtomicInteger(hang);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/hook", ex -> {
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Matcher m = NUMBER.matcher(body);
			Matcher t = TYPE.matcher(body);
			got.add((m.find() ? m.group(1) : "?") + ":" + (t.find() ? t.group(1) : "?"));
			if (hanging.getAndDecrement() > 0) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			ex.sendResponseHeaders(200, 2);
			ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
			ex.close();
		});
		server.start();
		servers.add(server);
		var creds = partners.register(new Partners.Registration("wh-" + System.nanoTime() % 1_000_000_000L, "测试推送接收方",
				"HOTLINE_12345", "值班室", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
				EnumSet.of(Partner.Permission.RECEIVE), 100_000), ADMIN);
		return new Receiver(partners.find(creds.partnerCode()).orElseThrow().id(), got, release);
	}

	void event(long partnerId, String matter, String type, Instant occurredAt) {
		webhooks.enqueue(partnerId, run + matter, "EXT-" + matter, type, null, occurredAt, Map.of(), run + ":" + matter + ":" + type);
	}

	long id(String matter, String type) {
		return jdbc.sql("SELECT id FROM exchange_outbox WHERE petition_number = ? AND event_type = ?")
			.params(run + matter, type).query(Long.class).single();
	}

	@Test
	void theClaimTakesOnlyTheDueHeadOfEachMatter() throws Exception {
		var r = receiver(0);
		Instant t0 = clock.instant();
		event(r.partnerId(), "A", "REGISTERED", t0);
		event(r.partnerId(), "A", "TRANSFERRED", t0.plusSeconds(1));
		event(r.partnerId(), "A", "ACCEPTED", t0.plusSeconds(2));
		// a matter whose head waits for its retry
		event(r.partnerId(), "B", "REGISTERED", t0);
		OffsetDateTime retry = OffsetDateTime.ofInstant(t0.plusSeconds(10), ZoneOffset.UTC);
		jdbc.sql("UPDATE exchange_outbox SET attempts = 1, next_attempt_at = ? WHERE id = ?").params(retry, id("B", "REGISTERED")).update();
		// a matter whose head is being sent by another node
		event(r.partnerId(), "C", "REGISTERED", t0);
		event(r.partnerId(), "C", "TRANSFERRED", t0.plusSeconds(1));
		jdbc.sql("UPDATE exchange_outbox SET lease_until = ? WHERE id = ?")
			.params(OffsetDateTime.ofInstant(t0.plusSeconds(10), ZoneOffset.UTC), id("C", "REGISTERED")).update();
		// a matter whose earlier step was queued a moment after its later one
		event(r.partnerId(), "E", "ACCEPTED", t0.plusSeconds(2));
		event(r.partnerId(), "E", "TRANSFERRED", t0.plusSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		// B's next step, queued while B waits for its retry: it waits as long, so no round looks at it before
		event(r.partnerId(), "B", "TRANSFERRED", t0.plusSeconds(1));
		// and one queued just now: inside the grace a late earlier step could still arrive
		event(r.partnerId(), "D", "REGISTERED", clock.instant());

		assertThat(jdbc.sql("SELECT next_attempt_at FROM exchange_outbox WHERE id = ?").param(id("B", "TRANSFERRED"))
			.query(OffsetDateTime.class).single()).isEqualTo(retry);
		List<Webhooks.Claimed> claimed = webhooks.claim(100);
		assertThat(claimed).extracting(Webhooks.Claimed::id)
			.containsExactlyInAnyOrder(id("A", "REGISTERED"), id("E", "TRANSFERRED"));
		assertThat(webhooks.claim(100)).as("leased now").isEmpty();

		// once A's head is delivered, its next step is the head; D has come out of the grace
		clock.advance(Duration.ofSeconds(1));
		jdbc.sql("UPDATE exchange_outbox SET delivered_at = ?, lease_until = NULL WHERE id = ?")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id("A", "REGISTERED")).update();
		assertThat(webhooks.claim(100)).extracting(Webhooks.Claimed::id)
			.containsExactlyInAnyOrder(id("A", "TRANSFERRED"), id("D", "REGISTERED"));
		// B's head when its retry is due, C's head when the other node's lease has run out (sent again, not
		// its next step); the leases taken above still hold
		clock.advance(Duration.ofSeconds(10));
		assertThat(webhooks.claim(1)).as("at most the limit").hasSize(1);
		assertThat(webhooks.claim(100)).hasSize(1);
		assertThat(jdbc.sql("SELECT id FROM exchange_outbox WHERE petition_number LIKE ? AND lease_until > ?")
			.params(run + "%", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).query(Long.class).list())
			.containsExactlyInAnyOrder(id("A", "TRANSFERRED"), id("D", "REGISTERED"), id("E", "TRANSFERRED"), id("B", "REGISTERED"),
					id("C", "REGISTERED"));
		assertThat(webhooks.claim(100)).isEmpty();
	}

	@Test
	void aReceiverThatHangsHoldsBackOnlyItsOwnMattersAndItsMatterWaitsWithIt() throws Exception {
		var slow = receiver(1);
		var fast = receiver(0);
		Instant t0 = clock.instant();
		event(slow.partnerId(), "S", "REGISTERED", t0);
		event(slow.partnerId(), "S", "TRANSFERRED", t0.plusSeconds(1));
		event(fast.partnerId(), "F", "REGISTERED", t0);
		event(fast.partnerId(), "F", "TRANSFERRED", t0.plusSeconds(1));
		event(fast.partnerId(), "G", "REGISTERED", t0);
		clock.advance(Duration.ofSeconds(1));

		assertThat(webhooks.round()).isEqualTo(3); // the heads of S, F and G, posted in one round
		// the fast receiver's matters move on round after round while S's post hangs
		waitFor(() -> fast.got().size() == 2 ? true : null, webhooks::round);
		waitFor(() -> fast.got().size() == 3 ? true : null, webhooks::round);
		assertThat(fast.got().subList(0, 2)).containsExactlyInAnyOrder("F:REGISTERED", "G:REGISTERED");
		assertThat(fast.got().get(2)).isEqualTo("F:TRANSFERRED");
		assertThat(slow.got()).containsExactly("S:REGISTERED");

		// the hanging post times out: a failed attempt, retried after the backoff, and S's next step waits as long
		waitFor(() -> jdbc.sql("SELECT attempts FROM exchange_outbox WHERE id = ? AND attempts = 1")
			.param(id("S", "REGISTERED")).query(Integer.class).optional().orElse(null), webhooks::round);
		assertThat(webhooks.inFlight()).isZero();
		OffsetDateTime retry = jdbc.sql("SELECT next_attempt_at FROM exchange_outbox WHERE id = ? AND delivered_at IS NULL")
			.param(id("S", "REGISTERED")).query(OffsetDateTime.class).single();
		assertThat(Duration.between(clock.instant(), retry.toInstant())).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
		assertThat(jdbc.sql("SELECT next_attempt_at FROM exchange_outbox WHERE id = ?").param(id("S", "TRANSFERRED"))
			.query(OffsetDateTime.class).single()).isEqualTo(retry);
		assertThat(jdbc.sql("SELECT http_status IS NULL AND answer LIKE '%Timeout%' FROM exchange_attempt WHERE outbox_id = ?")
			.param(id("S", "REGISTERED")).query(Boolean.class).single()).isTrue();
		assertThat(webhooks.round()).as("nothing due before the retry").isZero();

		// the receiver is well again: S's head goes first, then its next step, each once
		slow.release().countDown();
		clock.advance(Duration.ofSeconds(3));
		waitFor(() -> slow.got().size() == 3 ? true : null, webhooks::round);
		webhooks.drain();
		assertThat(slow.got()).containsExactly("S:REGISTERED", "S:REGISTERED", "S:TRANSFERRED");
		assertThat(jdbc.sql("SELECT count(*) FROM exchange_outbox WHERE petition_number LIKE ? AND delivered_at IS NULL")
			.param(run + "%").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT attempts FROM exchange_outbox WHERE petition_number LIKE ? ORDER BY petition_number, occurred_at")
			.param(run + "%").query(Integer.class).list()).containsExactly(1, 1, 1, 2, 1);
	}

	@Test
	void stoppingRecordsTheAnswersOfThePostsInFlight() throws Exception {
		var r = receiver(0);
		event(r.partnerId(), "H", "REGISTERED", clock.instant());
		clock.advance(Duration.ofSeconds(1));
		assertThat(webhooks.round()).isEqualTo(1);
		webhooks.stop(); // as at shutdown: the answer is recorded rather than sent again after the lease
		assertThat(r.got()).containsExactly("H:REGISTERED");
		assertThat(jdbc.sql("SELECT delivered_at IS NOT NULL AND lease_until IS NULL FROM exchange_outbox WHERE id = ?")
			.param(id("H", "REGISTERED")).query(Boolean.class).single()).isTrue();
		assertThat(webhooks.inFlight()).isZero();
	}

	@Autowired
	Webhooks applicationsDispatcher;

	@Test
	void theApplicationsDispatcherHasAConnectionPoolOfItsOwn() {
		// so a round does not queue behind every request waiting for the application's pool
		assertThat(applicationsDispatcher.isRunning()).isTrue();
		assertThat(applicationsDispatcher.ownPoolSize()).isEqualTo(2);
	}

	/** Polls {@code probe}, running {@code step} between looks. */
	static <T> T waitFor(Supplier<T> probe, Runnable step) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			step.run();
			Thread.sleep(100);
		}
		throw new AssertionError("timed out waiting");
	}

}
