package com.xinfang.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Trains on the training files and measures on the held-out file: category top-1 and top-3
 * accuracy, kind and legal-channel accuracy, per-category recall and a confusion table.
 * {@code ClassifierQualityTest} runs it (see the README, "Text intelligence").
 */
public final class ClassifierEvaluation {

	private ClassifierEvaluation() {
	}

	public static void main(String[] args) {
		Report report = run(Corpus.training(), Corpus.heldOut());
		System.out.println(report.text());
		if (args.length > 0 && args[0].equals("--cv")) {
			System.out.println(crossValidation(Corpus.training(), 5));
		}
	}

	/**
	 * k-fold cross-validation on the training files alone (seeded shuffle): a second, harsher view,
	 * since the training files mix several writing styles and the borderline cases.
	 */
	public static String crossValidation(List<LabelledPetition> corpus, int folds) {
		List<LabelledPetition> all = new ArrayList<>(corpus);
		Collections.shuffle(all, new Random(7));
		int n = 0;
		int top1 = 0;
		int top3 = 0;
		int kind = 0;
		for (int f = 0; f < folds; f++) {
			List<LabelledPetition> train = new ArrayList<>();
			List<LabelledPetition> test = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				(i % folds == f ? test : train).add(all.get(i));
			}
			PetitionClassifier c = PetitionClassifier.train(train);
			for (LabelledPetition p : test) {
				var r = c.classify(p.title(), p.content());
				n++;
				top1 += r.categories().get(0).value().equals(p.category()) ? 1 : 0;
				top3 += r.categories().stream().limit(3).anyMatch(s -> s.value().equals(p.category())) ? 1 : 0;
				kind += r.bestKind().value().equals(p.kind()) ? 1 : 0;
			}
		}
		return String.format("%d-fold cross-validation on the %d training texts: category top-1 %.3f  top-3 %.3f  kind %.3f",
				folds, n, ratio(top1, n), ratio(top3, n), ratio(kind, n));
	}

	public static Report run(List<LabelledPetition> training, List<LabelledPetition> test) {
		long start = System.nanoTime();
		PetitionClassifier classifier = PetitionClassifier.train(training);
		long trained = System.nanoTime();
		List<String> categories = new ArrayList<>();
		for (LabelledPetition p : training) {
			if (!categories.contains(p.category())) {
				categories.add(p.category());
			}
		}
		int top1 = 0;
		int top3 = 0;
		int kind = 0;
		int channel = 0;
		Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
		categories.forEach(c -> confusion.put(c, new LinkedHashMap<>()));
		List<String> misses = new ArrayList<>();
		for (LabelledPetition p : test) {
			var prediction = classifier.classify(p.title(), p.content());
			String best = prediction.categories().get(0).value();
			if (best.equals(p.category())) {
				top1++;
			}
			else {
				misses.add(p.category() + " → " + best + "  " + (p.title() == null ? "" : p.title()));
			}
			if (prediction.categories().stream().limit(3).anyMatch(s -> s.value().equals(p.category()))) {
				top3++;
			}
			if (prediction.bestKind().value().equals(p.kind())) {
				kind++;
			}
			String expectedChannel = p.legalChannel() == null ? PetitionClassifier.NO_CHANNEL : p.legalChannel();
			if (prediction.bestLegalChannel().value().equals(expectedChannel)) {
				channel++;
			}
			confusion.computeIfAbsent(p.category(), c -> new LinkedHashMap<>()).merge(best, 1, Integer::sum);
		}
		long done = System.nanoTime();
		int n = test.size();
		StringBuilder out = new StringBuilder();
		out.append(String.format("训练 %d 条，评估（留出集）%d 条；训练 %.1f s，分类 %.1f ms/条%n", training.size(), n,
				(trained - start) / 1e9, n == 0 ? 0 : (done - trained) / 1e6 / n));
		double acc1 = ratio(top1, n);
		double acc3 = ratio(top3, n);
		double kindAcc = ratio(kind, n);
		double channelAcc = ratio(channel, n);
		out.append(String.format("category top-1 %.3f  top-3 %.3f  kind %.3f  legalChannel %.3f%n", acc1, acc3, kindAcc,
				channelAcc));
		Map<String, Double> recall = new LinkedHashMap<>();
		out.append("per-category recall:\n");
		for (String c : confusion.keySet()) {
			Map<String, Integer> row = confusion.get(c);
			int total = row.values().stream().mapToInt(Integer::intValue).sum();
			double r = ratio(row.getOrDefault(c, 0), total);
			recall.put(c, r);
			out.append(String.format("  %-10s %.2f (%d/%d)%n", c, r, row.getOrDefault(c, 0), total));
		}
		out.append("confusion (rows: true, columns: predicted):\n");
		out.append(String.format("%-10s", ""));
		for (String c : confusion.keySet()) {
			out.append(String.format("%5s", abbreviation(c)));
		}
		out.append('\n');
		for (var row : confusion.entrySet()) {
			out.append(String.format("%-10s", row.getKey()));
			for (String c : confusion.keySet()) {
				int v = row.getValue().getOrDefault(c, 0);
				out.append(String.format("%5s", v == 0 ? "." : String.valueOf(v)));
			}
			out.append('\n');
		}
		out.append("misclassified (true → predicted):\n");
		misses.forEach(m -> out.append("  ").append(m).append('\n'));
		return new Report(n, acc1, acc3, kindAcc, channelAcc, recall, out.toString());
	}

	private static String abbreviation(String code) {
		return Objects.requireNonNull(code).length() <= 4 ? code : code.substring(0, 4);
	}

	private static double ratio(int a, int b) {
		return b == 0 ? 0 : (double) a / b;
	}

	public record Report(int size, double top1, double top3, double kindAccuracy, double legalChannelAccuracy,
			Map<String, Double> recall, String text) {
	}

}
