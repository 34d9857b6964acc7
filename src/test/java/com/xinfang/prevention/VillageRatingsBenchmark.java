package com.xinfang.prevention;

import com.xinfang.organization.Directory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link VillageRatings#summary} (the annual report's 无上访村 paragraph) at city scale (README: 源头治理).
 * Not a test: run by {@code bench/villages.sh}. Starts the application without demo data on its own
 * embedded PostgreSQL and generates a city of {@code villages} villages and communities (the 99 of the
 * reference data plus generated ones under its townships), three grids per village with one worker each
 * 在岗 all of 2025 and a patrol or 零报告 every day (weekdays only in about one village in 40), 200,000 disputes and 200,000 petitions over
 * 2021–2025 spread over the villages (some 越级访, 进京访 and repeats); then times the city's summary for
 * 2025, one county's, and the 示范县 overview of every county (which reads each county's summary).
 */
public final class VillageRatingsBenchmark {

	public static void main(String[] args) throws Exception {
		int villages = Integer.parseInt(args[0]);
		String dir = args[1];
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		ConfigurableApplicationContext ctx = SpringApplication.run(com.xinfang.XinFangApplication.class,
				"--server.port=18393", "--xinfang.demo.enabled=false",
				"--xinfang.db.embedded-server.directory=" + dir + "/pg", "--xinfang.db.embedded-server.port=25493",
				"--xinfang.crypto.key-file=" + dir + "/keys.properties", "--xinfang.attachments.directory=" + dir + "/att",
				"--xinfang.analytics.refresh-interval=PT1H", "--logging.level.root=WARN", "--spring.flyway.out-of-order=true");
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			// the petitions come last: a city without them was not generated completely (delete the directory and run again)
			if (jdbc.sql("SELECT count(*) FROM petition WHERE number LIKE 'BP%'").query(Long.class).single() == 0) {
				generate(jdbc, villages);
			}
			jdbc.sql("ANALYZE").update();
			ctx.getBean(Directory.class).reload();
			System.out.println("villages: " + jdbc.sql("SELECT count(*) FROM region WHERE level = 'VILLAGE'").query(Long.class).single()
					+ ", grids: " + jdbc.sql("SELECT count(*) FROM grid").query(Long.class).single()
					+ ", patrols: " + jdbc.sql("SELECT count(*) FROM grid_patrol").query(Long.class).single()
					+ ", disputes: " + jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single()
					+ ", petitions: " + jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()
					+ ", database size: " + jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single());
			VillageRatings ratings = ctx.getBean(VillageRatings.class);
			ModelCounty model = ctx.getBean(ModelCounty.class);
			var counties = ctx.getBean(Directory.class).counties();
			ratings.summary("430703", 2025); // warm-up, not measured
			List<Long> city = new ArrayList<>();
			List<Long> county = new ArrayList<>();
			List<Long> overview = new ArrayList<>();
			String last = null;
			for (int i = 0; i < rounds; i++) {
				long t0 = System.nanoTime();
				var s = ratings.summary("4307", 2025);
				city.add(System.nanoTime() - t0);
				last = s.toString();
				System.out.printf("round %d: city summary %.0f ms%n", i + 1, city.get(i) / 1e6);
				if (Boolean.getBoolean("bench.cityOnly")) {
					continue; // JAVA_OPTS=-Dbench.cityOnly=true: the city summary alone (the slow per-village code took 40 s a time)
				}
				t0 = System.nanoTime();
				ratings.summary(counties.get(i % counties.size()).code(), 2025);
				county.add(System.nanoTime() - t0);
				t0 = System.nanoTime();
				var criteria = model.criteria();
				for (var c : counties) {
					model.compute(c, 2025, criteria);
				}
				overview.add(System.nanoTime() - t0);
				System.out.printf("round %d: county summary %.0f ms, 示范县 overview %.0f ms%n", i + 1, county.get(i) / 1e6, overview.get(i) / 1e6);
			}
			// where the city summary's time goes: each module's grouped figure for the whole city, timed alone
			var petitionFigures = ctx.getBean(com.xinfang.petition.RegionFigures.class);
			var mediationFigures = ctx.getBean(com.xinfang.mediation.MediationFigures.class);
			var patrolLog = ctx.getBean(com.xinfang.grid.PatrolLog.class);
			java.time.LocalDate from = java.time.LocalDate.of(2025, 1, 1), to = java.time.LocalDate.of(2025, 12, 31);
			for (int i = 0; i < 2; i++) {
				long t0 = System.nanoTime();
				petitionFigures.byVillage("4307", from, to, java.time.LocalDate.now());
				long t1 = System.nanoTime();
				patrolLog.coverageByVillage("4307", from, to);
				long t2 = System.nanoTime();
				mediationFigures.byVillage("4307", from, to);
				long t3 = System.nanoTime();
				mediationFigures.openRedByVillage("4307");
				long t4 = System.nanoTime();
				System.out.printf("city figures alone: petitions %.0f ms, grid reporting %.0f ms, mediation %.0f ms, open red %.0f ms%n",
						(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
			}
			System.out.println("city summary 2025:            " + report(city));
			if (!county.isEmpty()) {
				System.out.println("one county's summary 2025:    " + report(county));
				System.out.println("示范县 overview, all counties: " + report(overview));
			}
			System.out.println("city summary: " + last);
		}
		finally {
			ctx.close();
		}
	}

	static void generate(JdbcClient jdbc, int villages) {
		long t0 = System.nanoTime();
		int have = jdbc.sql("SELECT count(*) FROM region WHERE level = 'VILLAGE'").query(Integer.class).single();
		// new villages under the reference townships, round-robin: township code + 9xx
		jdbc.sql("""
				WITH t AS (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level = 'TOWNSHIP')
				INSERT INTO region (code, name, level, parent_code, sort_order)
				SELECT t.codes[1 + (g % array_length(t.codes, 1))] || lpad((900 + g / array_length(t.codes, 1))::text, 3, '0'),
				       '基准村' || g, 'VILLAGE', t.codes[1 + (g % array_length(t.codes, 1))], 1000 + g
				FROM generate_series(0, ? - 1) g, t""")
			.param(Math.max(0, villages - have))
			.update();
		jdbc.sql("""
				INSERT INTO grid (code, name, village_code, households)
				SELECT r.code || lpad(k::text, 3, '9'), '基准网格' || k, r.code, 150 + (hashtext(r.code) & 255)
				FROM region r, generate_series(1, 3) k WHERE r.level = 'VILLAGE' ON CONFLICT DO NOTHING""").update();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, kind, display_name, created_at)
				SELECT 'bench.' || g.code, 'x', 'STAFF', '基准网格员', now() FROM grid g WHERE g.name LIKE '基准%'
				ON CONFLICT DO NOTHING""").update();
		jdbc.sql("""
				INSERT INTO grid_member (grid_code, user_id, duty, status, since)
				SELECT g.code, u.id, CASE WHEN g.code LIKE '%991' THEN 'HEAD' ELSE 'MEMBER' END, 'ON_DUTY', date '2025-01-01'
				FROM grid g JOIN app_user u ON u.username = 'bench.' || g.code ON CONFLICT DO NOTHING""").update();
		jdbc.sql("""
				INSERT INTO grid_duty_period (grid_code, user_id, status, from_day, to_day)
				SELECT grid_code, user_id, 'ON_DUTY', date '2025-01-01', NULL FROM grid_member m
				WHERE grid_code IN (SELECT code FROM grid WHERE name LIKE '基准%') ON CONFLICT DO NOTHING""").update();
		// a patrol or a 零报告 on every day of 2025, but in about one village in 40 on weekdays only (its rate misses 95 %)
		jdbc.sql("""
				INSERT INTO grid_patrol (grid_code, user_id, day, zero_report, households_visited, recorded_at)
				SELECT m.grid_code, m.user_id, d::date, (extract(doy FROM d)::int % 3 = 0), 12, d
				FROM grid_member m JOIN grid g ON g.code = m.grid_code AND g.name LIKE '基准%',
				     generate_series(timestamptz '2025-01-01', timestamptz '2025-12-31', interval '1 day') d
				WHERE extract(isodow FROM d) <= 5 OR hashtext(g.village_code) % 40 <> 0""").update();
		long reporter = jdbc.sql("""
				INSERT INTO app_user (username, password_hash, kind, display_name, created_at) VALUES ('bench.reporter', 'x', 'STAFF', '基准', now())
				ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name RETURNING id""").query(Long.class).single();
		// 200,000 disputes over 2021–2025 (one in ten still being mediated, one in twenty failed), one in 500 red
		jdbc.sql("""
				WITH v AS (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level = 'VILLAGE'),
				     t AS (SELECT array_agg(code ORDER BY code) AS codes FROM dispute_type)
				INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level, risk_owner,
				                     reported_by, registered_on, registered_at, outcome, outcome_on)
				SELECT 'BV' || lpad(g::text, 12, '0'), 'GRID', t.codes[(1 + g % array_length(t.codes, 1))::int], '基准纠纷', '基准数据',
				       v.codes[(1 + (g * 7919) % array_length(v.codes, 1))::int], substr(v.codes[(1 + (g * 7919) % array_length(v.codes, 1))::int], 1, 6),
				       CASE WHEN g % 10 = 0 THEN 'MEDIATING' ELSE 'CLOSED' END, CASE WHEN g % 500 = 0 THEN 'RED' ELSE 'GREEN' END, '网格员', ?,
				       d, d::timestamptz,
				       CASE WHEN g % 10 = 0 THEN NULL WHEN g % 20 = 1 THEN 'FAILED' ELSE 'AGREED' END,
				       CASE WHEN g % 10 = 0 THEN NULL ELSE d + (g % 25)::int END
				FROM generate_series(1::bigint, 200000::bigint) AS g, v, t,
				     LATERAL (SELECT (date '2021-01-01' + ((g * 104729) % 1826)::int) AS d) dd""").param(reporter).update();
		// 200,000 petitions over 2021–2025: one in 300 越级访, one in 1,000 进京访, one in 8 a repeat; one in 20 still open
		jdbc.sql("""
				WITH v AS (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level = 'VILLAGE')
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code, title, content,
				                      first_time, flags, accept_statutory, handle_statutory)
				SELECT 'BP' || lpad(g::text, 12, '0'), 'x', CASE WHEN g % 20 = 0 THEN 'ACCEPTED' ELSE 'CLOSED' END, 'VISIT', d, d,
				       v.codes[(1 + (g * 6007) % array_length(v.codes, 1))::int], '基准信访', '基准数据', g % 8 <> 0,
				       CASE WHEN g % 1000 = 0 THEN 'TO_BEIJING' WHEN g % 300 = 0 THEN 'BEYOND_LEVEL' ELSE '' END,
				       (d + interval '15 days')::date, (d + interval '75 days')::date
				FROM generate_series(1::bigint, 200000::bigint) AS g, v,
				     LATERAL (SELECT timestamptz '2021-01-01 09:00+08' + ((g * 104729) % 1826) * interval '1 day' AS d) dd""").update();
		jdbc.sql("DELETE FROM stats_dirty").update(); // the dashboard's rollup is not measured here
		System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
	}

	private static String report(List<Long> nanos) {
		List<Long> s = new ArrayList<>(nanos);
		Collections.sort(s);
		return String.format("n=%d min %.0f ms, median %.0f ms, max %.0f ms", s.size(), s.get(0) / 1e6, s.get(s.size() / 2) / 1e6,
				s.get(s.size() - 1) / 1e6);
	}

}
