package com.xinfang.casefile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-fingerprints the matters indexed by an older {@link Fingerprint#VERSION} (before region names
 * stopped counting as targets, such rows kept 石门县 or 鼎城区 as a target), in the background and in
 * batches: start-up is not held up, and each batch is one short transaction over rows locked with
 * SKIP LOCKED, so nodes share the work and a registration never waits for it. A row gets its new terms
 * and entities and the current version in one update; when its words changed, its inverted-index rows
 * and the word counts follow in the same transaction (under the indexer's shared lock, so a repair
 * of the counts never sees half of it). Matters still queued for counting are left for a later pass
 * (their words are counted from the row as it is then). Idempotent: a row of the current version is
 * never read again, and once a pass finds nothing the job stops until the next start.
 */
@Component
class FingerprintRefresh {

	private static final Logger log = LoggerFactory.getLogger(FingerprintRefresh.class);

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TermStatistics statistics;

	private final TransactionTemplate transactions;

	/** The last matter of the current pass; 0 at a pass's start. */
	private long cursor;

	/** Rows re-fingerprinted in the current pass. */
	private int found;

	private volatile boolean done;

	FingerprintRefresh(JdbcClient jdbc, TermStatistics statistics, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.transactions = transactions;
	}

	private record Row(long id, String title, String content, String regionCode, int[] terms) {
	}

	/** A bounded share of the work per run (at most 20 batches), until a pass finds nothing. */
	@Scheduled(fixedDelayString = "${xinfang.casefile.refresh-delay:PT10S}",
			initialDelayString = "${xinfang.casefile.refresh-initial-delay:PT30S}")
	void run() {
		if (!done) {
			work(20);
		}
	}

	/** Works until a whole pass finds no row of an older version; returns the rows re-fingerprinted. */
	synchronized int refreshAll() {
		done = false;
		cursor = 0;
		found = 0;
		int total = 0;
		while (!done) {
			total += work(Integer.MAX_VALUE);
		}
		return total;
	}

	private synchronized int work(int maxBatches) {
		int total = 0;
		for (int i = 0; i < maxBatches && !done; i++) {
			Integer n = transactions.execute(status -> batch());
			total += n == null ? 0 : n;
			found += n == null ? 0 : n;
			if (n == null || n < BATCH) {
				// the end of a pass: another one from the start for the rows skipped (queued or locked)
				if (found == 0) {
					done = true;
				}
				else {
					log.info("fingerprints refreshed to version {}: {} matters in this pass", Fingerprint.VERSION, found);
				}
				cursor = 0;
				found = 0;
			}
		}
		return total;
	}

	private int batch() {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(CaseIndexer.LOCK).query().singleRow();
		List<Row> rows = jdbc.sql("""
				SELECT d.petition_id, p.title, p.content, d.region_code, d.terms FROM casefile_doc d
				JOIN petition_text p ON p.id = d.petition_id
				WHERE d.petition_id > ? AND coalesce(d.fingerprint_version, 1) < ?
				  AND NOT EXISTS (SELECT 1 FROM casefile_index_queue q WHERE q.petition_id = d.petition_id)
				ORDER BY d.petition_id LIMIT ? FOR UPDATE OF d SKIP LOCKED""")
			.params(cursor, Fingerprint.VERSION, BATCH)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Duplicates.ints(rs.getArray(5))))
			.list();
		Map<Integer, Integer> counts = new HashMap<>();
		for (Row row : rows) {
			Fingerprint f = Fingerprint.of(row.title(), row.content());
			jdbc.sql("UPDATE casefile_doc SET terms = ?, entities = ?, flags = ?, fingerprint_version = ? WHERE petition_id = ?")
				.params(f.terms(), f.entities(), f.flags(), Fingerprint.VERSION, row.id())
				.update();
			if (!Arrays.equals(f.terms(), row.terms())) {
				int[] removed = Arrays.stream(row.terms()).filter(t -> Arrays.binarySearch(f.terms(), t) < 0).toArray();
				int[] added = Arrays.stream(f.terms()).filter(t -> Arrays.binarySearch(row.terms(), t) < 0).toArray();
				jdbc.sql("DELETE FROM casefile_term WHERE petition_id = ? AND term = ANY(?)").params(row.id(), removed).update();
				jdbc.sql("INSERT INTO casefile_term (term, petition_id, region_code) SELECT t, ?, ? FROM unnest(?::int[]) t "
						+ "ON CONFLICT DO NOTHING")
					.params(row.id(), row.regionCode(), added)
					.update();
				Arrays.stream(removed).forEach(t -> counts.merge(t, -1, Integer::sum));
				Arrays.stream(added).forEach(t -> counts.merge(t, 1, Integer::sum));
			}
			cursor = row.id();
		}
		counts.values().removeIf(n -> n == 0);
		if (!counts.isEmpty()) {
			statistics.countInTable(counts);
			statistics.added(counts, 0);
		}
		return rows.size();
	}

}
