package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/** Issue 13 item 3: a dead database answers 503 with Retry-After, in Chinese, never Spring's 500. */
class ServiceUnavailableFilterTest {

	final ServiceUnavailableFilter filter = new ServiceUnavailableFilter(new SimpleMeterRegistry());

	MockHttpServletResponse run(MockHttpServletRequest request, Exception thrown) throws Exception {
		var response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> {
			if (thrown instanceof ServletException se) {
				throw se;
			}
			throw (RuntimeException) thrown;
		});
		return response;
	}

	static Exception poolTimeout() {
		return new ServletException("Request processing failed", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("xinfang-embedded - Connection is not available, request timed out after 3000ms")));
	}

	@Test
	void theApiGetsChineseProblemJsonWithRetryAfter() throws Exception {
		var response = run(new MockHttpServletRequest("POST", "/api/v1/petitions"), poolTimeout());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"status\":503", "服务暂不可用", "请稍后重试");
	}

	@Test
	void peopleGetTheMaintenancePage() throws Exception {
		var request = new MockHttpServletRequest("GET", "/console");
		request.addHeader("Accept", "text/html,application/xhtml+xml");
		var response = run(request, poolTimeout());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("系统维护中");
	}

	@Test
	void aFullDiskAndAServerShuttingDownAreUnavailableButABugOrAUsersMistakeIsNot() {
		assertThat(ServiceUnavailableFilter.unavailable(new RuntimeException(new SQLException("could not extend file", "53100")))).isTrue();
		assertThat(ServiceUnavailableFilter.unavailable(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
		assertThat(ServiceUnavailableFilter.unavailable(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
		assertThat(ServiceUnavailableFilter.unavailable(new RuntimeException(
				new SQLException("cannot execute INSERT in a read-only transaction", "25006")))).as("a demoted primary").isTrue();
		assertThat(ServiceUnavailableFilter.unavailable(new RuntimeException(new SQLException("invalid transaction state", "25000")))).isFalse();
		assertThat(ServiceUnavailableFilter.unavailable(new UncheckedIOException(new IOException("No space left on device")))).isTrue();
		var rollbackFailed = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackFailed.initApplicationException(new IllegalStateException("hidden"));
		assertThat(ServiceUnavailableFilter.unavailable(rollbackFailed)).as("rollback on a dead connection").isTrue();
		assertThat(ServiceUnavailableFilter.unavailable(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(ServiceUnavailableFilter.unavailable(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void otherFailuresPassThroughUntouched() {
		var request = new MockHttpServletRequest("GET", "/api/v1/regions");
		Assertions.assertThatThrownBy(() -> run(request, new IllegalStateException("bug")))
			.isInstanceOf(IllegalStateException.class);
	}

}
