package com.xinfang.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Append-only, hash-chained (SM3) audit log. Each entry's hash covers its fields and the previous
 * entry's hash, so deleting or editing a row breaks the chain at that point ({@link #verify()}).
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Joins the caller's transaction: the entry exists if and only if the act happened. */
	@Transactional
	public void record(String actor, String action, String target, String detail) {
		// One writer at a time, so two nodes never fork the chain.
		jdbc.sql("SELECT pg_advisory_xact_lock(7262001)").query().singleValue();
		String prev = jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		String hash = hash(prev, at, actor, action, target, detail);
		jdbc.sql("INSERT INTO audit_log (at, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?)")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, target, detail, prev, hash)
			.update();
		log.info("audit {} {} {}", actor, action, target);
	}

	/** Recent entries, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit) {
		return jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new AuditEntry(rs.getLong(1),
					com.xinfang.platform.BeijingTime.of(rs.getObject(2, OffsetDateTime.class)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** Recomputes the chain; returns the id of the first broken entry, or -1 when intact. */
	@Transactional(readOnly = true)
	public long verify() {
		record Row(long id, OffsetDateTime at, String actor, String action, String target, String detail,
				String prevHash, String hash) {
		}
		String prev = GENESIS;
		for (Row row : jdbc.sql("SELECT id, at, actor, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id")
			.query(Row.class)
			.list()) {
			String expected = hash(prev, row.at().toInstant(), row.actor(), row.action(), row.target(), row.detail());
			if (!row.prevHash().equals(prev) || !row.hash().equals(expected)) {
				return row.id();
			}
			prev = row.hash();
		}
		return -1;
	}

	private static String hash(String prev, Instant at, String actor, String action, String target, String detail) {
		String payload = String.join("\u001f", prev, at.toString(), actor, action, String.valueOf(target),
				String.valueOf(detail));
		byte[] in = payload.getBytes(StandardCharsets.UTF_8);
		SM3Digest sm3 = new SM3Digest();
		sm3.update(in, 0, in.length);
		byte[] out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String target, String detail) {
	}

}
