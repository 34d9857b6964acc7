package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneOfTest {

	@Test
	void oneValueIsAPlainParameterSeveralAnArrayNoneMatchesNothing() {
		List<Object> params = new ArrayList<>();
		assertThat(OneOf.condition("x.phone_index", List.of("a"), params)).isEqualTo("x.phone_index = ?");
		assertThat(OneOf.condition("x.phone_index", List.of("a", "b"), params)).isEqualTo("x.phone_index = ANY(?)");
		assertThat(OneOf.condition("x.phone_index", List.of(), params)).isEqualTo("FALSE");
		assertThat(params).hasSize(2);
		assertThat(params.get(0)).isEqualTo("a");
		assertThat((String[]) params.get(1)).containsExactly("a", "b");
	}

}
