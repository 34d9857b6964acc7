package com.xinfang.casefile;

import com.xinfang.petition.PetitionRegistered;
import com.xinfang.platform.Rows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the derived text data of each matter. In the registration's own transaction one row is
 * written: the matter's queue row, carrying its words (hashed content words, named targets, search
 * words), computed here from one segmentation. The indexer's batches ({@link CaseIndexer}) write
 * the document, the inverted-index rows and the word counts of a few hundred matters at once; the
 * duplicate finder reads a matter's queue row until then ({@link Duplicates}), so a matter is a
 * candidate from its own registration on. Matters registered before this module are queued at start-up.
 */
@Component
class CaseIndex {

	private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final FingerprintCache fingerprints;

	CaseIndex(JdbcClient jdbc, TransactionTemplate transactions, FingerprintCache fingerprints) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.fingerprints = fingerprints;
	}

	/**
	 * In the registration's transaction: the suggestions shown with it already see the matter's words.
	 * The event carries the stored text, so nothing is read back.
	 */
	@EventListener
	void on(PetitionRegistered event) {
		queue(new Text(event.petitionId(), event.title(), event.content(), event.regionCode(),
				OffsetDateTime.ofInstant(event.receivedAt(), ZoneOffset.UTC)));
	}

	record Text(long id, String title, String content, String regionCode, OffsetDateTime receivedAt) {
	}

	/**
	 * The matter's queue row with its words, in one insert of one row (no index shared with other
	 * registrations but the queue's key); nothing when the matter is queued already.
	 */
	Fingerprint queue(Text text) {
		Fingerprint f = Fingerprint.of(text.title(), text.content());
		List<String> words = SearchWords.of(text.title() + "。" + text.content());
		jdbc.sql("""
				INSERT INTO casefile_index_queue (petition_id, region_code, received_at, terms, entities, flags, words)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (petition_id) DO NOTHING""")
			.params(text.id(), text.regionCode(), text.receivedAt(), f.terms(), f.entities(), f.flags(),
					words.toArray(String[]::new))
			.update();
		// the registration's suggestions score this matter's words next, without reading them back
		fingerprints.remember(text.id(), f, Fingerprint.VERSION);
		return f;
	}

	/** Matters without derived data (registered before this module existed): queued in batches. */
	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> {
				List<Text> batch = jdbc.sql("SELECT p.id, p.title, p.content, p.region_code, p.received_at FROM petition_text p "
						+ "WHERE NOT EXISTS (SELECT 1 FROM casefile_doc d WHERE d.petition_id = p.id) "
						+ "AND NOT EXISTS (SELECT 1 FROM casefile_index_queue q WHERE q.petition_id = p.id) ORDER BY p.id LIMIT 500")
					.query(Rows.of(Text.class))
					.list();
				batch.forEach(this::queue);
				return batch.size();
			});
			total += done;
			if (done < 500) {
				break;
			}
		}
		if (total > 0) {
			log.info("case index: {} earlier matters queued; the indexer writes their documents and counts their words", total);
		}
	}

}
