package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Rows} maps records as {@code JdbcClient.query(Class)} does, without asking the driver for missing columns. */
@IntegrationTest
class RowsIT {

	@Autowired
	JdbcClient jdbc;

	enum Kind {
		COMPLAINT, ACCUSATION
	}

	/** Components in another order than the columns; camelCase, snake_case and lower-case names; primitives; conversions. */
	record Sample(long id, String regionCode, String displayname, int personCount, OffsetDateTime receivedAt, LocalDate day,
			Kind kind, Instant at, boolean open, Integer missing) {
	}

	private static final String SAMPLES = """
			SELECT x.n AS id, x.open, 'w' || x.n AS region_code, 'N' || x.n AS displayName,
			       x.n * 10 AS person_count,
			       TIMESTAMPTZ '2026-12-07 09:00:00+08' + x.n * INTERVAL '1 hour' AS received_at, DATE '2026-12-07' + x.n AS day,
			       CASE WHEN x.n = 1 THEN 'ACCUSATION' ELSE 'COMPLAINT' END AS kind,
			       TIMESTAMPTZ '2026-12-07 01:00:00Z' AS at, CAST(NULL AS int) AS missing
			FROM (VALUES (1, true), (2, false), (3, true)) AS x(n, open) ORDER BY x.n""";

	@Test
	void everyRowIsMappedAsQueryByClassMapsIt() {
		List<Sample> byRows = jdbc.sql(SAMPLES).query(Rows.of(Sample.class)).list();
		List<Sample> byClass = jdbc.sql(SAMPLES).query(Sample.class).list();

		assertThat(byRows).isEqualTo(byClass).hasSize(3);
		Sample second = byRows.get(1);
		assertThat(second.regionCode()).isEqualTo("w2");
		assertThat(second.displayname()).isEqualTo("N2");
		assertThat(second.personCount()).isEqualTo(20);
		assertThat(second.open()).isFalse();
		assertThat(second.day()).isEqualTo(LocalDate.of(2026, 12, 9));
		assertThat(byRows.get(0).kind()).isEqualTo(Kind.ACCUSATION);
		assertThat(byRows.get(2).receivedAt().toInstant()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
		assertThat(second.at()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
		assertThat(second.missing()).isNull();
	}

	@Test
	void theDriverIsNeverAskedForAColumnByName() {
		RowMapper<Sample> rows = Rows.of(Sample.class);
		List<Sample> mapped = jdbc.sql(SAMPLES).query(rs -> {
			// a driver that fails the test when a column is looked up by name (PostgreSQL's throws for a missing one)
			ResultSet guarded = (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] { ResultSet.class },
					(proxy, method, args) -> {
						if (method.getName().equals("findColumn")) {
							throw new AssertionError("findColumn(" + args[0] + ")");
						}
						try {
							return method.invoke(rs, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
			List<Sample> out = new ArrayList<>();
			while (guarded.next()) {
				out.add(rows.mapRow(guarded, out.size()));
			}
			return out;
		});
		assertThat(mapped).extracting(Sample::regionCode).containsExactly("w1", "w2", "w3");
	}

	record Unmatched(long id, String nowhere) {
	}

	record Counted(long id, int personCount) {
	}

	@Test
	void aNullIntoAPrimitiveIsAnErrorAsWithQueryByClass() {
		String sql = "SELECT 1 AS id, CAST(NULL AS int) AS person_count";
		assertThatThrownBy(() -> jdbc.sql(sql).query(Counted.class).list()).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> jdbc.sql(sql).query(Rows.of(Counted.class)).list()).isInstanceOf(RuntimeException.class);
		assertThat(jdbc.sql("SELECT 1 AS id, 5 AS person_count").query(Rows.of(Counted.class)).single())
			.isEqualTo(new Counted(1, 5));
	}

	@Test
	void aComponentWithoutAColumnIsAnErrorAsWithQueryByClass() {
		String sql = "SELECT 1 AS id";
		assertThatThrownBy(() -> jdbc.sql(sql).query(Unmatched.class).list()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql(sql).query(Rows.of(Unmatched.class)).list()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("nowhere");
	}

}
