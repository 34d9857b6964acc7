package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The duplicate detector's quality on the corpus: each repeat against the 480 petitions. Prints
 * the figures (README: "Duplicate detection quality"); fails below the floors the issue sets.
 */
class DuplicateQualityTest {

	@Test
	void repeatsFindTheirOriginalAndUnrelatedMattersStayBelowTheThreshold() {
		var items = Corpus.petitions();
		var repeats = Corpus.repeats();
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
		int top1 = 0, top5 = 0, unrelated = 0, unrelatedBelow = 0, originalAbove = 0;
		List<String> misses = new ArrayList<>();
		List<Double> ownScores = new ArrayList<>(), otherScores = new ArrayList<>();
		for (var repeat : repeats) {
			Fingerprint q = Fingerprint.of(repeat.title(), repeat.content());
			double[] scores = new double[items.size()];
			for (int i = 0; i < items.size(); i++) {
				// the product's score, text and target only (no identity: the hardest case)
				scores[i] = DuplicateScore.of(q, prints.get(i), weights,
						items.get(i).county().equals(items.get(repeat.originalIndex()).county()), false, false);
			}
			double own = scores[repeat.originalIndex()];
			ownScores.add(own);
			int rank = 1;
			for (double s : scores) {
				if (s > own) {
					rank++;
				}
			}
			top1 += rank == 1 ? 1 : 0;
			top5 += rank <= 5 ? 1 : 0;
			originalAbove += own >= DuplicateScore.THRESHOLD ? 1 : 0;
			if (rank > 5) {
				misses.add(repeat.originalIndex() + " rank " + rank + " score " + String.format("%.2f", own));
			}
			var original = items.get(repeat.originalIndex());
			for (int i = 0; i < items.size(); i++) {
				var other = items.get(i);
				if (i != repeat.originalIndex() && other.category().equals(original.category())
						&& other.county().equals(original.county())) {
					unrelated++;
					otherScores.add(scores[i]);
					unrelatedBelow += scores[i] < DuplicateScore.THRESHOLD ? 1 : 0;
				}
			}
		}
		Collections.sort(ownScores);
		Collections.sort(otherScores);
		System.out.println("original scores (deciles): " + deciles(ownScores) + "; unrelated (deciles): " + deciles(otherScores));
		double r1 = (double) top1 / repeats.size(), r5 = (double) top5 / repeats.size();
		double below = (double) unrelatedBelow / unrelated, above = (double) originalAbove / repeats.size();
		System.out.printf("duplicate quality: %d repeats, original first %.3f, in top 5 %.3f, original at or above threshold %.3f;"
				+ " %d unrelated same-category same-county pairs, below threshold %.3f (threshold %.2f)%n", repeats.size(), r1, r5,
				above, unrelated, below, DuplicateScore.THRESHOLD);
		System.out.printf("unrelated same-category same-county pairs in the 很可能 band (>= %.2f): %d of %d%n", DuplicateScore.LIKELY,
				otherScores.stream().filter(x -> x >= DuplicateScore.LIKELY).count(), otherScores.size());
		misses.forEach(m -> System.out.println("  missed: original " + m));
		assertThat(r5).isGreaterThanOrEqualTo(0.95);
		assertThat(below).isGreaterThanOrEqualTo(0.90);
	}

	private static String deciles(List<Double> sorted) {
		StringBuilder out = new StringBuilder();
		for (int d = 0; d <= 10; d++) {
			int i = Math.min(sorted.size() - 1, d * (sorted.size() - 1) / 10);
			out.append(String.format("%.2f ", sorted.get(i)));
		}
		return out.toString().strip();
	}

}
