package com.xinfang.casefile;

import com.xinfang.petition.PetitionRegistered;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the derived text data of each matter: written in the registration's own transaction (so
 * the duplicate suggestions of that registration already see it), counted into the word
 * frequencies after commit, and built at start-up for matters registered before this module.
 */
@Component
class CaseIndex {

	private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

	private final JdbcClient jdbc;

	private final TermStatistics statistics;

	private final CollectiveMatters collective;

	private final TransactionTemplate transactions;

	CaseIndex(JdbcClient jdbc, TermStatistics statistics, CollectiveMatters collective, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.collective = collective;
		this.transactions = transactions;
	}

	@EventListener
	void on(PetitionRegistered event) {
		jdbc.sql("SELECT id, title, content, region_code, received_at FROM petition WHERE number = ?")
			.param(event.number())
			.query(Text.class)
			.optional()
			.ifPresent(text -> {
				Fingerprint f = index(text);
				statistics.added(f.terms());
				collective.join(text.id());
			});
	}

	@ApplicationModuleListener
	void count(PetitionRegistered event) {
		jdbc.sql("SELECT d.terms FROM casefile_doc d JOIN petition p ON p.id = d.petition_id WHERE p.number = ?")
			.param(event.number())
			.query((rs, n) -> (Integer[]) rs.getArray(1).getArray())
			.optional()
			.ifPresent(terms -> statistics.countInTable(java.util.Arrays.stream(terms).mapToInt(Integer::intValue).toArray()));
	}

	record Text(long id, String title, String content, String regionCode, java.time.OffsetDateTime receivedAt) {
	}

	Fingerprint index(Text text) {
		Fingerprint f = Fingerprint.of(text.title(), text.content());
		List<String> words = SearchWords.of(text.title() + "。" + text.content());
		jdbc.sql("INSERT INTO casefile_doc (petition_id, region_code, received_at, terms, entities, words, text) "
				+ "VALUES (?, ?, ?, ?, ?, array_to_tsvector(?::text[]), ?) ON CONFLICT (petition_id) DO NOTHING")
			.params(text.id(), text.regionCode(), text.receivedAt(), f.terms(), f.entities(), words.toArray(String[]::new),
					text.title() + " " + text.content())
			.update();
		jdbc.sql("INSERT INTO casefile_term (term, petition_id, region_code) SELECT t, ?, ? FROM unnest(?::int[]) t "
				+ "ON CONFLICT DO NOTHING")
			.params(text.id(), text.regionCode(), f.terms())
			.update();
		return f;
	}

	/** Matters without derived data (registered before this module existed): built in batches. */
	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> {
				List<Text> batch = jdbc.sql("SELECT p.id, p.title, p.content, p.region_code, p.received_at FROM petition p "
						+ "WHERE NOT EXISTS (SELECT 1 FROM casefile_doc d WHERE d.petition_id = p.id) ORDER BY p.id LIMIT 500")
					.query(Text.class)
					.list();
				for (Text text : batch) {
					statistics.countInTable(index(text).terms());
				}
				return batch.size();
			});
			total += done;
			if (done < 500) {
				break;
			}
		}
		if (total > 0) {
			log.info("case index built for {} earlier matters", total);
			statistics.reload();
		}
	}

}
