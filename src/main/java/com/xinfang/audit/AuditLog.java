package com.xinfang.audit;

import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Append-only, hash-chained (SM3) audit log. Each entry's hash covers its fields and the previous
 * entry's hash, so deleting or editing a row breaks the chain at that point ({@link #verify()}).
 * <p>
 * An entry is written in the act's own transaction (it exists if and only if the act happened), but
 * takes its place in the chain after commit: one sealer at a time (a transaction-scoped advisory lock,
 * so two nodes never fork the chain) gives the committed, unsealed entries their chain position,
 * previous hash and hash, in id order, right after each audited commit and at the latest within a
 * second. Before, every audited transaction took the chain's lock before its commit and held it
 * through the commit's disk flush, so all audited acts of the whole system committed one at a time
 * (bench/exchange.sh: the pool ran dry behind that lock under load).
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final String GENESIS = "0".repeat(64);

	static final long CHAIN_LOCK = 7262001;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	/** at most one sealing queued behind the one running: after-commit nudges coalesce */
	private final ExecutorService sealer = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "audit-sealer");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Joins the caller's transaction: the entry exists if and only if the act happened. */
	@Transactional
	public void record(String actor, String action, String target, String detail) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?,?,?,?,?)")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, target, detail)
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					nudge();
				}
			});
		}
		log.info("audit {} {} {}", actor, action, target);
	}

	/** Seals soon, off the caller's thread (and off its pooled connection). */
	void nudge() {
		if (queued.compareAndSet(false, true)) {
			try {
				sealer.execute(() -> {
					queued.set(false);
					try {
						seal(false);
					}
					catch (RuntimeException ex) {
						log.warn("audit sealing failed (retried within a second): {}", ex.toString());
					}
				});
			}
			catch (RejectedExecutionException ex) {
				queued.set(false);
			}
		}
	}

	/** The safety net: entries committed by another node, or whose nudge was lost. */
	@Scheduled(fixedDelayString = "${xinfang.audit.seal-delay-ms:1000}")
	void sealPeriodically() {
		seal(false);
	}

	/**
	 * Gives every committed unsealed entry its place in the chain.
	 *
	 * @param wait whether to wait for a sealer running elsewhere (else leave it the work)
	 * @return how many entries were sealed
	 */
	int seal(boolean wait) {
		Integer sealed = tx.execute(s -> {
			if (wait) {
				jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
			}
			else if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Boolean.class).single()) {
				return 0;
			}
			record Tip(long seq, String hash) {
			}
			Tip tip = jdbc.sql("SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
				.query((rs, n) -> new Tip(rs.getLong(1), rs.getString(2)))
				.optional()
				.orElse(new Tip(0, GENESIS));
			record Entry(long id, OffsetDateTime at, String actor, String action, String target, String detail) {
			}
			List<Entry> entries = jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT 5000")
				.query(Rows.of(Entry.class))
				.list();
			if (entries.isEmpty()) {
				return 0;
			}
			Long[] ids = new Long[entries.size()];
			Long[] seqs = new Long[entries.size()];
			String[] prevs = new String[entries.size()];
			String[] hashes = new String[entries.size()];
			String prev = tip.hash();
			long seq = tip.seq();
			for (int i = 0; i < entries.size(); i++) {
				Entry e = entries.get(i);
				ids[i] = e.id();
				seqs[i] = ++seq;
				prevs[i] = prev;
				prev = hash(prev, e.at().toInstant(), e.actor(), e.action(), e.target(), e.detail());
				hashes[i] = prev;
			}
			jdbc.sql("""
					UPDATE audit_log a SET chain_seq = x.seq, prev_hash = x.prev, hash = x.hash
					FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[]) AS x (id, seq, prev, hash)
					WHERE a.id = x.id AND a.chain_seq IS NULL""")
				.params(ids, seqs, prevs, hashes)
				.update();
			return entries.size();
		});
		return sealed == null ? 0 : sealed;
	}

	/** Recent entries, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit) {
		return jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new AuditEntry(rs.getLong(1),
					BeijingTime.of(rs.getObject(2, OffsetDateTime.class)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Seals what is committed, then recomputes the chain; returns the id of the first broken entry, or
	 * -1 when intact. An entry moved out of its place (its seal removed to have it sealed again at the
	 * end) breaks the chain at the entry that followed it.
	 */
	public long verify() {
		while (seal(true) > 0) {
			// until everything committed is sealed
		}
		return tx.execute(s -> check());
	}

	private long check() {
		record Row(long id, OffsetDateTime at, String actor, String action, String target, String detail,
				String prevHash, String hash) {
		}
		String prev = GENESIS;
		for (Row row : jdbc.sql("SELECT id, at, actor, action, target, detail, prev_hash, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
			.query(Rows.of(Row.class))
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
