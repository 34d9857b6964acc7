package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.text.ChineseText;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generator and benchmark for duplicate lookup and search at scale (README: "Duplicate detection
 * and search at scale"). Not a test: run by {@code bench/casefile.sh N}. Starts the application
 * without demo data on its own embedded PostgreSQL in a directory given as the second argument,
 * generates N petitions whose text is composed from the corpus's sentences with changed places,
 * names and amounts (derived data written alongside, by COPY), then times {@code similar} and
 * {@code search} over a few hundred queries each and prints p50/p95/p99.
 */
public final class CaseFileBenchmark {

	record Sentence(String text, int[] terms, List<String> words) {
	}

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		String dir = args[1];
		int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		ConfigurableApplicationContext ctx = SpringApplication.run(com.xinfang.XinFangApplication.class,
				"--server.port=18391", "--xinfang.demo.enabled=false",
				"--xinfang.db.embedded-server.directory=" + dir + "/pg", "--xinfang.db.embedded-server.port=25491",
				"--xinfang.crypto.key-file=" + dir + "/keys.properties", "--xinfang.attachments.directory=" + dir + "/att",
				"--logging.level.root=WARN", "--spring.flyway.out-of-order=true",
				// the lookups are measured, not the background re-fingerprinting of rows of an older
				// Fingerprint.VERSION (a generated database of an earlier version would run it meanwhile)
				"--xinfang.casefile.refresh-initial-delay=P3650D");
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			DataSource ds = ctx.getBean(DataSource.class);
			long have = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
			if (have < n) {
				long t0 = System.nanoTime();
				generate(ds, jdbc, (int) (n - have), new Random(42 + have));
				System.out.printf("generated %d petitions in %.1f s%n", n - have, (System.nanoTime() - t0) / 1e9);
			}
			else if (jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM casefile_term_df LIMIT 1) x").query(Long.class).single() == 0) {
				// a generation stopped before its end (interrupted): finish it as the generation would
				long t0 = System.nanoTime();
				finish(ds);
				System.out.printf("finished an interrupted generation in %.1f s%n", (System.nanoTime() - t0) / 1e9);
			}
			ctx.getBean(TermStatistics.class).reload();
			System.out.println("petitions: " + jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()
					+ ", postings: " + jdbc.sql("SELECT count(*) FROM casefile_term").query(Long.class).single()
					+ ", database size: " + jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single());
			measure(ctx, jdbc, queries);
		}
		finally {
			ctx.close();
		}
	}

	static final String[] COUNTIES = { "430702", "430703", "430721", "430722", "430723", "430724", "430725", "430726", "430781" };

	static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");

	static final String[] GIVEN = "建国秀英志强美华德胜世福晓明小红丽娟桂兰国平海燕春梅文杰子涵浩然雨轩思远佳怡".split("");

	static void generate(DataSource ds, JdbcClient jdbc, int n, Random rnd) throws Exception {
		var items = Corpus.petitions();
		// each corpus sentence segmented once: generated texts are sentences recombined
		List<List<Sentence>> bySource = new ArrayList<>();
		for (var item : items) {
			List<Sentence> sentences = new ArrayList<>();
			for (String s : item.content().split("(?<=[。！？；])")) {
				if (!s.isBlank()) {
					var f = Fingerprint.of(null, s);
					sentences.add(new Sentence(s, f.terms(), SearchWords.of(s)));
				}
			}
			bySource.add(sentences);
		}
		Map<String, Sentence> titles = new HashMap<>();
		for (var item : items) {
			var f = Fingerprint.of(item.title(), "");
			titles.put(item.title(), new Sentence(item.title(), f.terms(), SearchWords.of(item.title())));
		}
		long firstId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM petition").query(Long.class).single();
		int batch = 5000;
		try (Connection c = ds.getConnection()) {
			c.setAutoCommit(false);
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (int start = 0; start < n; start += batch) {
				StringBuilder pet = new StringBuilder(), people = new StringBuilder(), docs = new StringBuilder(),
						terms = new StringBuilder();
				for (int k = start; k < Math.min(n, start + batch); k++) {
					long id = firstId + k;
					int src = rnd.nextInt(items.size());
					var item = items.get(src);
					List<Sentence> own = bySource.get(src);
					// most of the source's sentences in order, sometimes one from another matter of the category
					List<Sentence> chosen = new ArrayList<>();
					for (Sentence s : own) {
						if (rnd.nextInt(5) > 0) {
							chosen.add(s);
						}
					}
					if (chosen.isEmpty()) {
						chosen.add(own.get(0));
					}
					if (rnd.nextBoolean()) {
						int other = (src / 30) * 30 + rnd.nextInt(30);
						var os = bySource.get(other);
						chosen.add(os.get(rnd.nextInt(os.size())));
					}
					Sentence title = titles.get(item.title());
					StringBuilder content = new StringBuilder();
					Set<Integer> t = new TreeSet<>();
					Set<String> words = new LinkedHashSet<>(title.words());
					for (int x : title.terms()) {
						t.add(x);
					}
					for (Sentence s : chosen) {
						content.append(s.text());
						for (int x : s.terms()) {
							t.add(x);
						}
						words.addAll(s.words());
					}
					content.append("联系人").append(rnd.nextInt(1000)).append("号。");
					String county = rnd.nextInt(3) == 0 ? COUNTIES[rnd.nextInt(COUNTIES.length)] : item.county();
					OffsetDateTime at = OffsetDateTime.ofInstant(Instant.parse("2024-01-01T00:00:00Z")
						.plusSeconds(rnd.nextInt(3 * 365 * 86400)), ZoneOffset.UTC);
					pet.append(id).append('\t').append("XFB").append(id).append("\tx\t").append(rnd.nextInt(4) == 0 ? "CLOSED" : "REGISTERED")
						.append("\tLETTER\t").append(at).append('\t').append(at).append('\t').append(county).append('\t')
						.append(item.category()).append('\t').append(clean(item.title())).append('\t').append(clean(content.toString())).append('\n');
					String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
					people.append(id).append("\t0\t").append(name).append('\t').append("id").append(rnd.nextInt(n)).append('\t')
						.append("ph").append(rnd.nextInt(n)).append('\n');
					int[] ta = t.stream().mapToInt(Integer::intValue).toArray();
					docs.append(id).append('\t').append(county).append('\t').append(at).append("\t{").append(join(ta)).append("}\t{}\t");
					docs.append(String.join(" ", words.stream().map(w -> "'" + w + "'").toList())).append('\t')
						.append(clean(item.title() + " " + content)).append('\n');
					for (int x : ta) {
						terms.append(x).append('\t').append(id).append('\t').append(county).append('\n');
					}
				}
				copy.copyIn("COPY petition (id, number, query_code_hash, status, channel, received_at, registered_at, region_code, "
						+ "category_code, title, content) FROM STDIN", new StringReader(pet.toString()));
				copy.copyIn("COPY petitioner (petition_id, seq, name, id_number_index, phone_index) FROM STDIN",
						new StringReader(people.toString()));
				copy.copyIn("COPY casefile_doc (petition_id, region_code, received_at, terms, entities, words, text) FROM STDIN", new StringReader(docs.toString()));
				copy.copyIn("COPY casefile_term (term, petition_id, region_code) FROM STDIN", new StringReader(terms.toString()));
				c.commit();
				if ((start / batch) % 20 == 0) {
					System.out.printf("  %d / %d%n", start + batch, n);
				}
			}
		}
		finish(ds);
	}

	/** The sequence, the word counts and the planner's statistics after COPY. */
	static void finish(DataSource ds) throws Exception {
		try (Connection c = ds.getConnection()) {
			c.setAutoCommit(false);
			try (var st = c.createStatement()) {
				st.execute("SELECT setval(pg_get_serial_sequence('petition', 'id'), (SELECT max(id) FROM petition))");
				st.execute("TRUNCATE casefile_term_df");
				st.execute("INSERT INTO casefile_term_df SELECT term, count(*) FROM casefile_term GROUP BY term");
			}
			c.commit();
			c.setAutoCommit(true);
			try (var st = c.createStatement()) {
				st.execute("ANALYZE");
			}
		}
	}

	static String clean(String s) {
		return s.replace("\\", "").replace("\t", " ").replace("\n", " ");
	}

	static String join(int[] a) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < a.length; i++) {
			b.append(i == 0 ? "" : ",").append(a[i]);
		}
		return b.toString();
	}

	static void measure(ConfigurableApplicationContext ctx, JdbcClient jdbc, int queries) {
		Duplicates duplicates = ctx.getBean(Duplicates.class);
		Search search = ctx.getBean(Search.class);
		Actor city = new Actor(1, "bench", "bench", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR),
				DataScope.region("4307"));
		Actor county = new Actor(2, "bench2", "bench", Actor.Kind.STAFF, "LX-XFJ", "430723", Set.of(Role.REGISTRAR),
				DataScope.region("430723"));
		var repeats = Corpus.repeats();
		var items = Corpus.petitions();
		Random rnd = new Random(7);
		// warm-up: one unmeasured pass of the same questions (a restarted database reads from disk first)
		for (int i = 0; i < repeats.size(); i++) {
			duplicates.similar(new Duplicates.SimilarQuery(repeats.get(i).content(), null, null, null, null, 10), city);
		}
		for (int i = 0; i < queries; i++) {
			search.search(new Search.Filter(searchQuery(items, i, new Random(7 + i)), null, null, null), city);
		}
		double[] seg = new double[queries];
		for (int i = 0; i < queries; i++) {
			long t = System.nanoTime();
			Fingerprint.of(null, repeats.get(i % repeats.size()).content());
			seg[i] = (System.nanoTime() - t) / 1e6;
		}
		report("segmentation only", seg);
		for (Actor actor : List.of(city, county)) {
			double[] sim = new double[queries];
			for (int i = 0; i < queries; i++) {
				String text = repeats.get(i % repeats.size()).content();
				long t = System.nanoTime();
				duplicates.similar(new Duplicates.SimilarQuery(text, null, null, null, null, 10), actor);
				sim[i] = (System.nanoTime() - t) / 1e6;
			}
			report("similar (" + actor.scope().value() + ")", sim);
			double[] se = new double[queries];
			for (int i = 0; i < queries; i++) {
				String q = searchQuery(items, i, new Random(7 + i));
				long t = System.nanoTime();
				search.search(new Search.Filter(q, null, null, null), actor);
				se[i] = (System.nanoTime() - t) / 1e6;
			}
			report("search (" + actor.scope().value() + ")", se);
		}
	}

	/** A word, two words, or a 6-character substring of a corpus item. */
	static String searchQuery(List<Corpus.Item> items, int i, Random rnd) {
		var item = items.get(rnd.nextInt(items.size()));
		List<String> words = ChineseText.contentWords(item.title());
		return switch (i % 3) {
			case 0 -> words.isEmpty() ? item.title() : words.get(rnd.nextInt(words.size()));
			case 1 -> String.join(" ", words.subList(0, Math.min(2, words.size())));
			default -> item.content().substring(10, Math.min(item.content().length(), 16));
		};
	}

	static void report(String what, double[] ms) {
		Arrays.sort(ms);
		System.out.printf("%-22s n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", what, ms.length,
				ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)], ms[ms.length - 1]);
	}

}
