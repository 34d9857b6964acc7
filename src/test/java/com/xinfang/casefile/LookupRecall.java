package com.xinfang.casefile;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.DataScope;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.privacy.IdNumber;
import java.io.File;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recall through the index (README: "Duplicate detection and search at scale"): whether a repeat's
 * original is still found when the lookup reads only part of the index, as the registration's quick
 * lookup does. The quality tests ({@link RepeatEvaluation}) score every corpus petition and never
 * meet a lookup budget; here the 480 corpus petitions are registered first (the originals, the
 * oldest matters), then a background of other matters by {@code bench/LoadDriver.java} through the
 * API (its 14 everyday complaints with random names, places and sums: the common words a budget
 * cuts), and every positive question of the four held-out repeat sets is looked up with each
 * {@link Duplicates.Budget}, by its text alone (a same-person repeat is also found by the person's
 * blind indexes, which no budget limits). Not a test: run by {@code bench/lookup-recall.sh}.
 */
public final class LookupRecall {

	public static void main(String[] args) throws Exception {
		int background = Integer.parseInt(args[0]);
		String dir = args[1];
		ConfigurableApplicationContext ctx = SpringApplication.run(com.xinfang.XinFangApplication.class,
				"--server.port=18392", "--server.address=127.0.0.1", "--xinfang.demo.petitions=0",
				"--xinfang.db.embedded-server.directory=" + dir + "/pg", "--xinfang.db.embedded-server.port=25492",
				"--xinfang.crypto.key-file=" + dir + "/keys.properties", "--xinfang.attachments.directory=" + dir + "/att",
				"--logging.level.root=WARN", "--xinfang.casefile.refresh-initial-delay=P3650D");
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			var items = Corpus.petitions();
			Map<Integer, String> numbers = new LinkedHashMap<>();
			jdbc.sql("SELECT title, number FROM petition WHERE number LIKE 'XF%' ORDER BY id LIMIT ?")
				.param(items.size())
				.query((rs, n) -> numbers.put(n, rs.getString(2)))
				.list();
			if (numbers.size() < items.size()) {
				numbers.clear();
				registerOriginals(ctx, items, numbers);
				loadBackground(background);
			}
			var indexer = ctx.getBean(CaseIndexer.class);
			while (indexer.drain(100) > 0) {
				// the whole queue, so that every matter is in the inverted index
			}
			ctx.getBean(TermStatistics.class).reload();
			System.out.println("matters: " + jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()
					+ ", postings: " + jdbc.sql("SELECT count(*) FROM casefile_term").query(Long.class).single());
			evaluate(ctx.getBean(Duplicates.class), items, numbers);
		}
		finally {
			ctx.close();
		}
	}

	/** The corpus petitions as registered letters, a year ago and before, in their counties. */
	static void registerOriginals(ConfigurableApplicationContext ctx, List<Corpus.Item> items, Map<Integer, String> numbers) {
		var registration = ctx.getBean(PetitionRegistration.class);
		var registrar = ctx.getBean(Accounts.class).actorByUsername("city.registrar").orElseThrow();
		Random rnd = new Random(480);
		OffsetDateTime start = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i);
			String id = IdNumber.withCheckCharacter(item.county() + (1950 + rnd.nextInt(50))
					+ String.format("%02d%02d%03d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(1000)));
			var person = new RegisterPetition.PetitionerInput("王" + "建国秀英志强".charAt(i % 6) + "明", id,
					"139" + String.format("%08d", rnd.nextInt(100_000_000)), null, true);
			OffsetDateTime at = start.plus(Duration.ofHours(12L * i));
			var cmd = new RegisterPetition("LETTER", at, item.county(), item.title(), item.content(), null, null, null,
					List.of(person), 1, null, null);
			numbers.put(i, registration.registerAt(cmd, List.of(), registrar, at.toInstant()).petition().number());
		}
		System.out.println("registered the " + items.size() + " corpus petitions");
	}

	/** The background: LoadDriver's registrations through the API, after the originals. */
	static void loadBackground(int n) throws Exception {
		long t0 = System.nanoTime();
		Process p = new ProcessBuilder("java", "bench/LoadDriver.java", "--url", "http://127.0.0.1:18392", "--clients", "8",
				"--seconds", "100000", "--warmup", "0", "--max-requests", String.valueOf(n))
			.redirectOutput(new File("/dev/null"))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (p.waitFor() != 0) {
			throw new IllegalStateException("LoadDriver failed: " + p.exitValue());
		}
		System.out.printf("background: %d registrations through the API in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
	}

	/** The budgets compared: an exhaustive lookup (the reference), the case page's, the registration's and smaller ones. */
	static final Map<String, Duplicates.Budget> BUDGETS = budgets();

	private static Map<String, Duplicates.Budget> budgets() {
		Map<String, Duplicates.Budget> b = new LinkedHashMap<>();
		b.put("exhaustive (64 words, all rows, 1000 scored)", new Duplicates.Budget(64, 100_000_000, 1000));
		b.put("case page before (16, 15000, 200)", Duplicates.Budget.of(Duplicates.TEXT_CANDIDATES));
		b.put("case page now (24, 15000, 200)", Duplicates.Budget.FULL);
		b.put("registration before (16, 3750, 50)", Duplicates.Budget.of(50));
		b.put("registration until 2026-12-07 19:00 (24, 1000, 30)", new Duplicates.Budget(24, 1_000, 30));
		b.put("registration until 2026-12-07 21:00 (24, 600, 30)", new Duplicates.Budget(24, 600, 30));
		b.put("registration now (24, 300, 20)", Duplicates.SUGGESTIONS);
		b.put("16 words, 2000 rows, 50", new Duplicates.Budget(16, 2_000, 50));
		b.put("16 words, 1000 rows, 30", new Duplicates.Budget(16, 1_000, 30));
		b.put("24 words, 3750 rows, 50", new Duplicates.Budget(24, 3_750, 50));
		b.put("24 words, 2000 rows, 50", new Duplicates.Budget(24, 2_000, 50));
		b.put("24 words, 1000 rows, 50", new Duplicates.Budget(24, 1_000, 50));
		b.put("32 words, 2000 rows, 50", new Duplicates.Budget(32, 2_000, 50));
		b.put("12 words, 2000 rows, 50", new Duplicates.Budget(12, 2_000, 50));
		b.put("24 words, 1000 rows, 20", new Duplicates.Budget(24, 1_000, 20));
		b.put("24 words, 600 rows, 20", new Duplicates.Budget(24, 600, 20));
		b.put("24 words, 400 rows, 20", new Duplicates.Budget(24, 400, 20));
		b.put("24 words, 400 rows, 15", new Duplicates.Budget(24, 400, 15));
		b.put("24 words, 300 rows, 20", new Duplicates.Budget(24, 300, 20));
		b.put("24 words, 300 rows, 15", new Duplicates.Budget(24, 300, 15));
		b.put("24 words, 300 rows, 10", new Duplicates.Budget(24, 300, 10));
		return b;
	}

	/** LoadDriver's petition as JSON (compiled from bench/ by the script, a class of the default package). */
	static String loadDriverJson(int seed) {
		try {
			var m = Class.forName("LoadDriver$Petitions").getDeclaredMethod("randomJson",
					java.util.concurrent.ThreadLocalRandom.class);
			m.setAccessible(true);
			return (String) m.invoke(null, java.util.concurrent.ThreadLocalRandom.current());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("bench/LoadDriver.java is not on the class path", ex);
		}
	}

	static void evaluate(Duplicates duplicates, List<Corpus.Item> items, Map<Integer, String> numbers) {
		List<RepeatEvaluation.Question> tuning = new ArrayList<>(RepeatEvaluation.sameIdRepeats());
		tuning.addAll(RepeatEvaluation.file("/corpus/repeats-dev.jsonl"));
		List<RepeatEvaluation.Question> heldOut = new ArrayList<>();
		for (String f : List.of("", "2", "3", "4")) {
			heldOut.addAll(RepeatEvaluation.file("/corpus/repeats-heldout" + f + ".jsonl"));
		}
		System.out.println("== the tuning set (repeats.jsonl and repeats-dev.jsonl)");
		evaluate(duplicates, items, numbers, tuning);
		System.out.println("== the four held-out sets");
		evaluate(duplicates, items, numbers, heldOut);
		List<RepeatEvaluation.Question> both = new ArrayList<>(tuning);
		both.addAll(heldOut);
		grouping(duplicates, items, numbers, both);
	}

	/** The indexer's grouping budgets compared (CollectiveMatters): the exhaustive one first. */
	static final Map<String, Duplicates.Budget> GROUPING_BUDGETS = groupingBudgets();

	private static Map<String, Duplicates.Budget> groupingBudgets() {
		Map<String, Duplicates.Budget> b = new LinkedHashMap<>();
		b.put("exhaustive (64 words, all rows, 1000 scored)", new Duplicates.Budget(64, 100_000_000, 1000));
		b.put("grouping now", CollectiveMatters.GROUPING_BUDGET);
		b.put("16 words, 2000 rows, 20", new Duplicates.Budget(16, 2_000, 20));
		b.put("16 words, 1000 rows, 20", new Duplicates.Budget(16, 1_000, 20));
		b.put("Budget.of(20), the grouping's budget before", Duplicates.Budget.of(20));
		b.put("16 words, 300 rows, 20", new Duplicates.Budget(16, 300, 20));
		b.put("16 words, 300 rows, 10", new Duplicates.Budget(16, 300, 10));
		b.put("16 words, 300 rows, 5", new Duplicates.Budget(16, 300, 5));
		return b;
	}

	/**
	 * Collective matters: every positive question by other people that names a target, as the indexer
	 * groups it (its county, its targets, NO_ACCUSER_LINKS): whether its original is the match it
	 * would join (the same place and target, at the grouping score, not the same person).
	 */
	static void grouping(Duplicates duplicates, List<Corpus.Item> items, Map<Integer, String> numbers,
			List<RepeatEvaluation.Question> all) {
		List<RepeatEvaluation.Question> questions = new ArrayList<>();
		List<Duplicates.Subject> subjects = new ArrayList<>();
		long id = -1;
		for (var q : all) {
			Fingerprint f = Fingerprint.of(q.title(), q.content());
			if (q.kind() != RepeatEvaluation.Kind.OTHER_PERSON || f.entities().length == 0) {
				continue;
			}
			String county = RepeatEvaluation.countyNamed(q.title() + "。" + q.content())
				.orElse(items.get(q.originalIndex()).county());
			questions.add(q);
			subjects.add(new Duplicates.Subject(id--, f, List.of(), county, null, false));
		}
		System.out.printf("== grouping: %d questions by other people naming a target (tuning and held-out sets)%n",
				questions.size());
		System.out.println("budget | joins its original | the same join as exhaustive | ms per matter (batch of all)");
		Map<Long, String> reference = null;
		for (var e : GROUPING_BUDGETS.entrySet()) {
			long t = System.nanoTime();
			var found = duplicates.sameTargetAll(subjects, 5, CollectiveMatters.GROUPING_SCORE, e.getValue());
			double ms = (System.nanoTime() - t) / 1e6 / subjects.size();
			Map<Long, String> joins = new LinkedHashMap<>();
			int right = 0;
			for (int i = 0; i < subjects.size(); i++) {
				var join = found.getOrDefault(subjects.get(i).id(), List.of())
					.stream()
					.filter(f -> f.match().reasons().contains(Reason.SAME_PLACE_AND_TARGET)
							&& f.match().score() >= CollectiveMatters.GROUPING_SCORE)
					.findFirst()
					.map(f -> f.match().number())
					.orElse("");
				joins.put(subjects.get(i).id(), join);
				right += join.equals(numbers.get(questions.get(i).originalIndex())) ? 1 : 0;
			}
			if (reference == null) {
				reference = joins;
			}
			int same = 0;
			for (var j : joins.entrySet()) {
				same += j.getValue().equals(reference.get(j.getKey())) ? 1 : 0;
			}
			System.out.printf("%s | %d/%d | %d/%d | %.2f%n", e.getKey(), right, subjects.size(), same, subjects.size(), ms);
		}
	}

	static void evaluate(Duplicates duplicates, List<Corpus.Item> items, Map<Integer, String> numbers,
			List<RepeatEvaluation.Question> all) {
		List<RepeatEvaluation.Question> questions = all.stream().filter(q -> q.kind() != RepeatEvaluation.Kind.NEGATIVE).toList();
		DataScope city = DataScope.region("4307");
		List<Duplicates.Subject> subjects = new ArrayList<>();
		for (var q : questions) {
			String county = RepeatEvaluation.countyNamed(q.title() + "。" + q.content())
				.orElse(items.get(q.originalIndex()).county());
			subjects.add(new Duplicates.Subject(-1, Fingerprint.of(q.title(), q.content()), List.of(), county, null, false));
		}
		// warm-up: one pass with the largest budget (caches, JIT, the database's buffers)
		subjects.forEach(s -> duplicates.find(s, city, 10, 0.0, Duplicates.Linking.ALL, Duplicates.Budget.FULL));
		System.out.printf("%d positive questions; the original among a budget's ten best:%n",
				questions.size());
		System.out.println("budget | found (any score) | suggested (>= threshold) | same top-5 as exhaustive | same suggestions"
				+ " as exhaustive | ms per lookup p50 / p95 | on LoadDriver's texts: ms p50 / p95");
		List<Duplicates.Subject> everyday = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(loadDriverJson(i));
			everyday.add(new Duplicates.Subject(-1, Fingerprint.of(json.get("title").asString(), json.get("content").asString()),
					List.of(), json.get("regionCode").asString(), null, false));
		}
		everyday.forEach(s -> duplicates.find(s, city, 10, 0.0, Duplicates.Linking.ALL, Duplicates.SUGGESTIONS));
		List<List<String>> reference = null;
		List<java.util.Set<String>> referenceSuggested = null;
		for (var e : BUDGETS.entrySet()) {
			int found = 0, suggested = 0, sameTop = 0, sameSuggested = 0;
			List<java.util.Set<String>> suggestedSets = new ArrayList<>();
			double[] ms = new double[subjects.size()];
			List<List<String>> tops = new ArrayList<>();
			for (int i = 0; i < subjects.size(); i++) {
				long t = System.nanoTime();
				var matches = duplicates.find(subjects.get(i), city, 10, 0.0, Duplicates.Linking.ALL, e.getValue());
				ms[i] = (System.nanoTime() - t) / 1e6;
				String original = numbers.get(questions.get(i).originalIndex());
				var own = matches.stream().filter(m -> m.number().equals(original)).findFirst();
				found += own.isPresent() ? 1 : 0;
				suggested += own.filter(m -> m.score() >= DuplicateScore.THRESHOLD).isPresent() ? 1 : 0;
				List<String> top = matches.stream().limit(5).map(Duplicates.Match::number).toList();
				tops.add(top);
				var shown = matches.stream().filter(m -> m.score() >= DuplicateScore.THRESHOLD).map(Duplicates.Match::number)
					.collect(java.util.stream.Collectors.toSet());
				suggestedSets.add(shown);
				if (reference != null && reference.get(i).equals(top)) {
					sameTop++;
				}
				if (referenceSuggested != null && referenceSuggested.get(i).equals(shown)) {
					sameSuggested++;
				}
			}
			if (reference == null) {
				reference = tops;
				referenceSuggested = suggestedSets;
				sameTop = subjects.size();
				sameSuggested = subjects.size();
			}
			Arrays.sort(ms);
			double[] ems = new double[everyday.size()];
			for (int i = 0; i < everyday.size(); i++) {
				long t = System.nanoTime();
				duplicates.find(everyday.get(i), city, 10, 0.0, Duplicates.Linking.ALL, e.getValue());
				ems[i] = (System.nanoTime() - t) / 1e6;
			}
			Arrays.sort(ems);
			System.out.printf("%s | %d/%d | %d/%d | %d/%d | %d/%d | %.2f / %.2f | %.2f / %.2f%n", e.getKey(), found,
					subjects.size(), suggested, subjects.size(), sameTop, subjects.size(), sameSuggested, subjects.size(),
					ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ems[ems.length / 2], ems[(int) (ems.length * 0.95)]);
		}
	}

}
