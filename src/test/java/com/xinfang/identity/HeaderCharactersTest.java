package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderCharactersTest {

	/** Names and values the firewall sees: ASCII, Chinese, a surrogate pair, controls, a tab, unassigned and lone surrogates. */
	static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-_~+/=", "张三",
			"a\tb", "a\u0000b", "a\nb", "a\rb", "\u007f", "\u0085", "\u009f", "\u00a0", "😀", "a\ud83d", "\udc00z", "\u0378",
			"\uFFFF", "\u200b", "x-forwarded-for", "text/html; charset=UTF-8", "\u3000全角", "\u0001", "é");

	@Test
	void headerValuesFollowSpringsDefaultRule() {
		for (String s : SAMPLES) {
			assertThat(HeaderCharacters.allowed(s, true)).as("value %s", escaped(s))
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s));
		}
	}

	@Test
	void headerNamesFollowSpringsDefaultRule() {
		for (String s : SAMPLES) {
			assertThat(HeaderCharacters.allowed(s, false)).as("name %s", escaped(s))
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s));
		}
	}

	@Test
	void controlCharactersAreRefusedAndATabOnlyInValues() {
		assertThat(HeaderCharacters.allowed("a\u0000b", true)).isFalse();
		assertThat(HeaderCharacters.allowed("a\tb", true)).isTrue();
		assertThat(HeaderCharacters.allowed("a\tb", false)).isFalse();
		assertThat(HeaderCharacters.allowed("\u0378", true)).isFalse();
	}

	private static String escaped(String s) {
		StringBuilder b = new StringBuilder();
		s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return b.toString();
	}

}
