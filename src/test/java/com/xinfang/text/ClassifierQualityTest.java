package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality gate: trained on the training files, measured on the held-out file (written in
 * another, colloquial style and never trained on). Prints the full report, which the README
 * quotes: {@code ./mvnw -o test -Dtest=ClassifierQualityTest} (add {@code -Dxinfang.eval.cv=true} for a
 * 5-fold cross-validation on the training files as well).
 */
class ClassifierQualityTest {

	static ClassifierEvaluation.Report report;

	@BeforeAll
	static void evaluate() {
		report = ClassifierEvaluation.run(Corpus.training(), Corpus.heldOut());
		System.out.println(report.text());
		if (Boolean.getBoolean("xinfang.eval.cv")) {
			System.out.println(ClassifierEvaluation.crossValidation(Corpus.training(), 5));
		}
	}

	@Test
	void theHeldOutSetCoversEveryCategoryAndIsNotInTraining() {
		List<LabelledPetition> heldOut = Corpus.heldOut();
		assertThat(heldOut.stream().map(LabelledPetition::category).distinct()).hasSize(16);
		assertThat(heldOut.stream().collect(Collectors.groupingBy(LabelledPetition::category,
				Collectors.counting())).values()).allMatch(n -> n >= 10);
		Set<String> training = new HashSet<>();
		Corpus.training().forEach(p -> training.add(p.content()));
		assertThat(heldOut).noneMatch(p -> training.contains(p.content()));
	}

	@Test
	void categoryAccuracyMeetsTheTargets() {
		assertThat(report.top1()).as("category top-1").isGreaterThanOrEqualTo(0.85);
		assertThat(report.top3()).as("category top-3").isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void kindAccuracyMeetsTheTarget() {
		assertThat(report.kindAccuracy()).as("kind").isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void noCategoryIsLeftBehind() {
		assertThat(report.recall().values()).allMatch(r -> r >= 0.6);
	}

	@Test
	void scoresAreProbabilitiesBestFirst() {
		var classifier = PetitionClassifier.train(Corpus.training());
		var p = classifier.classify("工资被拖欠", "包工头欠我们工钱三个月了，请劳动监察帮我们讨薪");
		assertThat(p.categories().get(0).value()).isEqualTo("LABOR");
		assertThat(p.categories()).extracting(PetitionClassifier.Score::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(p.categories().stream().mapToDouble(PetitionClassifier.Score::score).sum()).isCloseTo(1.0,
				Offset.offset(1e-6));
		assertThat(classifier.classify("", "举报某局局长收受贿赂大办酒席").bestKind().value()).isEqualTo("ACCUSATION");
	}

}
