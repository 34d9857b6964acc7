package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows indexed by an older {@link Fingerprint#VERSION} (county names kept as targets) are
 * re-fingerprinted in the background: their entities, terms, inverted-index rows and word counts end as
 * a fresh indexing would leave them, once; new rows are written at the current version.
 */
@IntegrationTest
class FingerprintRefreshIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseIndexer indexer;

	@Autowired
	FingerprintRefresh refresh;

	static final String TITLE = "石门县锦绣华庭物业费涨价";

	static final String CONTENT = "石门县楚江街道锦绣华庭小区的物业常德德润物业管理有限公司没开业主大会就把物业费从1.2元涨到1.6元，请求督促。";

	private long register() {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430726", "title", TITLE,
				"content", CONTENT, "petitioners", List.of(Map.of("name", "版本测试人"))));
		assertThat(created.status()).isEqualTo(201);
		return jdbc.sql("SELECT id FROM petition WHERE number = ?").param(created.body().get("number").asString())
			.query(Long.class)
			.single();
	}

	private int[] array(long id, String column) {
		return jdbc.sql("SELECT " + column + " FROM casefile_doc WHERE petition_id = ?")
			.param(id)
			.query((rs, n) -> Duplicates.ints(rs.getArray(1)))
			.single();
	}

	private int df(int term) {
		return jdbc.sql("SELECT coalesce(max(df), 0) FROM casefile_term_df WHERE term = ?").param(term).query(Integer.class).single();
	}

	@Test
	void anOldRowIsRefingerprintedOnceAndANewRowIsCurrent() {
		long id = register();
		indexer.drain(100);
		refresh.refreshAll();
		assertThat(jdbc.sql("SELECT fingerprint_version FROM casefile_doc WHERE petition_id = ?").param(id).query(Integer.class).single())
			.as("a new row is written at the current version").isEqualTo(Fingerprint.VERSION);

		Fingerprint current = Fingerprint.of(TITLE, CONTENT);
		int county = Fingerprint.hash("石门县");
		assertThat(current.terms()).contains(county);
		assertThat(current.entities()).doesNotContain(county);
		int dropped = current.terms()[0];
		int stale = 0x5eed_0001;
		int droppedDf = df(dropped), staleDf = df(stale);
		// the row as version 1 left it: the county a target, and (as a change of words would) one word
		// missing and one word too many, in the document, the inverted index and the counts
		int[] oldEntities = sorted(append(current.entities(), county));
		int[] oldTerms = sorted(append(Arrays.copyOfRange(current.terms(), 1, current.terms().length), stale));
		jdbc.sql("UPDATE casefile_doc SET entities = ?, terms = ?, fingerprint_version = NULL WHERE petition_id = ?")
			.params(oldEntities, oldTerms, id)
			.update();
		jdbc.sql("DELETE FROM casefile_term WHERE petition_id = ? AND term = ?").params(id, dropped).update();
		jdbc.sql("INSERT INTO casefile_term (term, petition_id, region_code) VALUES (?, ?, '430726')").params(stale, id).update();
		jdbc.sql("UPDATE casefile_term_df SET df = df - 1 WHERE term = ?").param(dropped).update();
		jdbc.sql("INSERT INTO casefile_term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = casefile_term_df.df + 1")
			.param(stale)
			.update();

		assertThat(refresh.refreshAll()).isGreaterThanOrEqualTo(1);

		assertThat(array(id, "entities")).containsExactly(current.entities());
		assertThat(array(id, "terms")).containsExactly(current.terms());
		assertThat(jdbc.sql("SELECT fingerprint_version FROM casefile_doc WHERE petition_id = ?").param(id).query(Integer.class).single())
			.isEqualTo(Fingerprint.VERSION);
		assertThat(jdbc.sql("SELECT term FROM casefile_term WHERE petition_id = ? ORDER BY term").param(id).query(Integer.class).list())
			.containsExactlyInAnyOrder(Arrays.stream(current.terms()).boxed().toArray(Integer[]::new));
		assertThat(df(dropped)).isEqualTo(droppedDf);
		assertThat(df(stale)).isEqualTo(staleDf);

		// idempotent: nothing of an older version is left, a second run changes nothing
		assertThat(refresh.refreshAll()).isZero();
		assertThat(df(dropped)).isEqualTo(droppedDf);
	}

	@Test
	void aRowOfTheVersionBeforeTheFlagsGetsItsSetAsideFlag() {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		String content = "物业费涨价的事邻居已经反映过，这次说的是另一件事：" + CONTENT;
		var created = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430726", "title", TITLE,
				"content", content, "petitioners", List.of(Map.of("name", "版本测试人"))));
		assertThat(created.status()).isEqualTo(201);
		long id = jdbc.sql("SELECT id FROM petition WHERE number = ?").param(created.body().get("number").asString())
			.query(Long.class)
			.single();
		indexer.drain(100);
		refresh.refreshAll();
		// as version 2 left it: the words as now, no flags
		jdbc.sql("UPDATE casefile_doc SET flags = 0, fingerprint_version = 2 WHERE petition_id = ?").param(id).update();

		assertThat(refresh.refreshAll()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.sql("SELECT flags FROM casefile_doc WHERE petition_id = ?").param(id).query(Integer.class).single())
			.isEqualTo(Fingerprint.SET_ASIDE);
		assertThat(jdbc.sql("SELECT fingerprint_version FROM casefile_doc WHERE petition_id = ?").param(id).query(Integer.class).single())
			.isEqualTo(Fingerprint.VERSION);
		assertThat(array(id, "terms")).containsExactly(Fingerprint.of(TITLE, content).terms());
	}

	private static int[] append(int[] a, int v) {
		int[] out = Arrays.copyOf(a, a.length + 1);
		out[a.length] = v;
		return out;
	}

	private static int[] sorted(int[] a) {
		Arrays.sort(a);
		return a;
	}

}
