package com.xinfang.casefile;

import com.xinfang.petition.PetitionRegistered;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the derived text data of each matter. In the registration's own transaction only the
 * matter's own rows are written (its document, its inverted-index rows and a queue row), in one
 * statement: no row another registration writes too, so concurrent registrations never queue on
 * each other. The shared word counts and the collective matters follow in batches
 * ({@link CaseIndexer}). Matters registered before this module are indexed at start-up.
 */
@Component
class CaseIndex {

	private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	CaseIndex(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** In the registration's transaction: the suggestions shown with it already see the matter's words. */
	@EventListener
	void on(PetitionRegistered event) {
		jdbc.sql("SELECT id, title, content, region_code, received_at FROM petition WHERE number = ?")
			.param(event.number())
			.query(Text.class)
			.optional()
			.ifPresent(this::index);
	}

	record Text(long id, String title, String content, String regionCode, OffsetDateTime receivedAt) {
	}

	/**
	 * The matter's document, its inverted-index rows and its place in the counting queue, in one
	 * round trip; nothing when the matter is indexed already (its words were or will be counted).
	 */
	Fingerprint index(Text text) {
		Fingerprint f = Fingerprint.of(text.title(), text.content());
		List<String> words = SearchWords.of(text.title() + "。" + text.content());
		jdbc.sql("""
				WITH doc AS (
				    INSERT INTO casefile_doc (petition_id, region_code, received_at, terms, entities, words, text)
				    VALUES (?, ?, ?, ?, ?, array_to_tsvector(?::text[]), ?)
				    ON CONFLICT (petition_id) DO NOTHING
				    RETURNING petition_id, region_code),
				term AS (
				    INSERT INTO casefile_term (term, petition_id, region_code)
				    SELECT t, doc.petition_id, doc.region_code FROM doc, unnest(?::int[]) t
				    ON CONFLICT DO NOTHING)
				INSERT INTO casefile_index_queue (petition_id) SELECT petition_id FROM doc""")
			.params(text.id(), text.regionCode(), text.receivedAt(), f.terms(), f.entities(), words.toArray(String[]::new),
					text.title() + " " + text.content(), f.terms())
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
				batch.forEach(this::index);
				return batch.size();
			});
			total += done;
			if (done < 500) {
				break;
			}
		}
		if (total > 0) {
			log.info("case index built for {} earlier matters; their words are counted by the indexer", total);
		}
	}

}
