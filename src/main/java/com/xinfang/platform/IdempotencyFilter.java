package com.xinfang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the creating POSTs (registration): the key, the request's hash and the
 * answer are stored in the same transaction as the matter, so
 * <ul>
 * <li>a repeat with the same key and body answers the original 201 (and creates nothing);</li>
 * <li>a repeat while the first is still running waits for it (PostgreSQL's unique index) and then
 * answers its result;</li>
 * <li>the same key with a different body is refused with 422 in Chinese;</li>
 * <li>a request that failed (4xx/5xx) stores nothing, so the client may retry with the same key.</li>
 * </ul>
 * Keys are per authenticated caller and kept 24 hours. Runs after Spring Security.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	static final String HEADER = "Idempotency-Key";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{8,100}");

	private static final int MAX_BODY = 2 * 1024 * 1024;

	private final Set<String> paths;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final SecretSealer sealer;

	private final Clock clock;

	IdempotencyFilter(Set<String> paths, JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, Clock clock) {
		this.paths = paths;
		this.jdbc = jdbc;
		this.tx = tx;
		this.sealer = sealer;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !paths.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		if (!SANE.matcher(key).matches()) {
			problem(response, 400, "请求头有误", "Idempotency-Key 须为 8 到 100 个字母、数字或 . _ : - 组成的字符串（建议用 UUID）");
			return;
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response); // the endpoint answers 401 itself; nothing to remember
			return;
		}
		String scope = auth.getName();
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			problem(response, 413, "请求过大", "带 Idempotency-Key 的请求内容不能超过 2MB");
			return;
		}
		String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n", body);
		var replay = new HttpServletRequestWrapper(request) {
			@Override
			public ServletInputStream getInputStream() {
				return new BytesInputStream(body);
			}

			@Override
			public BufferedReader getReader() {
				return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
			}
		};
		var wrapped = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			outcome = tx.execute(status -> {
				int inserted = jdbc.sql("""
						INSERT INTO idempotency_key (scope, idem_key, request_hash, status, created_at) VALUES (?,?,?,0,?)
						ON CONFLICT (scope, idem_key) DO NOTHING""")
					.params(scope, key, hash, OffsetDateTime.now(clock))
					.update();
				if (inserted == 0) {
					status.setRollbackOnly();
					return jdbc.sql("SELECT request_hash, status, location, content_type, body_enc FROM idempotency_key WHERE scope = ? AND idem_key = ?")
						.params(scope, key)
						.query((rs, n) -> new Outcome(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
						.single();
				}
				try {
					chain.doFilter(replay, wrapped);
				}
				catch (IOException | ServletException ex) {
					throw new WrappedException(ex);
				}
				int code = wrapped.getStatus();
				if (code < 200 || code >= 300) {
					status.setRollbackOnly();
					return null;
				}
				String json = new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8);
				jdbc.sql("UPDATE idempotency_key SET status = ?, location = ?, content_type = ?, body_enc = ? WHERE scope = ? AND idem_key = ?")
					.params(code, wrapped.getHeader(HttpHeaders.LOCATION), wrapped.getContentType(), sealer.seal(json), scope, key)
					.update();
				return null;
			});
		}
		catch (WrappedException ex) {
			throw unwrap(ex);
		}
		catch (TransactionSystemException ex) {
			// the rollback failed too (connection lost): report what happened first
			if (ex.getApplicationException() instanceof WrappedException wrappedEx) {
				throw unwrap(wrappedEx);
			}
			throw ex;
		}
		if (outcome == null) {
			wrapped.copyBodyToResponse();
			return;
		}
		if (!outcome.requestHash().equals(hash)) {
			problem(response, 422, "幂等键冲突", "该 Idempotency-Key 已用于内容不同的请求；新的请求请使用新的 Idempotency-Key");
			return;
		}
		log.info("Idempotent replay of {} for {} (key {})", request.getRequestURI(), scope, key);
		response.setStatus(outcome.status());
		if (outcome.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, outcome.location());
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.setContentType(outcome.contentType() != null ? outcome.contentType() : MediaType.APPLICATION_JSON_VALUE);
		if (outcome.body() != null) {
			byte[] bytes = sealer.open(outcome.body()).getBytes(StandardCharsets.UTF_8);
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
	}

	private static ServletException unwrap(WrappedException ex) throws IOException {
		if (ex.getCause() instanceof IOException io) {
			throw io;
		}
		return (ServletException) ex.getCause();
	}

	/** Keys older than a day are forgotten. */
	@Scheduled(initialDelay = 300_000, fixedDelay = 3_600_000)
	void prune() {
		try {
			jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
				.param(OffsetDateTime.now(clock).minus(Duration.ofHours(24)))
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Pruning idempotency keys skipped: {}", ex.getMessage());
		}
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(String head, byte[] body) {
		try {
			var md = MessageDigest.getInstance("SHA-256");
			md.update(head.getBytes(StandardCharsets.UTF_8));
			md.update(body);
			return HexFormat.of().formatHex(md.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Outcome(String requestHash, int status, String location, String contentType, byte[] body) {
	}

	private static final class WrappedException extends RuntimeException {

		WrappedException(Exception cause) {
			super(cause);
		}

	}

	private static final class BytesInputStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BytesInputStream(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] b, int off, int len) {
			return in.read(b, off, len);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}
