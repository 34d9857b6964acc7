package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntCountsTest {

	@Test
	void countsAgreeWithAMapThroughGrowthIncludingTheZeroAndNegativeHashes() {
		var counts = new IntCounts(4);
		Map<Integer, Integer> expected = new HashMap<>();
		var random = new Random(7);
		for (int n = 0; n < 200_000; n++) {
			int key = n % 50 == 0 ? 0 : random.nextInt(40_000) - 20_000;
			int delta = 1 + random.nextInt(3);
			counts.add(key, delta);
			expected.merge(key, delta, Integer::sum);
		}
		expected.forEach((k, v) -> assertThat(counts.get(k)).as("word %d", k).isEqualTo(v));
		assertThat(counts.get(123_456_789)).isZero();
		assertThat(counts.size()).isEqualTo(expected.size());
	}

}
