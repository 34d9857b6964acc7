package com.xinfang.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Suggests a petition's category, kind and legal channel, each with a probability. Three softmax
 * heads over the same features; trained in a second or two from a few thousand texts, so each
 * node trains its own copy at start-up and again when registrars have corrected suggestions.
 */
public final class PetitionClassifier {

	/** The legal-channel head's label for "no statutory channel". */
	public static final String NO_CHANNEL = "NONE";

	/** A label nobody gave (e.g. a registrar's decision says nothing of the legal channel): not learnt from. */
	public static final String UNKNOWN = "?";

	static final int EPOCHS = 25;

	/** A statutory channel is suggested only above this probability. */
	static final double CHANNEL_THRESHOLD = 0.5;

	static final double L2 = 1e-4;

	/** Models per head, each trained on another ordering of the examples; their average is steadier than one. */
	static final int ENSEMBLE = 3;

	private final List<SoftmaxModel> category;

	private final List<SoftmaxModel> kind;

	private final List<SoftmaxModel> legalChannel;

	private final int trainedOn;

	private PetitionClassifier(List<SoftmaxModel> category, List<SoftmaxModel> kind, List<SoftmaxModel> legalChannel,
			int trainedOn) {
		this.category = category;
		this.kind = kind;
		this.legalChannel = legalChannel;
		this.trainedOn = trainedOn;
	}

	public static PetitionClassifier train(List<LabelledPetition> corpus) {
		return train(corpus, EPOCHS, L2);
	}

	static PetitionClassifier train(List<LabelledPetition> corpus, int epochs, double l2) {
		return train(corpus, epochs, l2, ENSEMBLE);
	}

	static PetitionClassifier train(List<LabelledPetition> corpus, int epochs, double l2, int ensemble) {
		List<Map<String, Double>> features = corpus.stream().map(p -> TextFeatures.of(p.title(), p.content())).toList();
		List<SoftmaxModel> categories = new ArrayList<>();
		List<SoftmaxModel> kinds = new ArrayList<>();
		List<SoftmaxModel> channels = new ArrayList<>();
		for (int i = 0; i < ensemble; i++) {
			long seed = 20260301L + i;
			categories.add(head(corpus, features, HeadKind.CATEGORY, epochs, l2, seed));
			kinds.add(head(corpus, features, HeadKind.KIND, epochs, l2, seed));
			channels.add(head(corpus, features, HeadKind.CHANNEL, epochs, l2, seed));
		}
		return new PetitionClassifier(sharingVocabulary(categories), sharingVocabulary(kinds), sharingVocabulary(channels),
				corpus.size());
	}

	/** An ensemble's members read through the first one's vocabulary where it is theirs too (one vectorisation a text). */
	private static List<SoftmaxModel> sharingVocabulary(List<SoftmaxModel> models) {
		return models.stream().map(m -> m.sharingVocabularyOf(models.get(0))).toList();
	}

	private enum HeadKind {

		CATEGORY, KIND, CHANNEL

	}

	private static SoftmaxModel head(List<LabelledPetition> corpus, List<Map<String, Double>> features, HeadKind head,
			int epochs, double l2, long seed) {
		List<SoftmaxModel.Example> examples = new ArrayList<>();
		LinkedHashSet<String> labels = new LinkedHashSet<>();
		for (int i = 0; i < corpus.size(); i++) {
			LabelledPetition p = corpus.get(i);
			String label = switch (head) {
				case CATEGORY -> p.category();
				case KIND -> p.kind();
				case CHANNEL -> p.legalChannel() == null || p.legalChannel().isBlank() ? NO_CHANNEL : p.legalChannel();
			};
			if (label == null || label.isBlank() || UNKNOWN.equals(label)) {
				continue;
			}
			labels.add(label);
			examples.add(new SoftmaxModel.Example(features.get(i), label, 1.0));
		}
		return SoftmaxModel.train(examples, List.copyOf(labels), epochs, l2, seed);
	}

	public Prediction classify(String title, String content) {
		Map<String, Double> f = TextFeatures.of(title, content);
		return new Prediction(average(category, f), average(kind, f), average(legalChannel, f));
	}

	/** The category head alone (what a registration's suggestions need), best first. */
	public List<Score> categories(String title, String content) {
		return average(category, TextFeatures.of(title, content));
	}

	/** How many texts the model learnt from. */
	public int trainedOn() {
		return trainedOn;
	}

	private static List<Score> average(List<SoftmaxModel> models, Map<String, Double> f) {
		Map<String, Double> sum = new LinkedHashMap<>();
		SoftmaxModel.Vector x = null;
		for (SoftmaxModel m : models) {
			// vectorised once for the members sharing a vocabulary (a third of the classifier's CPU was vectorising)
			if (x == null || !m.reads(x)) {
				x = m.vectorize(f);
			}
			for (SoftmaxModel.Scored s : m.predict(x)) {
				sum.merge(s.label(), s.score() / models.size(), Double::sum);
			}
		}
		return sum.entrySet()
			.stream()
			.map(e -> new Score(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingDouble(Score::score).reversed())
			.toList();
	}

	/** A label with its probability (0..1). */
	public record Score(String value, double score) {
	}

	/** Every label of each head, best first. */
	public record Prediction(List<Score> categories, List<Score> kinds, List<Score> legalChannels) {

		public Score bestKind() {
			return kinds.get(0);
		}

		/**
		 * The legal channel to suggest: a statutory channel only when it is more likely than not
		 * (diverting a matter wrongly sends a petitioner away), else {@link #NO_CHANNEL} with the
		 * probability that the matter belongs to no channel at all.
		 */
		public Score bestLegalChannel() {
			Score best = legalChannels.get(0);
			if (best.value().equals(NO_CHANNEL) || best.score() >= CHANNEL_THRESHOLD) {
				return best;
			}
			double none = legalChannels.stream().filter(s -> s.value().equals(NO_CHANNEL)).mapToDouble(Score::score).findFirst().orElse(0);
			return new Score(NO_CHANNEL, none);
		}

	}

}
