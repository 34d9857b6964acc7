package com.xinfang.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recall@5 by kind of repeat and precision / recall per band ({@link DuplicateScore.Band}) of the
 * duplicate score, on the 480 corpus petitions and a file of questions: repeats by the same person,
 * by other people (the same target and place), by the same ID number under another name, and hard
 * negatives (the same target, another problem). Each corpus petition gets a petitioner of its own
 * (ID "ID-i"); a question by another person has an ID of its own. Scoring is the product's
 * ({@link DuplicateScore#of}), over every corpus petition (no candidate cut-off: the index lookup
 * is measured by the benchmark, not here).
 *
 * <p>A question is registered in the county its text names first (as a registrar records the
 * 属地 from the letter), else in its original's county. Until the rule of the same place for 很可能
 * (after heldout2's measurement) every question counted as registered in its original's county,
 * which made the same complaint from another county (高龄津贴 in 汉寿县 and in 安乡县) look local.
 */
final class RepeatEvaluation {

	enum Kind {

		SAME_PERSON, OTHER_PERSON, SAME_ID_OTHER_NAME, NEGATIVE

	}

	record Question(int originalIndex, Kind kind, String originalName, String name, String title, String content) {
	}

	record Result(Map<Kind, int[]> recall, int likelyPairs, int likelyRight, int possiblePairs, int possibleRight,
			int positives, int originalLikely, int originalSuggested, int negatives, int negativesLikely, List<String> lines) {

		double recallAt5(Kind k) {
			int[] r = recall.get(k);
			return r == null || r[1] == 0 ? Double.NaN : (double) r[0] / r[1];
		}

		double likelyPrecision() {
			return likelyPairs == 0 ? Double.NaN : (double) likelyRight / likelyPairs;
		}

		double possiblePrecision() {
			return possiblePairs == 0 ? Double.NaN : (double) possibleRight / possiblePairs;
		}

		String summary() {
			StringBuilder out = new StringBuilder();
			for (Kind k : Kind.values()) {
				int[] r = recall.get(k);
				if (r != null && k != Kind.NEGATIVE) {
					out.append(String.format("recall@5 %s %d/%d = %.3f; ", k, r[0], r[1], recallAt5(k)));
				}
			}
			out.append(String.format("很可能 precision %d/%d = %.3f, recall %d/%d = %.3f; 可能相关 precision %d/%d = %.3f;"
					+ " suggested (either band) recall %d/%d = %.3f; hard negatives in 很可能 %d/%d", likelyRight, likelyPairs,
					likelyPrecision(), originalLikely, positives, (double) originalLikely / positives, possibleRight,
					possiblePairs, possiblePrecision(), originalSuggested, positives, (double) originalSuggested / positives,
					negativesLikely, negatives));
			return out.toString();
		}
	}

	private static final String[] NAMES = { "王建国", "李秀英", "张志强", "刘美华", "陈德胜", "杨世福", "黄晓明", "赵丽娟", "吴桂兰",
			"周国平", "徐海燕", "孙春梅", "马文杰", "朱子涵", "胡浩然", "郭雨轩" };

	static List<Question> sameIdRepeats() {
		List<Question> out = new ArrayList<>();
		for (var r : Corpus.repeats()) {
			out.add(new Question(r.originalIndex(), Kind.SAME_PERSON, null, null, r.title(), r.content()));
		}
		return out;
	}

	static List<Question> file(String resource) {
		List<Question> out = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		try (var in = new BufferedReader(new InputStreamReader(RepeatEvaluation.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					JsonNode n = json.readTree(line);
					out.add(new Question(n.get("originalIndex").asInt(), Kind.valueOf(n.get("kind").asString()),
							n.has("originalName") ? n.get("originalName").asString() : null,
							n.has("name") ? n.get("name").asString() : null, n.get("title").asString(),
							n.get("content").asString()));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

	static Result run(List<Question> questions) {
		var items = Corpus.petitions();
		List<Fingerprint> prints = new ArrayList<>();
		Map<Integer, Integer> df = new HashMap<>();
		for (var item : items) {
			Fingerprint f = Fingerprint.of(item.title(), item.content());
			prints.add(f);
			for (int t : f.terms()) {
				df.merge(t, 1, Integer::sum);
			}
		}
		TermWeights weights = new TermWeights() {
			public long documents() {
				return items.size();
			}

			public int frequency(int term) {
				return df.getOrDefault(term, 0);
			}
		};
		Map<Integer, String> namesOf = new HashMap<>();
		for (Question q : questions) {
			if (q.originalName() != null) {
				namesOf.put(q.originalIndex(), q.originalName());
			}
		}
		List<IdentityRule.Person> people = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			people.add(new IdentityRule.Person(namesOf.getOrDefault(i, NAMES[i % NAMES.length]), "ID-" + i, null));
		}
		Map<Kind, int[]> recall = new EnumMap<>(Kind.class);
		int likelyPairs = 0, likelyRight = 0, possiblePairs = 0, possibleRight = 0, positives = 0, originalLikely = 0,
				originalSuggested = 0, negatives = 0, negativesLikely = 0;
		List<String> lines = new ArrayList<>();
		int qn = 0;
		for (Question q : questions) {
			qn++;
			var original = items.get(q.originalIndex());
			IdentityRule.Person asker = switch (q.kind()) {
				case SAME_PERSON -> people.get(q.originalIndex());
				case SAME_ID_OTHER_NAME -> new IdentityRule.Person(q.name(), "ID-" + q.originalIndex(), null);
				default -> new IdentityRule.Person(NAMES[(qn * 7) % NAMES.length], "Q-" + qn, null);
			};
			Fingerprint f = Fingerprint.of(q.title(), q.content());
			String county = countyNamed(q.title() + "。" + q.content()).orElse(original.county());
			double[] scores = new double[items.size()];
			for (int i = 0; i < items.size(); i++) {
				boolean samePlace = items.get(i).county().equals(county);
				scores[i] = DuplicateScore.of(f, prints.get(i), weights, samePlace, false,
						IdentityRule.samePerson(asker, people.get(i)));
			}
			Integer[] order = new Integer[items.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
			boolean positive = q.kind() != Kind.NEGATIVE;
			int rank = 1;
			for (double s : scores) {
				if (s > scores[q.originalIndex()]) {
					rank++;
				}
			}
			double own = scores[q.originalIndex()];
			if (positive) {
				positives++;
				int[] r = recall.computeIfAbsent(q.kind(), k -> new int[2]);
				r[0] += rank <= 5 ? 1 : 0;
				r[1]++;
				if (rank <= 5 && DuplicateScore.band(own) == DuplicateScore.Band.LIKELY) {
					originalLikely++;
				}
				if (rank <= 5 && own >= DuplicateScore.THRESHOLD) {
					originalSuggested++;
				}
			}
			else {
				negatives++;
				negativesLikely += DuplicateScore.band(own) == DuplicateScore.Band.LIKELY ? 1 : 0;
			}
			for (int k = 0; k < 5; k++) {
				int i = order[k];
				if (scores[i] < DuplicateScore.THRESHOLD) {
					break;
				}
				boolean right = positive && i == q.originalIndex();
				if (DuplicateScore.band(scores[i]) == DuplicateScore.Band.LIKELY) {
					likelyPairs++;
					likelyRight += right ? 1 : 0;
				}
				else {
					possiblePairs++;
					possibleRight += right ? 1 : 0;
				}
			}
			lines.add(String.format("%-18s orig %3d rank %3d own %.3f best-other %.3f (%d) %s", q.kind(), q.originalIndex(), rank,
					own, scores[order[0]] == own && order[0] == q.originalIndex() ? scores[order[1]] : scores[order[0]],
					order[0] == q.originalIndex() ? order[1] : order[0], q.title()));
		}
		return new Result(recall, likelyPairs, likelyRight, possiblePairs, possibleRight, positives, originalLikely,
				originalSuggested, negatives, negativesLikely, lines);
	}

	/** Changde's counties by name (临澧县 before 澧县, which it contains). */
	private static final Map<String, String> COUNTIES = new LinkedHashMap<>();

	static {
		COUNTIES.put("临澧县", "430724");
		COUNTIES.put("武陵区", "430702");
		COUNTIES.put("鼎城区", "430703");
		COUNTIES.put("安乡县", "430721");
		COUNTIES.put("汉寿县", "430722");
		COUNTIES.put("澧县", "430723");
		COUNTIES.put("桃源县", "430725");
		COUNTIES.put("石门县", "430726");
		COUNTIES.put("津市市", "430781");
	}

	/** The code of the county a text names first, if any. */
	static Optional<String> countyNamed(String text) {
		String masked = text.replace("临澧县", "临##");
		int best = Integer.MAX_VALUE;
		String code = null;
		for (var e : COUNTIES.entrySet()) {
			int at = e.getKey().equals("临澧县") ? text.indexOf("临澧县") : masked.indexOf(e.getKey());
			if (at >= 0 && at < best) {
				best = at;
				code = e.getValue();
			}
		}
		return Optional.ofNullable(code);
	}

	private RepeatEvaluation() {
	}

}
