package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftmaxModelTest {

	static final List<SoftmaxModel.Example> EXAMPLES = List.of(
			new SoftmaxModel.Example(Map.of("工资", 2.0, "拖欠", 1.0, "工地", 1.0), "LABOR", 1.0),
			new SoftmaxModel.Example(Map.of("工资", 1.0, "拖欠", 2.0, "老板", 1.0), "LABOR", 1.0),
			new SoftmaxModel.Example(Map.of("物业", 2.0, "小区", 1.0, "停水", 1.0), "URBAN", 1.0),
			new SoftmaxModel.Example(Map.of("物业", 1.0, "小区", 2.0, "电梯", 1.0), "URBAN", 1.0),
			new SoftmaxModel.Example(Map.of("土地", 2.0, "征收", 1.0, "补偿", 1.0), "LAND", 1.0),
			new SoftmaxModel.Example(Map.of("土地", 1.0, "征收", 2.0, "补偿", 2.0), "LAND", 1.0));

	static final List<String> LABELS = List.of("LABOR", "URBAN", "LAND");

	static final List<Map<String, Double>> TEXTS = List.of(Map.of("工资", 1.0, "拖欠", 1.0), Map.of("小区", 3.0, "停水", 1.0),
			Map.of("补偿", 1.0, "工资", 1.0, "陌生", 4.0), Map.of("陌生", 1.0));

	@Test
	void anEnsembleMemberReadingTheFirstOnesVocabularyPredictsExactlyAsBefore() {
		var first = SoftmaxModel.train(EXAMPLES, LABELS, 20, 1e-4, 1);
		var second = SoftmaxModel.train(EXAMPLES, LABELS, 20, 1e-4, 2);
		var sharing = second.sharingVocabularyOf(first);
		assertThat(sharing).isNotSameAs(second);
		for (var text : TEXTS) {
			var x = first.vectorize(text);
			assertThat(sharing.reads(x)).isTrue();
			assertThat(second.reads(x)).isFalse();
			assertThat(sharing.predict(x)).isEqualTo(second.predict(text));
		}
	}

	@Test
	void aModelOfAnotherVocabularyKeepsItsOwnAndRefusesAForeignVector() {
		var first = SoftmaxModel.train(EXAMPLES, LABELS, 20, 1e-4, 1);
		var other = SoftmaxModel.train(EXAMPLES.subList(0, 4), List.of("LABOR", "URBAN"), 20, 1e-4, 1);
		assertThat(other.sharingVocabularyOf(first)).isSameAs(other);
		var x = first.vectorize(TEXTS.get(0));
		assertThat(other.reads(x)).isFalse();
		assertThatThrownBy(() -> other.predict(x)).isInstanceOf(IllegalArgumentException.class);
	}

}
