package com.xinfang.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse TF-IDF vectors, trained with AdaGrad. Its softmax
 * outputs are probabilities (0..1, summing to 1), which the registrar reads as confidences.
 * Immutable once trained; safe to share between threads.
 */
final class SoftmaxModel {

	private final List<String> labels;

	private final Map<String, Integer> featureIndex;

	private final double[] idf;

	/**
	 * The trained weights feature by feature: {@code [feature * labels + label]}, the last feature
	 * being the bias. A text's few hundred features then read one short run each instead of one
	 * scattered entry per label (the label-major arrays of training missed the cache on every read:
	 * scoring was a tenth of a registration's CPU, issue 11).
	 */
	private final double[] byFeature;

	private SoftmaxModel(List<String> labels, Map<String, Integer> featureIndex, double[] idf, double[] byFeature) {
		this.labels = labels;
		this.featureIndex = featureIndex;
		this.idf = idf;
		this.byFeature = byFeature;
	}

	/** Training's weights[label][feature] laid out feature by feature. */
	private static double[] byFeature(double[][] w) {
		int k = w.length;
		int d = w[0].length;
		double[] out = new double[d * k];
		for (int c = 0; c < k; c++) {
			for (int f = 0; f < d; f++) {
				out[f * k + c] = w[c][f];
			}
		}
		return out;
	}

	/** A labelled example: its feature counts and its label. */
	record Example(Map<String, Double> features, String label, double weight) {
	}

	record Scored(String label, double score) {
	}

	static SoftmaxModel train(List<Example> examples, List<String> labels, int epochs, double l2, long seed) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> documentFrequency = new HashMap<>();
		for (Example e : examples) {
			for (String f : e.features().keySet()) {
				documentFrequency.merge(f, 1, Integer::sum);
			}
		}
		// features seen once are mostly noise on a corpus of this size
		documentFrequency.forEach((f, df) -> {
			if (df >= 2) {
				index.put(f, index.size());
			}
		});
		double[] idf = new double[index.size()];
		int n = examples.size();
		index.forEach((f, i) -> idf[i] = Math.log((1.0 + n) / (1.0 + documentFrequency.get(f))) + 1.0);
		Map<String, Integer> labelIndex = new HashMap<>();
		for (String label : labels) {
			labelIndex.put(label, labelIndex.size());
		}
		List<SparseVector> vectors = new ArrayList<>();
		List<Integer> targets = new ArrayList<>();
		List<Double> exampleWeights = new ArrayList<>();
		for (Example e : examples) {
			Integer target = labelIndex.get(e.label());
			if (target == null) {
				continue;
			}
			vectors.add(vectorize(e.features(), index, idf));
			targets.add(target);
			exampleWeights.add(e.weight());
		}
		int k = labels.size();
		int d = index.size() + 1;
		double[][] w = new double[k][d];
		double[][] g2 = new double[k][d];
		double rate = 0.5;
		Random random = new Random(seed);
		int[] order = new int[vectors.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		double[] p = new double[k];
		for (int epoch = 0; epoch < epochs; epoch++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int o : order) {
				SparseVector x = vectors.get(o);
				int y = targets.get(o);
				double ew = exampleWeights.get(o);
				probabilities(w, x, p);
				for (int c = 0; c < k; c++) {
					double err = (p[c] - (c == y ? 1.0 : 0.0)) * ew;
					double[] wc = w[c];
					double[] gc = g2[c];
					for (int m = 0; m < x.indices.length; m++) {
						int f = x.indices[m];
						double grad = err * x.values[m] + l2 * wc[f];
						gc[f] += grad * grad;
						wc[f] -= rate * grad / (Math.sqrt(gc[f]) + 1e-8);
					}
					int b = d - 1;
					gc[b] += err * err;
					wc[b] -= rate * err / (Math.sqrt(gc[b]) + 1e-8);
				}
			}
		}
		return new SoftmaxModel(List.copyOf(labels), Map.copyOf(index), idf, byFeature(w));
	}

	/**
	 * This model reading features through {@code other}'s vocabulary when both have the same one (the
	 * members of an ensemble, trained on the same examples): then one vectorisation serves both.
	 */
	SoftmaxModel sharingVocabularyOf(SoftmaxModel other) {
		if (other.featureIndex == featureIndex || !other.featureIndex.equals(featureIndex) || !Arrays.equals(other.idf, idf)) {
			return this;
		}
		return new SoftmaxModel(labels, other.featureIndex, other.idf, byFeature);
	}

	/** A text's features as this model's vocabulary reads them. */
	Vector vectorize(Map<String, Double> features) {
		return new Vector(featureIndex, vectorize(features, featureIndex, idf));
	}

	/** A vectorised text, with the vocabulary it was read through. */
	record Vector(Map<String, Integer> vocabulary, SparseVector x) {
	}

	/** Whether the vector was read through this model's vocabulary (the same instance). */
	boolean reads(Vector v) {
		return v.vocabulary() == featureIndex;
	}

	/** Every label with its probability, best first. */
	List<Scored> predict(Map<String, Double> features) {
		return predict(vectorize(features));
	}

	/** As above, for a text vectorised through this model's vocabulary ({@link #reads}). */
	List<Scored> predict(Vector v) {
		if (!reads(v)) {
			throw new IllegalArgumentException("a vector of another vocabulary");
		}
		SparseVector x = v.x();
		double[] p = scores(x);
		softmax(p);
		List<Scored> out = new ArrayList<>(labels.size());
		for (int c = 0; c < p.length; c++) {
			out.add(new Scored(labels.get(c), p[c]));
		}
		out.sort(Comparator.comparingDouble(Scored::score).reversed());
		return out;
	}

	/**
	 * Each label's score, summed in the same order as {@link #probabilities} does in training (so the
	 * same doubles): the bias, then the features in the vector's order.
	 */
	private double[] scores(SparseVector x) {
		int k = labels.size();
		double[] s = new double[k];
		System.arraycopy(byFeature, byFeature.length - k, s, 0, k);
		for (int m = 0; m < x.indices.length; m++) {
			int base = x.indices[m] * k;
			double v = x.values[m];
			for (int c = 0; c < k; c++) {
				s[c] += byFeature[base + c] * v;
			}
		}
		return s;
	}

	/** Training's probabilities, from its label-major weights. */
	private static void probabilities(double[][] w, SparseVector x, double[] p) {
		int bias = w[0].length - 1;
		for (int c = 0; c < w.length; c++) {
			double s = w[c][bias];
			for (int m = 0; m < x.indices.length; m++) {
				s += w[c][x.indices[m]] * x.values[m];
			}
			p[c] = s;
		}
		softmax(p);
	}

	/** Scores to probabilities, in place. */
	private static void softmax(double[] p) {
		double max = Double.NEGATIVE_INFINITY;
		for (double s : p) {
			max = Math.max(max, s);
		}
		double sum = 0;
		for (int c = 0; c < p.length; c++) {
			p[c] = Math.exp(p[c] - max);
			sum += p[c];
		}
		for (int c = 0; c < p.length; c++) {
			p[c] /= sum;
		}
	}

	/** Sub-linear TF times IDF, L2-normalised, so long and short petitions weigh alike. */
	private static SparseVector vectorize(Map<String, Double> features, Map<String, Integer> index, double[] idf) {
		int size = 0;
		int[] indices = new int[features.size()];
		double[] values = new double[features.size()];
		double norm = 0;
		for (var e : features.entrySet()) {
			Integer i = index.get(e.getKey());
			if (i == null) {
				continue;
			}
			double v = (1 + Math.log(e.getValue())) * idf[i];
			indices[size] = i;
			values[size] = v;
			norm += v * v;
			size++;
		}
		norm = Math.sqrt(norm);
		int[] ix = Arrays.copyOf(indices, size);
		double[] vx = Arrays.copyOf(values, size);
		if (norm > 0) {
			for (int m = 0; m < size; m++) {
				vx[m] /= norm;
			}
		}
		return new SparseVector(ix, vx);
	}

	record SparseVector(int[] indices, double[] values) {
	}

}
