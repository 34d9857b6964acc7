package com.xinfang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The reverse proxies whose forwarded headers are believed ({@code xinfang.trusted-proxies}: IP
 * addresses or CIDR ranges, comma-separated; none by default). From a trusted proxy the client's
 * address is the right-most X-Forwarded-For entry that is not itself a trusted proxy, and the
 * request counts as HTTPS when X-Forwarded-Proto says so (so the session cookie gets Secure);
 * from anyone else the headers are ignored, so nobody can choose the address the throttles count.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrustedProxies extends OncePerRequestFilter {

	private final List<Range> ranges;

	TrustedProxies(@Value("${xinfang.trusted-proxies:}") String proxies) {
		this.ranges = parse(proxies);
	}

	/** A filter with the given configuration, outside Spring (tests). */
	public static TrustedProxies forTest(String proxies) {
		return new TrustedProxies(proxies);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ranges.isEmpty() || !trusted(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new Forwarded(request, client(request), https(request)), response);
	}

	/** The right-most address not a trusted proxy; the peer itself when no header is given. */
	String client(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		var headers = request.getHeaders("X-Forwarded-For");
		while (headers.hasMoreElements()) {
			for (String hop : headers.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!trusted(hop)) {
				return address(hop) == null ? request.getRemoteAddr() : hop;
			}
		}
		return hops.isEmpty() ? request.getRemoteAddr() : hops.get(0);
	}

	private static Boolean https(HttpServletRequest request) {
		String proto = request.getHeader("X-Forwarded-Proto");
		if (proto == null || proto.isBlank()) {
			return null;
		}
		// a chain of proxies may list several; the first is the client's
		return "https".equals(proto.split(",")[0].strip().toLowerCase(Locale.ROOT));
	}

	boolean trusted(String address) {
		byte[] bytes = address(address);
		if (bytes == null) {
			return false;
		}
		for (Range r : ranges) {
			if (r.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	/** The bytes of a literal IP address; null for anything else (never a DNS lookup). */
	static byte[] address(String literal) {
		if (literal == null) {
			return null;
		}
		String s = literal.strip();
		if (s.startsWith("[") && s.endsWith("]")) {
			s = s.substring(1, s.length() - 1);
		}
		boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean v6 = s.contains(":") && s.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z]+)?");
		if (!v4 && !v6) {
			return null;
		}
		try {
			return InetAddress.getByName(s).getAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	static List<Range> parse(String proxies) {
		List<Range> ranges = new ArrayList<>();
		if (proxies == null) {
			return ranges;
		}
		for (String item : proxies.split("[,\\s]+")) {
			if (item.isBlank()) {
				continue;
			}
			String[] parts = item.split("/");
			byte[] base = address(parts[0]);
			if (base == null) {
				throw new IllegalArgumentException("xinfang.trusted-proxies: not an IP address or CIDR range: " + item);
			}
			int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : base.length * 8;
			if (bits < 0 || bits > base.length * 8) {
				throw new IllegalArgumentException("xinfang.trusted-proxies: bad prefix length in " + item);
			}
			ranges.add(new Range(base, bits));
		}
		return ranges;
	}

	record Range(byte[] base, int bits) {

		boolean contains(byte[] address) {
			if (address.length != base.length) {
				return false;
			}
			BigInteger mask = bits == 0 ? BigInteger.ZERO
					: BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(base.length * 8 - bits);
			return new BigInteger(1, address).and(mask).equals(new BigInteger(1, base).and(mask));
		}

	}

	/** The request as the client made it, behind the proxy. */
	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		private final Boolean https;

		Forwarded(HttpServletRequest request, String client, Boolean https) {
			super(request);
			this.client = client;
			this.https = https;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public boolean isSecure() {
			return https == null ? super.isSecure() : https;
		}

		@Override
		public String getScheme() {
			return https == null ? super.getScheme() : (https ? "https" : "http");
		}

	}

}
