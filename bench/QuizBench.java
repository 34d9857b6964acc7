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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public challenge under load (a measurement, not a test), run by bench/quiz.sh against a running app.
 * Part 1: PLAYERS concurrent players (one thread each, each its own browser id), each playing ROUNDS rounds:
 * draw a round, think a moment, submit answers; the time of every submission is recorded.
 * Part 2: ROUNDS_AT_SCALE handed-in rounds generated with SQL (rounds and the boards derived from them),
 * then the leaderboard read (day, total, a county) through the public API.
 */
public class QuizBench {

	static final Pattern QUESTION = Pattern.compile("\\{\"id\":(\\d+),\"number\":\\d+,\"type\":\"(\\w+)\"");

	/** Each player thinks 0..think ms between drawing a round and submitting it. */
	static int think = 200;

	static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

	public static void main(String[] args) throws Exception {
		String url = arg(args, "--url", "http://127.0.0.1:18091");
		String jdbc = arg(args, "--jdbc", "jdbc:postgresql://127.0.0.1:25443/postgres");
		String dbPassword = arg(args, "--db-password", "postgres");
		int players = Integer.parseInt(arg(args, "--players", "500"));
		int rounds = Integer.parseInt(arg(args, "--rounds", "4"));
		int atScale = Integer.parseInt(arg(args, "--scale", "1000000"));
		int reads = Integer.parseInt(arg(args, "--reads", "600"));
		think = Integer.parseInt(arg(args, "--think", "200"));
		Path out = Path.of(arg(args, "--out", "quiz-bench.md"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		StringBuilder report = new StringBuilder();

		// warm-up: the JIT and the pools, unmeasured
		play(http, url, 50, 2, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new AtomicInteger());
		ConcurrentLinkedQueue<Double> submits = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Double> starts = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		long t0 = System.nanoTime();
		play(http, url, players, rounds, starts, submits, errors);
		double seconds = (System.nanoTime() - t0) / 1e9;
		double[] s = sorted(submits);
		double[] d = sorted(starts);
		report.append("| part | requests | errors | throughput /s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
		report.append(String.format("| %d concurrent players (think 0–" + think + " ms): submit a round | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |\n", players, s.length,
				errors.get(), s.length / seconds, pct(s, 50), pct(s, 95), pct(s, 99), s[s.length - 1]));
		report.append(String.format("| %d concurrent players (think 0–" + think + " ms): draw a round | %d | — | %.0f | %.1f | %.1f | %.1f | %.1f |\n", players, d.length,
				d.length / seconds, pct(d, 50), pct(d, 95), pct(d, 99), d[d.length - 1]));
		System.out.print(report);
		if (atScale <= 0) { // the players only (bench/quiz-profile.sh)
			Files.writeString(out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			return;
		}

		long g0 = System.nanoTime();
		long total;
		try (Connection db = DriverManager.getConnection(jdbc, "postgres", dbPassword); Statement st = db.createStatement()) {
			st.execute("SET synchronous_commit = off");
			st.execute("""
					INSERT INTO quiz_round (token_hash, visitor, address, phone_index, phone_mask, nickname, county_code, day, question_ids,
					  started_at, deadline_at, submitted_at, status, correct, score, duration_ms)
					SELECT 'bench' || g, 'bv' || (g % 200000), 'bench', 'bp' || (g % 200000), '138****' || lpad((g % 10000)::text, 4, '0'),
					  '玩家' || (g % 200000), (ARRAY['430702','430703','430721','430722','430723','430724','430725','430726','430781'])[1 + (g % 9)],
					  date '2026-10-01' + (g % 60), '{1,2,3,4,5,6,7,8,9,10}', t, t + interval '5 minutes', t + make_interval(secs => 20 + (g::bigint * 7919) % 280),
					  'SUBMITTED', c, c * 10, (20 + (g::bigint * 7919) % 280) * 1000
					FROM generate_series(1, """ + atScale + """
					) g, LATERAL (SELECT (date '2026-10-01' + (g % 60))::timestamp AT TIME ZONE 'Asia/Shanghai' + make_interval(mins => g % 900) AS t,
					  (g * 31) % 11 AS c) x""");
			st.execute("""
					INSERT INTO quiz_best (board, phone_index, phone_mask, nickname, county_code, score, duration_ms, achieved_at, round_id)
					SELECT DISTINCT ON (day, phone_index) 'D' || day, phone_index, phone_mask, nickname, county_code, score, duration_ms, submitted_at, id
					FROM quiz_round WHERE address = 'bench' ORDER BY day, phone_index, score DESC, duration_ms, submitted_at
					ON CONFLICT DO NOTHING""");
			st.execute("""
					INSERT INTO quiz_best (board, phone_index, phone_mask, nickname, county_code, score, duration_ms, achieved_at, round_id)
					SELECT DISTINCT ON (phone_index) 'TOTAL', phone_index, phone_mask, nickname, county_code, score, duration_ms, submitted_at, id
					FROM quiz_round WHERE address = 'bench' ORDER BY phone_index, score DESC, duration_ms, submitted_at
					ON CONFLICT DO NOTHING""");
			st.execute("ANALYZE quiz_round");
			st.execute("ANALYZE quiz_best");
			var rs = st.executeQuery("SELECT count(*) FROM quiz_round");
			rs.next();
			total = rs.getLong(1);
		}
		double gen = (System.nanoTime() - g0) / 1e9;
		Random rnd = new Random(7);
		String[] counties = { "430702", "430703", "430721", "430722", "430723", "430724", "430725", "430726", "430781" };
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < reads; i++) {
			String day = java.time.LocalDate.of(2026, 10, 1).plusDays(rnd.nextInt(60)).toString();
			paths.add(switch (i % 4) {
				case 0 -> "/api/v1/public/quiz/leaderboard?board=day&date=" + day;
				case 1 -> "/api/v1/public/quiz/leaderboard?board=total";
				case 2 -> "/api/v1/public/quiz/leaderboard?board=day&date=" + day + "&county=" + counties[rnd.nextInt(9)];
				default -> "/api/v1/public/quiz/leaderboard?board=total&county=" + counties[rnd.nextInt(9)];
			});
		}
		for (String p : paths.subList(0, Math.min(100, paths.size()))) {
			get(http, url + p); // unmeasured pass
		}
		double[] times = new double[paths.size()];
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch done = new CountDownLatch(paths.size());
		for (int i = 0; i < paths.size(); i++) {
			int k = i;
			pool.execute(() -> {
				long a = System.nanoTime();
				try {
					get(http, url + paths.get(k));
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				times[k] = (System.nanoTime() - a) / 1e6;
				done.countDown();
			});
		}
		done.await();
		pool.shutdown();
		Arrays.sort(times);
		String line = String.format("| leaderboard read at %,d rounds (day / total / county, 8 clients) | %d | — | — | %.1f | %.1f | %.1f | %.1f |\n", total,
				times.length, pct(times, 50), pct(times, 95), pct(times, 99), times[times.length - 1]);
		report.append(line);
		System.out.print(line);
		report.append(String.format("%nGenerating %,d rounds and their boards took %.0f s.%n", atScale, gen));
		Files.writeString(out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	static void play(HttpClient http, String url, int players, int rounds, ConcurrentLinkedQueue<Double> starts,
			ConcurrentLinkedQueue<Double> submits, AtomicInteger errors) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(players);
		CountDownLatch ready = new CountDownLatch(players);
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(players);
		for (int p = 0; p < players; p++) {
			String visitor = "bench" + Long.toHexString(Double.doubleToLongBits(Math.random())) + p;
			pool.execute(() -> {
				Random rnd = new Random();
				ready.countDown();
				try {
					go.await();
					for (int r = 0; r < rounds; r++) {
						long a = System.nanoTime();
						HttpResponse<String> s = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/public/quiz/rounds"))
							.header("X-Quiz-Visitor", visitor).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
						starts.add((System.nanoTime() - a) / 1e6);
						if (s.statusCode() != 201) {
							errors.incrementAndGet();
							continue;
						}
						Matcher tm = TOKEN.matcher(s.body());
						tm.find();
						StringBuilder answers = new StringBuilder("{\"answers\":{");
						Matcher qm = QUESTION.matcher(s.body());
						boolean first = true;
						while (qm.find()) {
							String ans = switch (qm.group(2)) {
								case "SINGLE" -> String.valueOf("ABCD".charAt(rnd.nextInt(2)));
								case "MULTI" -> "AB";
								case "JUDGE" -> rnd.nextBoolean() ? "T" : "F";
								default -> "15";
							};
							answers.append(first ? "" : ",").append('"').append(qm.group(1)).append("\":\"").append(ans).append('"');
							first = false;
						}
						answers.append("}}");
						Thread.sleep(rnd.nextInt(Math.max(1, think))); // answering the questions
						long b = System.nanoTime();
						HttpResponse<String> sub = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/public/quiz/rounds/" + tm.group(1) + "/submit"))
							.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(answers.toString())).build(),
								HttpResponse.BodyHandlers.ofString());
						submits.add((System.nanoTime() - b) / 1e6);
						if (sub.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			});
		}
		ready.await();
		go.countDown();
		done.await();
		pool.shutdown();
	}

	static String get(HttpClient http, String url) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " -> " + r.statusCode());
		}
		return r.body();
	}

	static double[] sorted(ConcurrentLinkedQueue<Double> q) {
		double[] a = q.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(a);
		return a.length == 0 ? new double[] { 0 } : a;
	}

	static double pct(double[] sorted, int p) {
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

	static String arg(String[] args, String name, String def) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return def;
	}

}
