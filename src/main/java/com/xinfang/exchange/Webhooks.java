package com.xinfang.exchange;

import com.xinfang.petition.PetitionEvent;
import com.xinfang.petition.Status;
import com.xinfang.platform.BeijingTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Milestones of partner matters as signed webhooks. Each step of a matter that came from a partner
 * is written to a durable outbox (from the petition's events, after the act has committed, so the
 * act never waits for a partner). A dispatcher delivers the oldest undelivered event of each matter
 * (so a matter's events arrive in order), signs the body with the partner's secret, records every
 * attempt with its answer, and retries with exponential backoff. A claim is a lease on the row:
 * several nodes never send the same event at once, and after a crash or restart the lease runs out
 * and the event is sent again (receivers de-duplicate by the event id).
 */
@Service
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	static final String SIGNATURE = "X-XinFang-Signature";

	static final String EVENT_ID = "X-XinFang-Event-Id";

	static final String TIMESTAMP = "X-XinFang-Timestamp";

	/** Events are only sent once they are this old, so one inserted a moment late is not overtaken. */
	static final Duration ORDER_GRACE = Duration.ofMillis(500);

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Partners partners;

	private final JsonMapper json;

	private final Clock clock;

	private final long retryBaseMillis;

	private final int batch;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ExecutorService workers;

	Webhooks(JdbcClient jdbc, Partners partners, JsonMapper json, Clock clock,
			@Value("${xinfang.exchange.retry-base-ms:2000}") long retryBaseMillis,
			@Value("${xinfang.exchange.workers:8}") int workers, @Value("${xinfang.exchange.batch:256}") int batch) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.json = json;
		this.clock = clock;
		this.retryBaseMillis = retryBaseMillis;
		this.batch = batch;
		this.workers = Executors.newFixedThreadPool(workers, r -> {
			Thread t = new Thread(r, "webhook-sender");
			t.setDaemon(true);
			return t;
		});
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
		jdbc.sql("""
				INSERT INTO exchange_outbox (event_id, dedup_key, partner_id, petition_number, event_type, occurred_at, payload,
				  created_at, next_attempt_at)
				VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (dedup_key) DO NOTHING""")
			.params(eventId, dedupKey, partnerId, number, type, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
					json.writeValueAsString(payload), now, now)
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
			.query(Link.class)
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

	/** One round: claim the head event of each matter that is due, send them in parallel, record. */
	@Scheduled(fixedDelayString = "${xinfang.exchange.dispatch-delay-ms:250}")
	public void dispatch() {
		round();
	}

	/** @return how many events were tried */
	int round() {
		List<Claimed> claimed = claim();
		if (claimed.isEmpty()) {
			return 0;
		}
		// each partner and its signing secret read once per round, not twice per event
		Map<Long, Sender> senders = new HashMap<>();
		for (Claimed c : claimed) {
			senders.computeIfAbsent(c.partnerId(), id -> {
				var partner = partners.byId(id).orElse(null);
				boolean able = partner != null && partner.active() && partner.mayReceive() && partner.callbackUrl() != null;
				return new Sender(able ? partner : null, able ? partners.signingSecret(partner) : null);
			});
		}
		List<Callable<Void>> sends = new ArrayList<>();
		for (Claimed c : claimed) {
			Sender s = senders.get(c.partnerId());
			sends.add(() -> {
				send(c, s);
				return null;
			});
		}
		try {
			workers.invokeAll(sends);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return claimed.size();
	}

	/** Runs rounds until nothing is due: for tests and the benchmark. */
	public int drain() {
		int rounds = 0;
		while (round() > 0 && rounds < 1000) {
			rounds++;
		}
		return rounds;
	}

	record Claimed(long id, String eventId, long partnerId, String payload, int attempts) {
	}

	List<Claimed> claim() {
		Instant now = clock.instant();
		OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		// the head of each matter's queue; the UPDATE re-checks the lease, so two nodes never both claim it
		return jdbc.sql("""
				UPDATE exchange_outbox o SET lease_until = ?
				FROM (SELECT id FROM (
				        SELECT DISTINCT ON (petition_number) id, next_attempt_at, lease_until, created_at
				        FROM exchange_outbox WHERE delivered_at IS NULL
				        ORDER BY petition_number, occurred_at, id) h
				      WHERE h.next_attempt_at <= ? AND (h.lease_until IS NULL OR h.lease_until < ?) AND h.created_at <= ?
				      ORDER BY h.next_attempt_at LIMIT ?) due
				WHERE o.id = due.id AND o.delivered_at IS NULL AND (o.lease_until IS NULL OR o.lease_until < ?)
				RETURNING o.id, o.event_id, o.partner_id, o.payload, o.attempts""")
			.params(t.plus(LEASE), t, t, t.minus(ORDER_GRACE), batch, t)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	/** A partner able to receive (null when it is not) and its signing secret. */
	record Sender(Partner partner, String secret) {
	}

	void send(Claimed c, Sender sender) {
		var partner = sender.partner();
		long started = System.nanoTime();
		Integer status = null;
		String answer;
		if (partner == null) {
			answer = "合作系统已停用或未配置回调地址";
		}
		else {
			try {
				long ts = clock.instant().getEpochSecond();
				String secret = sender.secret();
				var request = HttpRequest.newBuilder(URI.create(partner.callbackUrl()))
					.timeout(Duration.ofSeconds(5))
					.header("Content-Type", "application/json; charset=utf-8")
					.header(EVENT_ID, c.eventId())
					.header(TIMESTAMP, Long.toString(ts))
					.header(SIGNATURE, "t=" + ts + ",v1=" + sign(secret, ts, c.payload()))
					.POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8))
					.build();
				var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				status = response.statusCode();
				answer = response.body() == null ? "" : response.body();
			}
			catch (IOException | IllegalArgumentException ex) {
				answer = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				answer = "interrupted";
			}
		}
		int millis = (int) ((System.nanoTime() - started) / 1_000_000);
		record(c, status, answer, millis);
	}

	/** The attempt and the row's new state in one statement (so one commit). */
	void record(Claimed c, Integer status, String answer, int millis) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		boolean ok = status != null && status >= 200 && status < 300;
		String cut = answer.length() > 500 ? answer.substring(0, 500) : answer;
		jdbc.sql("""
				WITH a AS (INSERT INTO exchange_attempt (outbox_id, at, http_status, answer, millis) VALUES (?,?,?,?,?))
				UPDATE exchange_outbox SET attempts = attempts + 1, lease_until = NULL,
				  delivered_at = CASE WHEN ? THEN ?::timestamptz END, next_attempt_at = ? WHERE id = ?""")
			.params(c.id(), now, status, cut, millis, ok, now, ok ? now : now.plus(backoff(c.attempts() + 1)), c.id())
			.update();
		if (!ok) {
			log.info("webhook {} attempt {} failed: {} {}", c.eventId(), c.attempts() + 1, status, answer);
		}
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
