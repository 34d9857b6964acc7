package com.xinfang.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: when the database (or the disk under it) is unavailable, whatever layer noticed
 * it (the session filter, security, a controller), the caller gets a 503 with {@code Retry-After}
 * instead of Spring's English 500: Chinese problem+json for the API, a 系统维护中 page for people.
 * Nothing is half-stored: the transaction that failed was rolled back by PostgreSQL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ServiceUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

	static final int RETRY_AFTER_SECONDS = 10;

	static final String DETAIL = "系统暂时无法访问数据库（维护或自动恢复中），请求未被处理，请稍后重试。";

	private final byte[] page;

	private final Counter unavailable;

	ServiceUnavailableFilter(MeterRegistry registry) {
		try (InputStream in = getClass().getResourceAsStream("/platform/maintenance.html")) {
			this.page = in.readAllBytes();
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("platform/maintenance.html missing", ex);
		}
		this.unavailable = Counter.builder("xinfang.unavailable.responses")
			.description("Requests answered 503 because the database or its disk was unavailable")
			.register(registry);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!unavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("503 for {} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), rootMessage(ex));
			write(request, response);
		}
	}

	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		unavailable.increment();
		response.reset();
		response.setStatus(503);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			String body = "{\"type\":\"about:blank\",\"title\":\"服务暂不可用\",\"status\":503,\"detail\":\"" + DETAIL
					+ "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\",\"retryAfter\":" + RETRY_AFTER_SECONDS + "}";
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		}
		else {
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(page);
		}
	}

	static boolean wantsJson(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri.startsWith("/api/") || uri.startsWith("/actuator/")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && (accept.contains("json")) && !accept.contains("text/html");
	}

	/** Whether the failure is the database or its storage being unavailable, not a bug or a user's mistake. */
	static boolean unavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// the rollback after a lost connection fails too and hides the first exception
			if (t instanceof TransactionSystemException tse
					&& (tse.getApplicationException() != null && unavailable(tse.getApplicationException())
							|| connectionClosed(tse.getCause()))) {
				return true;
			}
			if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
					|| t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 08 connection, 53 insufficient resources (disk full, out of memory, too many
				// connections), 57P admin/crash shutdown or starting up, 58 system/IO error, 25006 a
				// read-only transaction: a primary demoted by a failover or switchover (Patroni) that a
				// pooled connection still reaches; the next connection finds the new primary
				if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
						|| state.equals("25006")) {
					return true;
				}
			}
			if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("No space left on device")) {
				return true;
			}
		}
		return false;
	}

	private static boolean connectionClosed(Throwable t) {
		return t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("Connection is closed");
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

	private static String jsonEscape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
