package com.xinfang.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry's upkeep, instead of republishing every outstanding event at
 * start-up (which made a starting node re-run events another node was still handling):
 * <ul>
 * <li>every minute, events incomplete for longer than {@code xinfang.events.resubmit-after}
 * (default 5 minutes: a crash, a listener that failed) are resubmitted, by one node at a time
 * (advisory lock); listeners are idempotent, so a rare second run changes nothing;</li>
 * <li>every hour, completed publications older than {@code xinfang.events.keep-completed}
 * (default 7 days) are deleted, so the table stays small.</li>
 * </ul>
 * Spring Modulith 2.0.3 is in use; 2.0.9 fixes resubmission bugs (minimum age ignored for failed
 * publications by the JDBC repository, completed ones claimed again) in APIs this class does not use.
 */
@Component
class EventPublicationMaintenance {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationMaintenance.class);

	private static final long LOCK = 4307080;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Duration resubmitAfter;

	private final Duration keepCompleted;

	private final Clock clock;

	private final Counter resubmissions;

	EventPublicationMaintenance(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			JdbcClient jdbc, TransactionTemplate tx, MeterRegistry registry, Clock clock,
			@Value("${xinfang.events.resubmit-after:5m}") Duration resubmitAfter,
			@Value("${xinfang.events.keep-completed:7d}") Duration keepCompleted) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.jdbc = jdbc;
		this.tx = tx;
		this.resubmitAfter = resubmitAfter;
		this.keepCompleted = keepCompleted;
		this.clock = clock;
		this.resubmissions = Counter.builder("xinfang.events.resubmission.runs")
			.description("Rounds in which stale incomplete event publications were resubmitted")
			.register(registry);
		Gauge.builder("xinfang.events.incomplete", this::countIncomplete)
			.description("Event publications not completed yet (backlog of background work)")
			.register(registry);
		Gauge.builder("xinfang.events.stale", this::countStale)
			.description("Event publications incomplete for longer than the resubmission threshold")
			.register(registry);
	}

	@Scheduled(initialDelayString = "${xinfang.events.maintenance-initial-delay:60000}", fixedDelay = 60_000)
	void resubmitStale() {
		try {
			tx.executeWithoutResult(status -> {
				if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(" + LOCK + ")").query(Boolean.class).single())) {
					return;
				}
				double stale = countStale();
				if (stale > 0) {
					log.warn("Resubmitting {} event publication(s) incomplete for more than {}", stale, resubmitAfter);
					incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
					resubmissions.increment();
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Event resubmission skipped: {}", ex.getMessage());
		}
	}

	@Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
	void pruneCompleted() {
		try {
			completed.deletePublicationsOlderThan(keepCompleted);
		}
		catch (RuntimeException ex) {
			log.warn("Pruning completed event publications skipped: {}", ex.getMessage());
		}
	}

	double countIncomplete() {
		return count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
	}

	double countStale() {
		// against the clock the registry stamps publications with (the application's), not the database's
		return count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date < '"
				+ clock.instant().minus(resubmitAfter) + "'::timestamptz");
	}

	private double count(String sql) {
		try {
			return jdbc.sql(sql).query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
