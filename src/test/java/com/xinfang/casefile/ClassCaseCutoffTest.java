package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 类案 cut-off ({@link ClassCases#CLASS_SCORE}) chosen on labelled groupings
 * ({@code corpus/class-cases.jsonl}: 11 类案 of 4 letters each (5 tuning, 6 held-out), a corpus petition and three letters by
 * other people about the same target and problem, plus 10 hard negatives: the same developer, park or
 * town with another problem, or the same problem about another target). The file was split into a
 * tuning and a held-out half (field {@code half}, by 类案) when it was written, before anything was
 * measured. The rule, fixed beforehand: the cut-off among 0.20, 0.25 … 0.70 with the highest pairwise
 * F1 on the tuning half (ties: the higher cut-off); the held-out half is measured once at that value.
 *
 * <p>Grouping is {@link ClassCases#assign}'s rule replayed in memory: the 480 corpus petitions first
 * (as earlier matters), then the half's letters in file order; a matter joins the 类案 of the best
 * earlier matter of its county that scores at least the cut-off, shares a named target and has its
 * category, else two such matters start one; accusations never join. Simplifications: every earlier
 * matter of the county is scored (the product scores its 20 best text candidates), and the word
 * weights are those of the whole evaluation set. Pairwise figures are over pairs with at least one
 * labelled matter; a corpus petition not in the file is a 类案 of its own.
 */
class ClassCaseCutoffTest {

	record Doc(String category, String county, boolean accusation, Fingerprint print, String group) {
	}

	record Figures(double cut, int tp, int fp, int fn, int backgroundPairs, int classes) {

		double precision() {
			return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
		}

		double recall() {
			return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
		}

		double f1() {
			double p = precision(), r = recall();
			return tp == 0 ? 0 : 2 * p * r / (p + r);
		}

		@Override
		public String toString() {
			return String.format("cut-off %.2f: pairwise precision %d/%d = %.3f, recall %d/%d = %.3f, F1 %.3f"
					+ " (类案 formed %d; pairs of two unlabelled corpus petitions grouped %d)", cut, tp, tp + fp, precision(), tp,
					tp + fn, recall(), f1(), classes, backgroundPairs);
		}
	}

	@Test
	void theCutOffIsTheOneTheTuningHalfPicksAndTheHeldOutHalfIsMeasured() {
		Figures best = null;
		for (int c = 20; c <= 70; c += 5) {
			Figures f = evaluate("tune", c / 100.0);
			System.out.println("类案 tuning half, " + f);
			if (best == null || f.f1() >= best.f1()) {
				best = f;
			}
		}
		System.out.println("类案 cut-off chosen on the tuning half: " + best);
		Figures heldOut = evaluate("test", best.cut());
		System.out.println("类案 held-out half (measured once, at the chosen cut-off, joining through a shared target only): " + heldOut);
		assertThat(ClassCases.CLASS_SCORE).isEqualTo(best.cut());
		// what the held-out half reached when first measured (precision 15/15, recall 15/36): floors, not goals
		assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.95);
		assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.40);
	}

	static Figures evaluate(String half, double cut) {
		return evaluate(half, cut, Double.POSITIVE_INFINITY);
	}

	/**
	 * Joining without a shared named target ({@link ClassCases#UNTARGETED_SCORE}), chosen after the cut-off
	 * by the same rule on the tuning half (cut-off kept), among 0.35 … 0.80 and never (∞). First measured
	 * on the held-out half at the commit that added it: see the assertions' comment.
	 */
	@Test
	void theUntargetedScoreIsTheOneTheTuningHalfPicksAndTheHeldOutHalfIsMeasured() {
		double cut = ClassCases.CLASS_SCORE;
		Figures best = evaluate("tune", cut, Double.POSITIVE_INFINITY);
		double chosen = Double.POSITIVE_INFINITY;
		System.out.println("类案 tuning half, joining without a shared target never: " + best);
		for (double u : new double[] { 0.80, 0.70, 0.60, 0.55, 0.50, 0.45, 0.40, 0.35 }) {
			Figures f = evaluate("tune", cut, u);
			System.out.println("类案 tuning half, joining without a shared target at " + u + ": " + f);
			if (f.f1() > best.f1() || f.f1() == best.f1() && u > chosen) {
				best = f;
				chosen = u;
			}
		}
		Figures heldOut = evaluate("test", cut, chosen);
		System.out.println("类案 untargeted score chosen on the tuning half " + chosen + ": " + best);
		System.out.println("类案 held-out half at cut-off " + cut + ", untargeted " + chosen + ": " + heldOut);
		assertThat(ClassCases.UNTARGETED_SCORE).isEqualTo(chosen);
		// measured on the held-out half 2026-12-07 07:38 UTC (branch text3): precision 19/19, recall 19/36 =
		// 0.528 (15/36 joining through a shared target only). The half had been measured before with the
		// target-only rule, so it is not untouched; the rule was chosen on the tuning half alone. Floors,
		// not goals:
		assertThat(heldOut.precision()).isGreaterThanOrEqualTo(0.95);
		assertThat(heldOut.recall()).isGreaterThanOrEqualTo(0.52);
	}

	static Figures evaluate(String half, double cut, double untargeted) {
		List<Doc> docs = docs(half);
		Map<Integer, Integer> df = new HashMap<>();
		for (Doc d : docs) {
			for (int t : d.print().terms()) {
				df.merge(t, 1, Integer::sum);
			}
		}
		TermWeights weights = new TermWeights() {
			public long documents() {
				return docs.size();
			}

			public int frequency(int term) {
				return df.getOrDefault(term, 0);
			}
		};
		int[] classOf = new int[docs.size()];
		java.util.Arrays.fill(classOf, -1);
		int classes = 0;
		for (int k = 0; k < docs.size(); k++) {
			Doc d = docs.get(k);
			// a matter naming no target can join only without a shared target
			if (d.accusation() || d.print().entities().length == 0 && untargeted > 1) {
				continue;
			}
			List<double[]> matches = new ArrayList<>();
			for (int j = 0; j < k; j++) {
				if (docs.get(j).county().equals(d.county())) {
					double s = DuplicateScore.of(d.print(), docs.get(j).print(), weights, true, false, false);
					if (s > cut) {
						matches.add(new double[] { s, j });
					}
				}
			}
			matches.sort(Comparator.comparingDouble((double[] m) -> m[0]).reversed());
			int partner = -1;
			boolean joined = false;
			for (double[] m : matches.subList(0, Math.min(10, matches.size()))) {
				Doc o = docs.get((int) m[1]);
				if (Fingerprint.common(d.print().entities(), o.print().entities()) == 0 && m[0] < untargeted || o.accusation()
						|| !o.category().equals(d.category())) {
					continue;
				}
				if (classOf[(int) m[1]] >= 0) {
					classOf[k] = classOf[(int) m[1]];
					joined = true;
					break;
				}
				if (partner < 0) {
					partner = (int) m[1];
				}
			}
			if (!joined && partner >= 0) {
				classOf[partner] = classes;
				classOf[k] = classes;
				classes++;
			}
		}
		int tp = 0, fp = 0, fn = 0, background = 0;
		for (int a = 0; a < docs.size(); a++) {
			for (int b = a + 1; b < docs.size(); b++) {
				String ga = docs.get(a).group(), gb = docs.get(b).group();
				boolean together = classOf[a] >= 0 && classOf[a] == classOf[b];
				if (ga == null && gb == null) {
					background += together ? 1 : 0;
					continue;
				}
				boolean truth = ga != null && ga.equals(gb);
				tp += truth && together ? 1 : 0;
				fp += !truth && together ? 1 : 0;
				fn += truth && !together ? 1 : 0;
			}
		}
		return new Figures(cut, tp, fp, fn, background, classes);
	}

	/** The 480 corpus petitions, then the half's letters; the half's labels on both. */
	static List<Doc> docs(String half) {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> corpus = lines(json, "/corpus/petitions.jsonl");
		List<JsonNode> labelled = lines(json, "/corpus/class-cases.jsonl").stream()
			.filter(n -> n.get("half").asString().equals(half))
			.toList();
		Map<Integer, String> anchors = new HashMap<>();
		for (JsonNode n : labelled) {
			if (n.has("corpusIndex")) {
				anchors.put(n.get("corpusIndex").asInt(), n.get("group").asString());
			}
		}
		List<Doc> docs = new ArrayList<>();
		for (int i = 0; i < corpus.size(); i++) {
			docs.add(doc(corpus.get(i), anchors.get(i)));
		}
		for (JsonNode n : labelled) {
			if (!n.has("corpusIndex")) {
				docs.add(doc(n, n.get("group").asString()));
			}
		}
		return docs;
	}

	private static Doc doc(JsonNode n, String group) {
		return new Doc(n.get("category").asString(), n.get("county").asString(), "ACCUSATION".equals(n.get("kind").asString()),
				Fingerprint.of(n.get("title").asString(), n.get("content").asString()), group);
	}

	private static List<JsonNode> lines(JsonMapper json, String resource) {
		List<JsonNode> out = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(ClassCaseCutoffTest.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					out.add(json.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

}
