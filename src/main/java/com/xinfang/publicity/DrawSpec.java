package com.xinfang.publicity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** How many questions of each type to draw, and from which difficulties (1 易, 2 中, 3 难). */
public record DrawSpec(Map<QuestionType, Integer> counts, Set<Integer> difficulties) {

	public DrawSpec {
		counts = Map.copyOf(new EnumMap<>(counts));
		difficulties = difficulties == null || difficulties.isEmpty() ? Set.of(1, 2, 3) : Set.copyOf(difficulties);
	}

	public int total() {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
