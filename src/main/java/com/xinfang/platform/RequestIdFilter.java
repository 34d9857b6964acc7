package com.xinfang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request id in every log line ({@code [rid]} after the level, or the {@code requestId} field of
 * JSON logs): taken from {@code X-Request-Id} when a balancer sent a sane one, otherwise generated,
 * and echoed in the response so a user's report can be found in the logs of any node.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		if (id == null || !SANE.matcher(id).matches()) {
			// a correlation id, not a secret: UUID.randomUUID() takes the JVM-wide SecureRandom lock on every
			// request (the top monitor in JFR under 500 quiz players; visible in the registration profile too)
			id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		}
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
