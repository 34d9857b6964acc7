package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The tuning figures: the corpus's same-person repeats and the development file
 * {@code corpus/repeats-dev.jsonl} (other people, same ID under another name, hard negatives),
 * on which the score's weights and the band's threshold were chosen. The held-out figures are in
 * {@link DuplicateBandHeldOutTest}. The rules of the same place and of the problem ({@link ProblemKinds})
 * were chosen later on this set together with held-out sets 1 and 2 (both then tuning data); the
 * independent measurement after them is {@link DuplicateBandHeldOut3Test}'s.
 */
class DuplicateBandTuningTest {

	@Test
	void tuningSetFindsRepeatsOfEveryKindAndKeepsTheLikelyBandPrecise() {
		var questions = new ArrayList<>(RepeatEvaluation.sameIdRepeats());
		questions.addAll(RepeatEvaluation.file("/corpus/repeats-dev.jsonl"));
		var result = RepeatEvaluation.run(questions);
		if (Boolean.getBoolean("eval.verbose")) {
			result.lines().forEach(System.out::println);
		}
		System.out.println("tuning set: " + result.summary());
		assertThat(result.likelyPrecision()).isGreaterThanOrEqualTo(0.95);
		assertThat(result.recallAt5(RepeatEvaluation.Kind.OTHER_PERSON)).isGreaterThanOrEqualTo(0.9);
	}

}
