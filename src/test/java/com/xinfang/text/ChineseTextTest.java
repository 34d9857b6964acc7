package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseTextTest {

	@Test
	void normalizesFullWidthAndSpaces() {
		assertThat(ChineseText.normalize("  ＡＢＣ１２３　拖欠\t工资  ")).isEqualTo("abc123 拖欠 工资");
		assertThat(ChineseText.normalize(null)).isEmpty();
	}

	@Test
	void segmentsPetitionTextIntoWords() {
		List<String> words = ChineseText.contentWords("鼎城区某建筑公司拖欠我们农民工工资三个月。");
		assertThat(words).contains("拖欠", "工资");
		assertThat(words).doesNotContain("。", "我们的");
	}

	@Test
	void recognizesPlaces() {
		List<ChineseText.Word> words = ChineseText.segment("常德市武陵区丹阳街道的道路积水严重");
		assertThat(words).anySatisfy(w -> {
			assertThat(w.isPlace()).isTrue();
			assertThat(w.text()).contains("武陵");
		});
	}

}
