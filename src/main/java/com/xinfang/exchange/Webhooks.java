package com.xinfang.exchange;

import com.xinfang.petition.PetitionEvent;
import com.xinfang.petition.Status;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Milestones of partner matters as signed webhooks. Each step of a matter that came from a partner
 * is written to a durable outbox (from the petition's events, after the act has committed, so the
 * act never waits for a partner). A dispatcher on its own thread (not the shared scheduler thread,
 * where the case indexer's and the audit sealer's batches would hold it back) claims the due head
 * of each matter's queue (so a matter's events arrive in order: the next one is not sent before the
 * previous one is delivered), signs the body with the partner's secret, posts it without waiting for
 * the answer, and records every attempt with its answer: the answers that came in since the last
 * round in one statement. A slow or failing receiver holds back only its own matters; a failure is
 * retried with exponential backoff, and the matter's later events wait with it. A claim is a lease
 * on the row: several nodes never send the same event at once, and after a crash or restart the
 * lease runs out and the event is sent again (receivers de-duplicate by the event id).
 */
@Service
public class Webhooks implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final String SIGNATURE = "X-XinFang-Signature";

	static final String EVENT_ID = "X-XinFang-Event-Id";

	static final String TIMESTAMP = "X-XinFang-Timestamp";

	/** Events are only sent once they are this old, so one inserted a moment late is not overtaken. */
	static final Duration ORDER_GRACE = Duration.ofMillis(500);

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/**
	 * The dispatcher's statements (claim, record, the partners of a round) go through a small pool of
	 * its own once started: with the application's pool all taken by requests (an intake past its
	 * capacity), a round would queue for a connection behind every waiting request and time out.
	 */
	private volatile JdbcClient dispatchJdbc;

	private HikariDataSource ownPool;

	private final Partners partners;

	private final JsonMapper json;

	private final Clock clock;

	private final long retryBaseMillis;

	private final int batch;

	private final long delayMillis;

	private final Duration timeout;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Events claimed and not yet recorded: bounded, so the posts in flight (and their memory) are. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private final int maxInFlight;

	/** Answers (or failures) that came in since the last round, recorded together at the next one. */
	private final Queue<Result> finished = new ConcurrentLinkedQueue<>();

	private volatile boolean running;

	private Thread dispatcher;

	/** How many the last round could claim at most. */
	private int lastLimit;

	Webhooks(JdbcClient jdbc, DataSource dataSource, Partners partners, JsonMapper json, Clock clock,
			@Value("${xinfang.exchange.retry-base-ms:2000}") long retryBaseMillis,
			@Value("${xinfang.exchange.in-flight:256}") int maxInFlight,
			@Value("${xinfang.exchange.batch:256}") int batch,
			@Value("${xinfang.exchange.dispatch-delay-ms:250}") long delayMillis,
			@Value("${xinfang.exchange.timeout-ms:5000}") long timeoutMillis) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.dispatchJdbc = jdbc;
		this.partners = partners;
		this.json = json;
		this.clock = clock;
		this.retryBaseMillis = retryBaseMillis;
		this.batch = batch;
		this.delayMillis = delayMillis;
		this.timeout = Duration.ofMillis(timeoutMillis);
		this.maxInFlight = maxInFlight;
	}

	/** Queues an event in the caller's transaction; a second event with the same dedup key is ignored. */
	@Transactional
	public void enqueue(long partnerId, String number, String externalId, String type, String milestone,
			Instant occurredAt, Map<String, Object> data, String dedupKey) {
		UUID eventId = UUID.randomUUID();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId.toString());
		payload.put("type", type);
		payload.put("milestone", milestone);
		payload.put("number", number);
		payload.put("externalId", externalId);
		payload.put("occurredAt", OffsetDateTime.ofInstant(occurredAt, BeijingTime.ZONE).toString());
		payload.put("data", data);
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		// behind a head that is waiting for its retry, the new event waits as long (so no round looks at it before)
		jdbc.sql("""
				INSERT INTO exchange_outbox (event_id, dedup_key, partner_id, petition_number, event_type, occurred_at, payload,
				  created_at, next_attempt_at)
				SELECT ?,?,?,?,?,?,?,?, GREATEST(?::timestamptz,
				  (SELECT max(next_attempt_at) FROM exchange_outbox WHERE petition_number = ? AND delivered_at IS NULL))
				ON CONFLICT (dedup_key) DO NOTHING""")
			.params(eventId, dedupKey, partnerId, number, type, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
					json.writeValueAsString(payload), now, now, number)
			.update();
	}

	/** Each step of a matter that came from a partner allowed to receive updates. Idempotent. */
	@ApplicationModuleListener
	void on(PetitionEvent moved) {
		record Link(long partnerId, String externalId, boolean mayReceive, String callback) {
		}
		jdbc.sql("""
				SELECT l.partner_id, l.external_id, p.may_receive, p.callback_url AS callback FROM exchange_link l
				JOIN exchange_partner p ON p.id = l.partner_id WHERE l.petition_number = ? AND p.revoked_at IS NULL""")
			.param(moved.number())
			.query(Rows.of(Link.class))
			.optional()
			.filter(l -> l.mayReceive() && l.callback() != null)
			.ifPresent(l -> {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("action", moved.action().name());
				data.put("fromStatus", moved.fromStatus().name());
				data.put("status", moved.toStatus().name());
				data.put("statusLabel", moved.toStatus().label());
				enqueue(l.partnerId(), moved.number(), l.externalId(), eventType(moved),
						moved.milestone() == null ? null : moved.milestone().label(), moved.at(), data,
						"moved:" + moved.number() + ":" + moved.action().name() + ":" + moved.toStatus().name() + ":" + moved.at());
			});
	}

	/** The partner-facing name of a step: 受理, 转送, 答复, 办结, 复查 … */
	static String eventType(PetitionEvent m) {
		return switch (m.toStatus()) {
			case TRANSFERRED, ACCEPTED, NOT_ACCEPTED, DIVERTED, REPLIED, DELIVERED, CLOSED, REEXAMINATION, REVIEW, FINAL, MERGED ->
				m.toStatus().name();
			case REGISTERED, REPLY_PENDING_APPROVAL, CLOSE_PENDING_APPROVAL -> "UPDATED";
		};
	}

	static String statusLabel(String status) {
		try {
			return Status.valueOf(status).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return status;
		}
	}

	/** Starts the dispatcher thread (after the context is ready; stopped before the database goes). */
	@Override
	public void start() {
		ownPool = ownPool(dataSource);
		if (ownPool != null) {
			dispatchJdbc = JdbcClient.create(ownPool);
		}
		running = true;
		dispatcher = new Thread(this::dispatchLoop, "webhook-dispatcher");
		dispatcher.setDaemon(true);
		dispatcher.start();
	}

	/** Stops claiming, waits for the posts in flight (at most the HTTP timeout) and records their answers. */
	@Override
	public void stop() {
		running = false;
		Thread t = dispatcher;
		if (t != null) {
			t.interrupt();
			try {
				t.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		long until = System.nanoTime() + timeout.plusSeconds(1).toNanos();
		while (inFlight.get() > finished.size() && System.nanoTime() < until) {
			sleep(50);
		}
		try {
			recordFinished();
		}
		catch (RuntimeException ex) {
			log.warn("webhook answers not recorded at shutdown (their leases run out and they are sent again): {}", ex.toString());
		}
		if (ownPool != null) {
			dispatchJdbc = jdbc;
			ownPool.close();
			ownPool = null;
		}
	}

	/** Two connections configured like the application's pool (null when it is not Hikari: then that pool). */
	static HikariDataSource ownPool(DataSource main) {
		try {
			if (main == null || !main.isWrapperFor(HikariDataSource.class)) {
				return null;
			}
			HikariConfig config = new HikariConfig();
			main.unwrap(HikariDataSource.class).copyStateTo(config);
			config.setPoolName("webhook-dispatcher");
			config.setMaximumPoolSize(2);
			config.setMinimumIdle(1);
			return new HikariDataSource(config);
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("webhook dispatcher uses the application's connection pool: {}", ex.toString());
			return null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void dispatchLoop() {
		while (running) {
			int claimed = 0;
			try {
				claimed = round();
			}
			catch (RuntimeException ex) {
				log.warn("webhook round failed: {}", ex.toString());
			}
			// a claim that took all it could means a backlog: go on at once; otherwise poll after the delay
			if (claimed == 0 || claimed < lastLimit) {
				sleep(delayMillis);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One round: record the answers that came in since the last round (one statement), then claim
	 * the due head of each matter's queue, as many as there are free slots, and post them.
	 *
	 * @return how many events were claimed
	 */
	synchronized int round() {
		recordFinished();
		int free = Math.min(batch, maxInFlight - inFlight.get());
		lastLimit = free;
		if (free <= 0) {
			return 0;
		}
		List<Claimed> claimed = claim(free);
		if (claimed.isEmpty()) {
			return 0;
		}
		// each partner and its signing secret read once per round, not once per event
		Map<Long, Sender> senders = new HashMap<>();
		for (Claimed c : claimed) {
			senders.computeIfAbsent(c.partnerId(), id -> {
				var partner = partners.byId(dispatchJdbc, id).orElse(null);
				boolean able = partner != null && partner.active() && partner.mayReceive() && partner.callbackUrl() != null;
				return new Sender(able ? partner : null, able ? partners.signingSecret(dispatchJdbc, id) : null);
			});
		}
		inFlight.addAndGet(claimed.size());
		for (Claimed c : claimed) {
			send(c, senders.get(c.partnerId()));
		}
		return claimed.size();
	}

	/** Runs rounds until nothing is due or in flight: for tests and the benchmark. */
	public int drain() {
		int rounds = 0;
		long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < until) {
			int claimed = round();
			if (claimed == 0 && inFlight.get() == 0) {
				break;
			}
			if (claimed == 0) {
				sleep(20);
			}
			rounds++;
		}
		return rounds;
	}

	/** The size of the dispatcher's own pool (0 when it uses the application's). */
	int ownPoolSize() {
		HikariDataSource pool = ownPool;
		return pool == null || pool.isClosed() ? 0 : pool.getMaximumPoolSize();
	}

	/** How many events are claimed and not yet recorded (posts in flight or answers waiting to be recorded). */
	int inFlight() {
		return inFlight.get();
	}

	record Claimed(long id, String eventId, long partnerId, String number, String payload, int attempts) {
	}

	/**
	 * Leases the due heads: an event is a head when no earlier event of its matter is undelivered
	 * (an index probe), and due when its next attempt has come, it is not leased, and it is older
	 * than the grace. Read through the due index, oldest first, so a backlog is never sorted whole.
	 * SKIP LOCKED and the UPDATE's re-check: two nodes never claim the same event. MATERIALIZED: the
	 * heads are chosen once (as a subquery in FROM the planner may rescan it for each row updated, and
	 * a rescan skips the rows this statement has just leased and takes the next ones: more than the limit).
	 */
	List<Claimed> claim(int limit) {
		OffsetDateTime t = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		return dispatchJdbc.sql("""
				WITH due AS MATERIALIZED (
				  SELECT c.id FROM exchange_outbox c
				  WHERE c.delivered_at IS NULL AND c.next_attempt_at <= ? AND c.created_at <= ?
				    AND (c.lease_until IS NULL OR c.lease_until < ?)
				    AND NOT EXISTS (SELECT 1 FROM exchange_outbox e WHERE e.petition_number = c.petition_number
				                    AND e.delivered_at IS NULL AND (e.occurred_at, e.id) < (c.occurred_at, c.id))
				  ORDER BY c.next_attempt_at LIMIT ? FOR UPDATE OF c SKIP LOCKED)
				UPDATE exchange_outbox o SET lease_until = ? FROM due
				WHERE o.id = due.id AND o.delivered_at IS NULL AND (o.lease_until IS NULL OR o.lease_until < ?)
				RETURNING o.id, o.event_id, o.partner_id, o.petition_number, o.payload, o.attempts""")
			.params(t, t.minus(ORDER_GRACE), t, limit, t.plus(LEASE), t)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getInt(6)))
			.list();
	}

	/** A partner able to receive (null when it is not) and its signing secret. */
	record Sender(Partner partner, String secret) {
	}

	/** An attempt's outcome: the HTTP status (null when there was no answer), the answer, its duration. */
	record Result(Claimed claimed, Integer status, String answer, int millis, Instant at) {

		boolean ok() {
			return status != null && status >= 200 && status < 300;
		}

	}

	/** Posts the event without waiting; the answer is queued for the next round's record. */
	void send(Claimed c, Sender sender) {
		var partner = sender.partner();
		if (partner == null) {
			finished.add(new Result(c, null, "合作系统已停用或未配置回调地址", 0, clock.instant()));
			return;
		}
		long started = System.nanoTime();
		try {
			long ts = clock.instant().getEpochSecond();
			var request = HttpRequest.newBuilder(URI.create(partner.callbackUrl()))
				.timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.header(EVENT_ID, c.eventId())
				.header(TIMESTAMP, Long.toString(ts))
				.header(SIGNATURE, "t=" + ts + ",v1=" + sign(sender.secret(), ts, c.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
				.build();
			http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((response, ex) -> {
				int millis = (int) ((System.nanoTime() - started) / 1_000_000);
				if (response != null) {
					finished.add(new Result(c, response.statusCode(), response.body() == null ? "" : response.body(), millis,
							clock.instant()));
				}
				else {
					Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
					finished.add(new Result(c, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), millis,
							clock.instant()));
				}
			});
		}
		catch (RuntimeException ex) {
			// a callback URL or header the HTTP client refuses: an attempt like any other, retried with backoff
			finished.add(new Result(c, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), 0, clock.instant()));
		}
	}

	/** Records the answers that came in (one statement); on failure they stay queued for the next round. */
	synchronized void recordFinished() {
		List<Result> results = new ArrayList<>();
		for (Result r; (r = finished.poll()) != null;) {
			results.add(r);
		}
		if (results.isEmpty()) {
			return;
		}
		try {
			record(results);
		}
		catch (RuntimeException ex) {
			finished.addAll(results);
			throw ex;
		}
		inFlight.addAndGet(-results.size());
		for (Result r : results) {
			if (!r.ok()) {
				log.info("webhook {} attempt {} failed: {} {}", r.claimed().eventId(), r.claimed().attempts() + 1, r.status(),
						r.answer());
			}
		}
	}

	/**
	 * The attempts and the rows' new state in one statement (so one commit for a round's answers).
	 * A failed event is due again after the backoff, and its matter's later events wait as long.
	 */
	void record(List<Result> results) {
		int n = results.size();
		Long[] ids = new Long[n];
		String[] numbers = new String[n];
		Boolean[] oks = new Boolean[n];
		Integer[] statuses = new Integer[n];
		String[] answers = new String[n];
		Integer[] millis = new Integer[n];
		Long[] at = new Long[n];
		Long[] next = new Long[n];
		for (int i = 0; i < n; i++) {
			Result r = results.get(i);
			ids[i] = r.claimed().id();
			numbers[i] = r.claimed().number();
			oks[i] = r.ok();
			statuses[i] = r.status();
			answers[i] = r.answer().length() > 500 ? r.answer().substring(0, 500) : r.answer();
			millis[i] = r.millis();
			at[i] = r.at().toEpochMilli();
			next[i] = r.ok() ? at[i] : r.at().plus(backoff(r.claimed().attempts() + 1)).toEpochMilli();
		}
		dispatchJdbc.sql("""
				WITH r AS (
				  SELECT id, number, ok, status, answer, millis, to_timestamp(at / 1000.0) AS at, to_timestamp(next / 1000.0) AS next
				  FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS u (id, number, ok, status, answer, millis, at, next)),
				a AS (INSERT INTO exchange_attempt (outbox_id, at, http_status, answer, millis)
				  SELECT id, at, status, answer, millis FROM r),
				later AS (UPDATE exchange_outbox f SET next_attempt_at = r.next FROM r
				  WHERE NOT r.ok AND f.petition_number = r.number AND f.delivered_at IS NULL AND f.next_attempt_at < r.next
				    AND f.id NOT IN (SELECT id FROM r))
				UPDATE exchange_outbox o SET attempts = o.attempts + 1, lease_until = NULL,
				  delivered_at = CASE WHEN r.ok THEN r.at END, next_attempt_at = r.next
				FROM r WHERE o.id = r.id""")
			.params(new SqlArrayValue("int8", (Object[]) ids), new SqlArrayValue("text", (Object[]) numbers),
					new SqlArrayValue("bool", (Object[]) oks), new SqlArrayValue("int4", (Object[]) statuses),
					new SqlArrayValue("text", (Object[]) answers), new SqlArrayValue("int4", (Object[]) millis),
					new SqlArrayValue("int8", (Object[]) at), new SqlArrayValue("int8", (Object[]) next))
			.update();
	}

	/** 2 s, 4 s, 8 s … (with the default base), at most an hour. */
	Duration backoff(int attempts) {
		long millis = retryBaseMillis << Math.min(20, Math.max(0, attempts - 1));
		return millis > MAX_BACKOFF.toMillis() || millis <= 0 ? MAX_BACKOFF : Duration.ofMillis(millis);
	}

	/** HMAC-SHA256 over "timestamp.body", hex. */
	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Checks a signature header ("t=…,v1=…") against the body, within five minutes of now. */
	public static boolean verify(String secret, String header, String body, Instant now) {
		if (header == null) {
			return false;
		}
		long t = -1;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] kv = part.strip().split("=", 2);
			if (kv.length == 2 && kv[0].equals("t")) {
				try {
					t = Long.parseLong(kv[1]);
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
			else if (kv.length == 2 && kv[0].equals("v1")) {
				v1 = kv[1];
			}
		}
		if (t < 0 || v1 == null || Math.abs(now.getEpochSecond() - t) > 300) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, t, body).getBytes(StandardCharsets.US_ASCII),
				v1.getBytes(StandardCharsets.US_ASCII));
	}

	/** An outbox row with its attempts, for the admin page. */
	public record Delivery(long id, String eventId, String partnerName, String number, String type,
			OffsetDateTime occurredAt, int attempts, OffsetDateTime deliveredAt, OffsetDateTime nextAttemptAt,
			List<Attempt> tries) {
	}

	public record Attempt(OffsetDateTime at, Integer httpStatus, String answer, int millis) {
	}

	@Transactional(readOnly = true)
	public List<Delivery> recent(int limit, String number) {
		String where = number == null || number.isBlank() ? "" : " WHERE o.petition_number = ?";
		List<Object> params = new ArrayList<>();
		if (!where.isEmpty()) {
			params.add(number.strip());
		}
		params.add(limit);
		List<Delivery> rows = jdbc.sql("""
				SELECT o.id, o.event_id, p.name, o.petition_number, o.event_type, o.occurred_at, o.attempts, o.delivered_at,
				  o.next_attempt_at FROM exchange_outbox o JOIN exchange_partner p ON p.id = o.partner_id""" + where
				+ " ORDER BY o.id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), bj(rs.getObject(6, OffsetDateTime.class)), rs.getInt(7),
					bj(rs.getObject(8, OffsetDateTime.class)), bj(rs.getObject(9, OffsetDateTime.class)), new ArrayList<>()))
			.list();
		for (Delivery d : rows) {
			d.tries()
				.addAll(jdbc.sql("SELECT at, http_status, answer, millis FROM exchange_attempt WHERE outbox_id = ? ORDER BY id")
					.param(d.id())
					.query((rs, n) -> {
						int code = rs.getInt(2);
						Integer status = rs.wasNull() ? null : code;
						return new Attempt(bj(rs.getObject(1, OffsetDateTime.class)), status, rs.getString(3), rs.getInt(4));
					})
					.list());
		}
		return rows;
	}

	private static OffsetDateTime bj(OffsetDateTime t) {
		return t == null ? null : BeijingTime.of(t);
	}

}
