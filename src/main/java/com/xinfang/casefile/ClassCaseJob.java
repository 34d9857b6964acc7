package com.xinfang.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups new matters into 类案 off the request path: every few seconds the matters registered since
 * the cursor (a batch of at most {@link #BATCH}) are placed, and the cursor advanced with a
 * conditional update in the same transaction, so two nodes never group one batch twice (the
 * loser's transaction rolls back). Then accusations leave their 类案 (Art 30) and the early
 * warnings are swept ({@link Warnings}).
 */
@Component
class ClassCaseJob {

	private static final Logger log = LoggerFactory.getLogger(ClassCaseJob.class);

	static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final ClassCases classes;

	private final Warnings warnings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile Instant lastSweep;

	ClassCaseJob(JdbcClient jdbc, ClassCases classes, Warnings warnings, TransactionTemplate transactions,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.classes = classes;
		this.warnings = warnings;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${xinfang.casefile.class-delay:PT10S}", initialDelayString = "PT30S")
	void run() {
		try {
			groupNew();
			classes.dropAccusations();
			// the warnings look at weeks: an hourly sweep is enough (several nodes may sweep; the key dedupes)
			if (lastSweep == null || lastSweep.isBefore(clock.instant().minus(Duration.ofHours(1)))) {
				warnings.sweep();
				lastSweep = clock.instant();
			}
		}
		catch (RuntimeException ex) {
			log.warn("class-case grouping or warning sweep failed, retried next round: {}", ex.toString());
		}
	}

	/** Groups the next batch; the number of matters looked at. */
	int groupNew() {
		Integer n = transactions.execute(status -> {
			long from = jdbc.sql("SELECT last_petition_id FROM casefile_class_cursor WHERE id = 1").query(Long.class).single();
			// only matters already indexed (their document exists) are grouped; the queue of the indexer is the lead's
			List<Long> ids = jdbc.sql("SELECT p.id FROM petition_fact p JOIN casefile_doc d ON d.petition_id = p.id "
					+ "WHERE p.id > ? AND p.registered_at < ? ORDER BY p.id LIMIT ?")
				// a minute's grace: a registration still committing with a lower id is not skipped
				.params(from, OffsetDateTime.now(clock).minusMinutes(1), BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return 0;
			}
			int moved = jdbc.sql("UPDATE casefile_class_cursor SET last_petition_id = ? WHERE id = 1 AND last_petition_id = ?")
				.params(ids.get(ids.size() - 1), from)
				.update();
			if (moved == 0) {
				return 0; // another node took this batch
			}
			ids.forEach(classes::assign);
			return ids.size();
		});
		return n == null ? 0 : n;
	}

}
