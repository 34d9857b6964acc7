package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class HeaderBearerTokensTest {

	/** Spring Security's DefaultBearerTokenResolver's own pattern: the loop must agree with it. */
	private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc.def-ghi_jkl", "bearer abc", "BEARER a+b/c~d==", "Bearer ab=", "Bearer =",
			"Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer ab=c", "Bearer 令牌", "Bearer abc\u0000",
			"Bearer abc ", "Bearer a%b" })
	void agreesWithSpringsPattern(String header) {
		var request = new MockHttpServletRequest();
		request.addHeader("Authorization", header);
		var spring = SPRING.matcher(header);
		if (spring.matches()) {
			assertThat(new HeaderBearerTokens().resolve(request)).isEqualTo(spring.group("token"));
		}
		else if (header.regionMatches(true, 0, "bearer", 0, 6)) {
			assertThatThrownBy(() -> new HeaderBearerTokens().resolve(request)).isInstanceOf(OAuth2AuthenticationException.class);
		}
		else {
			assertThat(new HeaderBearerTokens().resolve(request)).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic dXNlcjpwYXNz", "" })
	void otherSchemesAreNotBearerTokens(String header) {
		var request = new MockHttpServletRequest();
		request.addHeader("Authorization", header);
		assertThat(new HeaderBearerTokens().resolve(request)).isNull();
	}

	@Test
	void aTokenInTheQueryIsIgnoredAsByDefault() {
		var request = new MockHttpServletRequest();
		request.setParameter("access_token", "abc");
		assertThat(new HeaderBearerTokens().resolve(request)).isNull();
	}

}
