import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dashboard indicator speed at growing data sizes (a measurement, not a test). Generates matters
 * spread over five years straight into the app's database with one INSERT ... SELECT over
 * generate_series per step (realistic shares of counties, categories, channels, statuses,
 * on-time and late handling, ratings, repeats and flags), waits for the rollup job to fold them in,
 * then times GET /api/v1/stats/indicators (and series and breakdown) for random regions and
 * periods through HTTP, and measures how long a change to a matter takes to show.
 *
 *   java -cp postgresql.jar bench/IndicatorBench.java --jdbc jdbc:postgresql://127.0.0.1:25442/postgres \
 *        --url http://127.0.0.1:18090 --sizes 100000,300000,1000000 --requests 300 --out results/x.md
 */
public class IndicatorBench {

	static String jdbcUrl, base, out;

	/** the embedded server's generated superuser password (stats.sh reads it from the key file) */
	static String dbPassword = "postgres";

	static int requests = 300;

	static List<Integer> sizes = List.of(100_000, 300_000, 1_000_000);

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String token;

	public static void main(String[] args) throws Exception {
		for (int i = 0; i < args.length - 1; i += 2) {
			switch (args[i]) {
				case "--jdbc" -> jdbcUrl = args[i + 1];
				case "--db-password" -> dbPassword = args[i + 1];
				case "--url" -> base = args[i + 1];
				case "--out" -> out = args[i + 1];
				case "--requests" -> requests = Integer.parseInt(args[i + 1]);
				case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).map(String::strip).map(Integer::parseInt).toList();
				default -> throw new IllegalArgumentException(args[i]);
			}
		}
		if (!URI.create(base).getHost().equals("127.0.0.1")) {
			throw new IllegalArgumentException("loopback only");
		}
		token = token("leader", "Demo@2026");
		StringBuilder report = new StringBuilder();
		report.append("| matters | generate s | rollup s | rollup rows (daily / monthly / county daily / county monthly) | indicators p50 ms | p95 ms | p99 ms | max ms | series p95 ms | breakdown p95 ms | change visible after s |\n");
		report.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", dbPassword)) {
			db.setAutoCommit(true);
			int have = count(db, "SELECT count(*) FROM petition WHERE number LIKE 'BENCH-%'");
			for (int size : sizes) {
				long t0 = System.nanoTime();
				if (size > have) {
					generate(db, have + 1, size);
					have = size;
				}
				double genS = (System.nanoTime() - t0) / 1e9;
				long t1 = System.nanoTime();
				waitDrained(db, 1800);
				double rollupS = (System.nanoTime() - t1) / 1e9;
				try (Statement st = db.createStatement()) {
					// what autovacuum does on a running system after a bulk load (visibility map for index-only scans)
					st.execute("VACUUM ANALYZE petition");
					st.execute("VACUUM ANALYZE stats_daily");
					st.execute("VACUUM ANALYZE stats_monthly");
					st.execute("VACUUM ANALYZE stats_daily_county");
					st.execute("VACUUM ANALYZE stats_monthly_county");
				}
				String rows = count(db, "SELECT count(*) FROM stats_daily") + " / " + count(db, "SELECT count(*) FROM stats_monthly")
						+ " / " + count(db, "SELECT count(*) FROM stats_daily_county") + " / "
						+ count(db, "SELECT count(*) FROM stats_monthly_county");
				List<String> regions = regions(db);
				Random rnd = new Random(size);
				for (int i = 0; i < 30; i++) { // warm-up
					get("/api/v1/stats/indicators?" + randomQuery(rnd, regions));
				}
				double[] ind = time(rnd, regions, "/api/v1/stats/indicators?", "", requests);
				double[] ser = time(rnd, regions, "/api/v1/stats/series?", "&granularity=MONTH", Math.max(50, requests / 5));
				double[] brk = time(rnd, regions, "/api/v1/stats/breakdown?", "&by=REGION", Math.max(50, requests / 5));
				double lag = consistencyLag(db);
				String line = String.format("| %,d | %.1f | %.1f | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", size, genS,
						rollupS, rows, pct(ind, 50), pct(ind, 95), pct(ind, 99), ind[ind.length - 1], pct(ser, 95), pct(brk, 95), lag);
				System.out.print(line);
				report.append(line);
			}
		}
		if (out != null) {
			Files.writeString(Path.of(out), report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
	}

	static double[] time(Random rnd, List<String> regions, String path, String extra, int n) throws Exception {
		double[] ms = new double[n];
		for (int i = 0; i < n; i++) {
			String q = path + randomQuery(rnd, regions) + extra;
			long t = System.nanoTime();
			get(q);
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	/** A random region (city, county or township) and period (day, month, quarter, year, five years or any range). */
	static String randomQuery(Random rnd, List<String> regions) {
		String region = switch (rnd.nextInt(3)) {
			case 0 -> "430700";
			case 1 -> regions.stream().filter(r -> r.length() == 6).toList().get(rnd.nextInt(9));
			default -> regions.get(rnd.nextInt(regions.size()));
		};
		LocalDate end = LocalDate.now();
		LocalDate start = end.minusYears(5);
		LocalDate from = start.plusDays(rnd.nextInt(365 * 5));
		LocalDate to = switch (rnd.nextInt(6)) {
			case 0 -> from;
			case 1 -> from.withDayOfMonth(1).plusMonths(1).minusDays(1);
			case 2 -> from.plusMonths(3);
			case 3 -> from.plusYears(1);
			case 4 -> {
				from = start;
				yield end;
			}
			default -> from.plusDays(rnd.nextInt(700));
		};
		if (to.isAfter(end)) {
			to = end;
		}
		return "from=" + from + "&to=" + to + "&regionCode=" + region;
	}

	static List<String> regions(Connection db) throws Exception {
		List<String> out = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT code FROM region WHERE level IN ('COUNTY', 'TOWNSHIP') AND code LIKE '4307%' ORDER BY code")) {
			while (rs.next()) {
				out.add(rs.getString(1));
			}
		}
		return out;
	}

	/** Flags one old matter 进京访 (or clears it) and polls the API until the city's 进京访 count moves. */
	static double consistencyLag(Connection db) throws Exception {
		String query = "/api/v1/stats/indicators?from=2020-01-01&to=" + LocalDate.now() + "&regionCode=430700";
		String field = "\"toBeijing\":";
		String before = value(get(query), field);
		long t = System.nanoTime();
		try (Statement st = db.createStatement()) {
			st.executeUpdate("UPDATE petition SET flags = CASE WHEN flags = 'TO_BEIJING' THEN '' ELSE 'TO_BEIJING' END "
					+ "WHERE id = (SELECT min(id) FROM petition WHERE number LIKE 'BENCH-%')");
		}
		while (System.nanoTime() - t < 120e9) {
			if (!value(get(query), field).equals(before)) {
				return (System.nanoTime() - t) / 1e9;
			}
			Thread.sleep(200);
		}
		return Double.NaN;
	}

	static String value(String json, String field) {
		int i = json.indexOf(field);
		return i < 0 ? "" : json.substring(i, Math.min(json.length(), json.indexOf(',', i) < 0 ? json.length() : json.indexOf(',', i)));
	}

	static void waitDrained(Connection db, int seconds) throws Exception {
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < until) {
			if (count(db, "SELECT count(*) FROM stats_dirty") == 0) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("rollup did not catch up in " + seconds + " s");
	}

	static int count(Connection db, String sql) throws Exception {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/** Matters first..last, received uniformly over the last five years (Beijing time). */
	static void generate(Connection db, int first, int last) throws Exception {
		String sql = """
				WITH ref AS (
				  SELECT (SELECT array_agg(code ORDER BY code) FROM region WHERE level IN ('TOWNSHIP', 'VILLAGE') AND code LIKE '4307%%') AS places,
				         (SELECT array_agg(code ORDER BY sort_order) FROM category) AS cats,
				         (SELECT array_agg(default_unit_code ORDER BY sort_order) FROM category) AS units),
				base AS (
				  SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9,
				         now() - random() * interval '1826 days' AS recv
				  FROM generate_series(%d, %d) g),
				timed AS (
				  SELECT b.*, ref.*,
				         1 + floor(b.r5 * array_length(ref.cats, 1))::int AS ci,
				         b.recv + CASE WHEN b.r2 < 0.94 THEN b.r2 * interval '12 days' ELSE interval '16 days' + b.r2 * interval '10 days' END AS acc,
				         (b.recv AT TIME ZONE 'Asia/Shanghai')::date + 15 AS acc_due
				  FROM base b CROSS JOIN ref),
				flow AS (
				  SELECT t.*, t.acc + CASE WHEN t.r3 < 0.92 THEN t.r3 * interval '55 days' ELSE interval '62 days' + t.r3 * interval '20 days' END AS rep,
				         (t.acc AT TIME ZONE 'Asia/Shanghai')::date + 60 AS handle_due,
				         t.r6 < 0.02 AS stuck, t.r7 < 0.04 AS refused
				  FROM timed t),
				done AS (
				  SELECT f.*, f.rep + interval '3 days' AS deliv, f.rep + interval '3 days' + f.r4 * interval '10 days' AS clo FROM flow f)
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code, category_code,
				  responsible_unit_code, title, content, person_count, first_time, flags, accept_statutory, accepted_at, handle_statutory,
				  replied_at, delivered_at, closed_at, satisfaction, appeal_requested_at)
				SELECT 'BENCH-' || g, 'x',
				  CASE WHEN refused THEN 'NOT_ACCEPTED' WHEN acc > now() THEN 'REGISTERED' WHEN stuck OR rep > now() THEN 'ACCEPTED'
				       WHEN deliv > now() THEN 'REPLIED' WHEN clo > now() THEN 'DELIVERED' ELSE 'CLOSED' END,
				  CASE WHEN r1 < 0.40 THEN 'ONLINE' WHEN r1 < 0.55 THEN 'LETTER' WHEN r1 < 0.75 THEN 'VISIT' WHEN r1 < 0.85 THEN 'PHONE'
				       WHEN r1 < 0.87 THEN 'FAX' WHEN r1 < 0.97 THEN 'HOTLINE_12345' ELSE 'LEADER_MAILBOX' END,
				  recv, recv, places[1 + floor(r8 * array_length(places, 1))::int],
				  cats[ci], units[ci], '基准测试事项', '基准测试生成的信访事项', CASE WHEN r4 < 0.05 THEN 6 ELSE 1 END,
				  r3 >= 0.12, CASE WHEN r9 < 0.03 THEN 'BEYOND_LEVEL' WHEN r9 < 0.035 THEN 'TO_BEIJING' ELSE '' END,
				  acc_due, CASE WHEN refused OR acc > now() THEN NULL ELSE acc END,
				  CASE WHEN refused OR acc > now() THEN NULL ELSE handle_due END,
				  CASE WHEN refused OR stuck OR rep > now() THEN NULL ELSE rep END,
				  CASE WHEN refused OR stuck OR deliv > now() THEN NULL ELSE deliv END,
				  CASE WHEN refused OR stuck OR clo > now() THEN NULL ELSE clo END,
				  CASE WHEN refused OR stuck OR deliv > now() OR r6 > 0.72 THEN NULL WHEN r7 < 0.80 THEN 'SATISFIED' WHEN r7 < 0.92 THEN 'BASIC'
				       ELSE 'UNSATISFIED' END,
				  CASE WHEN NOT refused AND NOT stuck AND clo < now() - interval '40 days' AND r2 > 0.97 THEN clo + interval '20 days' END
				FROM done""".formatted(first, last);
		try (Statement st = db.createStatement()) {
			st.executeUpdate(sql);
		}
	}

	static String token(String user, String password) throws Exception {
		String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		if (r.statusCode() != 200 || !m.find()) {
			throw new IllegalStateException("no token: " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}

	static String get(String path) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

}
