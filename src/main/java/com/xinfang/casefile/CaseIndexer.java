package com.xinfang.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The derived work of registration that touches rows shared by many matters, taken off the
 * request: every few hundred milliseconds one transaction takes up to {@link #BATCH} matters off
 * {@code casefile_index_queue} (rows locked with SKIP LOCKED, so nodes share the work), adds their
 * words to the document frequencies (one upsert per distinct word of the whole batch), joins each
 * to a collective matter, and deletes their queue rows. The count and the deletion commit
 * together: a crash before the commit leaves the matters queued and uncounted, a crash after it
 * leaves them counted and gone, so no matter is ever counted twice (issue 13) and no request waits
 * on a hot word's row (issue 11).
 *
 * Trade-off: a matter is a text candidate for duplicate suggestions from its own registration on
 * (its index rows are written in that transaction), but its words weigh in the frequencies, and it
 * joins a collective matter, only after the next batch (normally well under a second).
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

	record Queued(long id, int[] terms) {
	}

	private record Batch(int matters, Map<Integer, Integer> counts) {
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
			Batch batch = transactions.execute(status -> batch());
			if (batch == null || batch.matters() == 0) {
				break;
			}
			statistics.added(batch.counts(), batch.matters());
			total += batch.matters();
			if (batch.matters() < BATCH) {
				break;
			}
		}
		return total;
	}

	private Batch batch() {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(LOCK).query().singleRow();
		List<Queued> queued = jdbc.sql("""
				SELECT q.petition_id, d.terms FROM casefile_index_queue q
				LEFT JOIN casefile_doc d ON d.petition_id = q.petition_id
				ORDER BY q.petition_id LIMIT ? FOR UPDATE OF q SKIP LOCKED""")
			.param(BATCH)
			.query((rs, n) -> new Queued(rs.getLong(1), rs.getArray(2) == null ? new int[0] : Duplicates.ints(rs.getArray(2))))
			.list();
		if (queued.isEmpty()) {
			return new Batch(0, Map.of());
		}
		Map<Integer, Integer> counts = new HashMap<>();
		List<Long> ids = new ArrayList<>(queued.size());
		for (Queued q : queued) {
			ids.add(q.id());
			for (int t : q.terms()) {
				counts.merge(t, 1, Integer::sum);
			}
		}
		statistics.countInTable(counts);
		for (Queued q : queued) {
			collective.join(q.id());
		}
		jdbc.sql("DELETE FROM casefile_index_queue WHERE petition_id = ANY(?)").param(ids.toArray(Long[]::new)).update();
		return new Batch(queued.size(), counts);
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
