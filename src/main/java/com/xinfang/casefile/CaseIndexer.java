package com.xinfang.casefile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The derived work of registration that touches rows shared by many matters, taken off the
 * request: every few hundred milliseconds one transaction takes up to {@link #BATCH} matters off
 * {@code casefile_index_queue} (rows locked with SKIP LOCKED, so nodes share the work), writes their
 * documents and inverted-index rows from the words their registration queued, adds their
 * words to the document frequencies (one upsert per distinct word of the whole batch), joins each
 * to a collective matter, and deletes their queue rows. The count and the deletion commit
 * together: a crash before the commit leaves the matters queued and uncounted, a crash after it
 * leaves them counted and gone, so no matter is ever counted twice (issue 13) and no request waits
 * on a hot word's row (issue 11).
 *
 * Trade-off: a matter is a text candidate for duplicate suggestions from its own registration on
 * (the finder reads its queue row until the batch has run), but it is found by search, its words
 * weigh in the frequencies, and it joins a collective matter, only after the next batch (normally
 * well under a second).
 */
@Component
class CaseIndexer {

	private static final Logger log = LoggerFactory.getLogger(CaseIndexer.class);

	/** Advisory lock: batches take it shared, the repair of the counts exclusively. */
	static final long LOCK = 0x58462d4446L; // "XF-DF"

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TermStatistics statistics;

	private final CollectiveMatters collective;

	private final TransactionTemplate transactions;

	private final boolean repairAtStart;

	CaseIndexer(JdbcClient jdbc, TermStatistics statistics, CollectiveMatters collective, TransactionTemplate transactions,
			@Value("${xinfang.casefile.repair-term-counts-at-start:false}") boolean repairAtStart) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.collective = collective;
		this.transactions = transactions;
		this.repairAtStart = repairAtStart;
	}

	/** A queued matter: its words, and whether they came with the queue row (its document is yet to be written). */
	record Queued(long id, int[] terms, boolean carriesWords) {
	}

	/** A batch: the matters taken off the queue, and how many of them were counted now. */
	private record Batch(int matters, int counted, Map<Integer, Integer> counts) {
	}

	/** Works through the queue, at most a bounded number of batches per run. */
	@Scheduled(fixedDelayString = "${xinfang.casefile.index-delay:PT0.3S}", initialDelayString = "PT5S")
	void run() {
		drain(20);
	}

	/** Processes queued matters until none are left (or {@code maxBatches}); returns how many. */
	synchronized int drain(int maxBatches) {
		int total = 0;
		for (int i = 0; i < maxBatches; i++) {
			Batch batch;
			try {
				batch = transactions.execute(status -> batch(false));
			}
			catch (DuplicateKeyException ex) {
				// an inverted-index row already there, which batch() rules out: the same batch again,
				// skipping existing rows, rather than a queue stuck on the same error
				log.warn("duplicate index: a matter's word rows existed before its document; batch repeated ({})",
						ex.getMostSpecificCause().getMessage());
				batch = transactions.execute(status -> batch(true));
			}
			if (batch == null || batch.matters() == 0) {
				break;
			}
			statistics.added(batch.counts(), batch.counted());
			total += batch.matters();
			if (batch.matters() < BATCH) {
				break;
			}
		}
		return total;
	}

	private Batch batch(boolean skipExistingTermRows) {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query().singleRow();
		List<Queued> queued = jdbc.sql("""
				SELECT q.petition_id, coalesce(q.terms, d.terms), q.terms IS NOT NULL FROM casefile_index_queue q
				LEFT JOIN casefile_doc d ON d.petition_id = q.petition_id
				ORDER BY q.petition_id LIMIT ? FOR UPDATE OF q SKIP LOCKED""")
			.param(BATCH)
			.query((rs, n) -> new Queued(rs.getLong(1), rs.getArray(2) == null ? new int[0] : Duplicates.ints(rs.getArray(2)),
					rs.getBoolean(3)))
			.list();
		if (queued.isEmpty()) {
			return new Batch(0, 0, Map.of());
		}
		Long[] queuedIds = queued.stream().map(Queued::id).toArray(Long[]::new);
		// the documents and inverted-index rows of the matters queued with their words (set-based:
		// a few statements for the batch instead of one per registration); a document is written once
		// only, and only a matter whose document is written now has its words counted now
		Set<Long> written = new HashSet<>(jdbc.sql("""
				INSERT INTO casefile_doc (petition_id, region_code, received_at, terms, entities, flags, words, text)
				SELECT q.petition_id, q.region_code, q.received_at, q.terms, q.entities, q.flags, array_to_tsvector(q.words),
				       t.title || ' ' || t.content
				FROM casefile_index_queue q JOIN petition_text t ON t.id = q.petition_id
				WHERE q.petition_id = ANY(?) AND q.terms IS NOT NULL
				ON CONFLICT (petition_id) DO NOTHING
				RETURNING petition_id""")
			.param(queuedIds)
			.query(Long.class)
			.list());
		if (!written.isEmpty()) {
			// A matter's word rows are written here with its first document, or later for an existing
			// document (FingerprintRefresh), and neither is ever deleted alone: a matter whose document
			// is written now has none. Without ON CONFLICT: its check is an index descent per row, 40 %
			// of the insert's time (12 751 rows: 110 against 65 ms, 2026-12-08). drain() repeats a batch
			// with it should that ever be wrong.
			jdbc.sql("""
					INSERT INTO casefile_term (term, petition_id, region_code)
					SELECT u.term, q.petition_id, q.region_code
					FROM casefile_index_queue q CROSS JOIN LATERAL unnest(q.terms) AS u(term)
					WHERE q.petition_id = ANY(?)
					ORDER BY 1, 2""" + (skipExistingTermRows ? " ON CONFLICT DO NOTHING" : ""))
				.param(written.toArray(Long[]::new))
				.update();
		}
		Map<Integer, Integer> counts = new HashMap<>();
		int counted = 0;
		for (Queued q : queued) {
			if (q.carriesWords() && !written.contains(q.id())) {
				continue; // its document was written before (the registration's event delivered twice)
			}
			counted++;
			for (int t : q.terms()) {
				counts.merge(t, 1, Integer::sum);
			}
		}
		statistics.countInTable(counts);
		collective.joinAll(queued.stream().map(Queued::id).toList());
		jdbc.sql("DELETE FROM casefile_index_queue WHERE petition_id = ANY(?)").param(queuedIds).update();
		return new Batch(queued.size(), counted, counts);
	}

	/** Recomputes the word counts from the inverted index (on demand, or at start when configured). */
	int repair() {
		Integer changed = transactions.execute(status -> statistics.repair());
		statistics.reload();
		log.info("word counts of the duplicate index repaired: {} words corrected", changed);
		return changed == null ? 0 : changed;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (repairAtStart) {
			repair();
		}
	}

}
