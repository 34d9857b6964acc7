package com.xinfang.text;

import java.util.ArrayList;
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

	static final int EPOCHS = 30;

	/** A statutory channel is suggested only above this probability. */
	static final double CHANNEL_THRESHOLD = 0.5;

	static final double L2 = 1e-5;

	private final SoftmaxModel category;

	private final SoftmaxModel kind;

	private final SoftmaxModel legalChannel;

	private final int trainedOn;

	private PetitionClassifier(SoftmaxModel category, SoftmaxModel kind, SoftmaxModel legalChannel, int trainedOn) {
		this.category = category;
		this.kind = kind;
		this.legalChannel = legalChannel;
		this.trainedOn = trainedOn;
	}

	public static PetitionClassifier train(List<LabelledPetition> corpus) {
		List<Map<String, Double>> features = corpus.stream().map(p -> TextFeatures.of(p.title(), p.content())).toList();
		return new PetitionClassifier(head(corpus, features, HeadKind.CATEGORY), head(corpus, features, HeadKind.KIND),
				head(corpus, features, HeadKind.CHANNEL), corpus.size());
	}

	private enum HeadKind {

		CATEGORY, KIND, CHANNEL

	}

	private static SoftmaxModel head(List<LabelledPetition> corpus, List<Map<String, Double>> features, HeadKind head) {
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
		return SoftmaxModel.train(examples, List.copyOf(labels), EPOCHS, L2, 20260301L);
	}

	public Prediction classify(String title, String content) {
		Map<String, Double> f = TextFeatures.of(title, content);
		return new Prediction(scores(category.predict(f)), scores(kind.predict(f)), scores(legalChannel.predict(f)));
	}

	/** How many texts the model learnt from. */
	public int trainedOn() {
		return trainedOn;
	}

	private static List<Score> scores(List<SoftmaxModel.Scored> scored) {
		return scored.stream().map(s -> new Score(s.label(), s.score())).toList();
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
