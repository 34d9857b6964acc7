package com.xinfang.casefile;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document frequencies held in memory (a few hundred thousand words at most), loaded from
 * {@code casefile_term_df} and reloaded every few minutes so that nodes agree. The table is
 * counted after each registration commits ({@link CaseIndex#count}), outside the request, so a
 * hot word never makes registrations queue on one row.
 */
@Component
class TermStatistics implements TermWeights {

	private final JdbcClient jdbc;

	private volatile ConcurrentHashMap<Integer, Integer> frequencies = new ConcurrentHashMap<>();

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
		return frequencies.getOrDefault(term, 0);
	}

	/** A matter indexed on this node: counted at once here, in the table after commit. */
	void added(int[] terms) {
		ensureLoaded();
		documents.incrementAndGet();
		for (int t : terms) {
			frequencies.merge(t, 1, Integer::sum);
		}
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

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	@Transactional(readOnly = true, propagation = Propagation.NOT_SUPPORTED)
	public void reload() {
		var map = new ConcurrentHashMap<Integer, Integer>();
		jdbc.sql("SELECT term, df FROM casefile_term_df").query((rs, n) -> map.put(rs.getInt(1), rs.getInt(2))).list();
		frequencies = map;
		documents.set(jdbc.sql("SELECT count(*) FROM casefile_doc").query(Long.class).single());
		loaded = true;
	}

	/** Adds one to each word's count; words in a fixed order, so two nodes never deadlock. */
	void countInTable(int[] terms) {
		int[] sorted = terms.clone();
		Arrays.sort(sorted);
		jdbc.sql("INSERT INTO casefile_term_df (term, df) SELECT t, 1 FROM unnest(?::int[]) t ORDER BY t "
				+ "ON CONFLICT (term) DO UPDATE SET df = casefile_term_df.df + 1")
			.param(sorted)
			.update();
	}

}
