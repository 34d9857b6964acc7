package com.xinfang.casefile;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Document frequencies held in memory (a few hundred thousand words at most), loaded from
 * {@code casefile_term_df} and reloaded every few minutes so that nodes agree. The table is
 * counted in batches by {@link CaseIndexer}, outside the request, so a hot word never makes
 * registrations queue on one row.
 */
@Component
class TermStatistics implements TermWeights {

	private final JdbcClient jdbc;

	private volatile IntCounts frequencies = new IntCounts(16);

	private final AtomicLong documents = new AtomicLong();

	private volatile boolean loaded;

	TermStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long documents() {
		ensureLoaded();
		return documents.get();
	}

	@Override
	public int frequency(int term) {
		ensureLoaded();
		return frequencies.get(term);
	}

	private void ensureLoaded() {
		if (!loaded) {
			synchronized (this) {
				if (!loaded) {
					reload();
				}
			}
		}
	}

	// No @Transactional here: it would put a proxy in front of frequency() and idf(), which the
	// duplicate score calls for every word of every candidate (7 % of a registration's samples).
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	public void reload() {
		int words = jdbc.sql("SELECT count(*) FROM casefile_term_df").query(Integer.class).single();
		var counts = new IntCounts(words);
		jdbc.sql("SELECT term, df FROM casefile_term_df").query(rs -> {
			counts.add(rs.getInt(1), rs.getInt(2));
		});
		frequencies = counts;
		documents.set(jdbc.sql("SELECT count(*) FROM casefile_doc").query(Long.class).single());
		loaded = true;
	}

	/**
	 * Adds the words of a batch of newly indexed matters to the table: one upsert per distinct
	 * word, in word order (two nodes never deadlock). Runs in the indexer's transaction, the same
	 * one that takes the matters off the queue, so a matter is counted exactly once.
	 */
	void countInTable(Map<Integer, Integer> counts) {
		if (counts.isEmpty()) {
			return;
		}
		int[] terms = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		int[] adds = Arrays.stream(terms).map(counts::get).toArray();
		jdbc.sql("INSERT INTO casefile_term_df (term, df) SELECT t, n FROM unnest(?::int[], ?::int[]) AS u(t, n) ORDER BY t "
				+ "ON CONFLICT (term) DO UPDATE SET df = casefile_term_df.df + EXCLUDED.df")
			.params(terms, adds)
			.update();
	}

	/** Counted on this node: in memory at once (the table was counted in the same batch). */
	void added(Map<Integer, Integer> counts, int matters) {
		if (!loaded) {
			ensureLoaded(); // loaded after the batch committed: its counts are in already
			return;
		}
		documents.addAndGet(matters);
		counts.forEach((t, n) -> frequencies.add(t, n));
	}

	/**
	 * Recomputes every word's count from the inverted index, for the matters already counted (those
	 * still queued are counted by the indexer later), and returns how many words were wrong.
	 * Excludes the indexer while it runs ({@link CaseIndexer#LOCK}).
	 */
	int repair() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CaseIndexer.LOCK).query().singleRow();
		jdbc.sql("""
				CREATE TEMP TABLE casefile_df_fresh ON COMMIT DROP AS
				SELECT t.term, count(*)::int AS df FROM casefile_term t
				WHERE NOT EXISTS (SELECT 1 FROM casefile_index_queue q WHERE q.petition_id = t.petition_id)
				GROUP BY t.term""").update();
		int changed = jdbc.sql("""
				UPDATE casefile_term_df d SET df = f.df FROM casefile_df_fresh f WHERE f.term = d.term AND d.df <> f.df""")
			.update();
		changed += jdbc.sql("""
				DELETE FROM casefile_term_df d WHERE NOT EXISTS (SELECT 1 FROM casefile_df_fresh f WHERE f.term = d.term)""")
			.update();
		changed += jdbc.sql("INSERT INTO casefile_term_df (term, df) SELECT term, df FROM casefile_df_fresh ON CONFLICT (term) DO NOTHING")
			.update();
		return changed;
	}

}
