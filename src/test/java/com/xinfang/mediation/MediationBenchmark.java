package com.xinfang.mediation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mediation figures at scale (README: 源头治理). Not a test: run by {@code bench/mediation.sh N}.
 * Starts the application without demo data on its own embedded PostgreSQL, generates N disputes over
 * five years spread over every village of the city (generate_series in the database), then times
 * {@link MediationFigures#of} and the by-township breakdown for random counties and periods (a month,
 * a quarter, a year) and prints p50/p95/p99.
 */
public final class MediationBenchmark {

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		String dir = args[1];
		int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		ConfigurableApplicationContext ctx = SpringApplication.run(com.xinfang.XinFangApplication.class,
				"--server.port=18392", "--xinfang.demo.enabled=false",
				"--xinfang.db.embedded-server.directory=" + dir + "/pg", "--xinfang.db.embedded-server.port=25492",
				"--xinfang.crypto.key-file=" + dir + "/keys.properties", "--xinfang.attachments.directory=" + dir + "/att",
				"--logging.level.root=WARN", "--spring.flyway.out-of-order=true");
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			long have = jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single();
			if (have < n) {
				long t0 = System.nanoTime();
				if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'bench.reporter'").query(Long.class).single() == 0) {
					jdbc.sql("INSERT INTO app_user (username, password_hash, kind, display_name, created_at) VALUES ('bench.reporter', 'x', 'STAFF', '基准', now())")
						.update();
				}
				long reporter = jdbc.sql("SELECT id FROM app_user WHERE username = 'bench.reporter'").query(Long.class).single();
				// villages, types: picked by index from arrays; dates over five years; 95 % agreed among those ended
				jdbc.sql("""
						WITH v AS (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level = 'VILLAGE'),
						     t AS (SELECT array_agg(code ORDER BY code) AS codes FROM dispute_type)
						INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level, risk_owner,
						                     reported_by, registered_on, registered_at, outcome, outcome_on)
						SELECT 'BM' || lpad(g::text, 12, '0'), 'GRID', t.codes[(1 + g % array_length(t.codes, 1))::int], '基准纠纷', '基准数据',
						       v.codes[(1 + (g * 7919) % array_length(v.codes, 1))::int], substr(v.codes[(1 + (g * 7919) % array_length(v.codes, 1))::int], 1, 6),
						       CASE WHEN g % 10 = 0 THEN 'MEDIATING' ELSE 'CLOSED' END, 'GREEN', '网格员', ?,
						       d, d::timestamptz,
						       CASE WHEN g % 10 = 0 THEN NULL WHEN g % 20 = 1 THEN 'FAILED' ELSE 'AGREED' END,
						       CASE WHEN g % 10 = 0 THEN NULL ELSE d + (g % 25)::int END
						FROM generate_series(?::bigint, ?::bigint) AS g, v, t,
						     LATERAL (SELECT (date '2021-12-01' + ((g * 104729) % 1826)::int) AS d) dd""")
					.params(reporter, have + 1, n)
					.update();
				System.out.printf("generated %d disputes in %.1f s%n", n - have, (System.nanoTime() - t0) / 1e9);
			}
			jdbc.sql("ANALYZE dispute").update(); // fresh statistics for the planner (generate_series rows were never analysed)
			System.out.println("disputes: " + jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single() + ", database size: "
					+ jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single());
			MediationFigures figures = ctx.getBean(MediationFigures.class);
			List<String> counties = jdbc.sql("SELECT DISTINCT county_code FROM dispute ORDER BY 1").query(String.class).list();
			Random random = new Random(7);
			// warm-up pass, not measured
			for (int i = 0; i < 30; i++) {
				figures.of(counties.get(i % counties.size()), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
			}
			List<Long> total = new ArrayList<>();
			List<Long> breakdown = new ArrayList<>();
			long checksum = 0;
			for (int i = 0; i < queries; i++) {
				String county = counties.get(random.nextInt(counties.size()));
				int span = new int[] { 30, 91, 365 }[random.nextInt(3)];
				LocalDate from = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1460 - span));
				LocalDate to = from.plusDays(span - 1);
				long t0 = System.nanoTime();
				checksum += figures.of(county, from, to).screened();
				total.add(System.nanoTime() - t0);
				t0 = System.nanoTime();
				checksum += figures.breakdownFor(county, from, to, MediationFigures.By.TOWNSHIP).size();
				breakdown.add(System.nanoTime() - t0);
			}
			System.out.println("county figures (screened, agreed, failed, rate): " + report(total));
			System.out.println("county breakdown by township:                    " + report(breakdown));
			System.out.println("checksum " + checksum);
		}
		finally {
			ctx.close();
		}
	}

	private static String report(List<Long> nanos) {
		List<Long> s = new ArrayList<>(nanos);
		Collections.sort(s);
		return String.format("n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", s.size(), s.get(s.size() / 2) / 1e6,
				s.get((int) (s.size() * 0.95)) / 1e6, s.get((int) (s.size() * 0.99)) / 1e6, s.get(s.size() - 1) / 1e6);
	}

}
