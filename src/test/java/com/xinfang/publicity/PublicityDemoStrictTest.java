package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The publicity demo honours xinfang.demo.strict like the other seeders (issue 12 item 8). */
class PublicityDemoStrictTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

	@Test
	void aFailureStopsTheStartWhenStrictAndIsSkippedOtherwise() {
		JdbcClient jdbc = mock(JdbcClient.class);
		when(jdbc.sql(anyString())).thenThrow(new IllegalStateException("database gone"));
		var strict = new PublicityDemo(jdbc, mock(TransactionTemplate.class), clock,
				new MockEnvironment().withProperty("xinfang.demo.strict", "true"));
		assertThatThrownBy(strict::seed).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo publicity data could not be seeded");
		var lenient = new PublicityDemo(jdbc, mock(TransactionTemplate.class), clock, new MockEnvironment());
		assertThatCode(lenient::seed).doesNotThrowAnyException();
	}

	@Test
	void demoModeWithoutItsAccountsIsAFailureWhenStrict() {
		JdbcClient jdbc = mock(JdbcClient.class, Mockito.RETURNS_DEEP_STUBS);
		when(jdbc.sql(anyString()).query(Long.class).optional()).thenReturn(Optional.empty());
		var strict = new PublicityDemo(jdbc, mock(TransactionTemplate.class), clock,
				new MockEnvironment().withProperty("xinfang.demo.strict", "true").withProperty("xinfang.demo.enabled", "true"));
		assertThatThrownBy(strict::seed).isInstanceOf(IllegalStateException.class)
			.hasRootCauseMessage("demo mode without the demo account city.registrar");
		var notDemo = new PublicityDemo(jdbc, mock(TransactionTemplate.class), clock,
				new MockEnvironment().withProperty("xinfang.demo.strict", "true"));
		assertThatCode(notDemo::seed).doesNotThrowAnyException();
	}

}
