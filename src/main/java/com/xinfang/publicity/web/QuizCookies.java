package com.xinfang.publicity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two cookies of the public challenge: a random visitor id (counts visits and caps an anonymous
 * browser's rounds; no personal data) and the verified player's token. A client without cookies (an
 * app, the load driver) may send the same values as headers.
 */
final class QuizCookies {

	static final String VISITOR = "xf_quiz_v";

	static final String PLAYER = "xf_quiz_p";

	private static final SecureRandom RANDOM = new SecureRandom();

	private QuizCookies() {
	}

	static String read(HttpServletRequest req, String name, String header) {
		String h = req.getHeader(header);
		if (h != null && !h.isBlank()) {
			return h.strip();
		}
		if (req.getCookies() != null) {
			for (Cookie c : req.getCookies()) {
				if (c.getName().equals(name)) {
					return c.getValue();
				}
			}
		}
		return null;
	}

	/** The visitor id, set as a cookie (one year) when the browser has none yet. */
	static String visitor(HttpServletRequest req, HttpServletResponse res) {
		String v = read(req, VISITOR, "X-Quiz-Visitor");
		if (v == null || !v.matches("[A-Za-z0-9_-]{20,64}")) {
			byte[] b = new byte[16];
			RANDOM.nextBytes(b);
			v = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
			set(res, VISITOR, v, 365 * 24 * 3600);
		}
		return v;
	}

	static String player(HttpServletRequest req) {
		return read(req, PLAYER, "X-Quiz-Player");
	}

	static void set(HttpServletResponse res, String name, String value, int maxAge) {
		Cookie c = new Cookie(name, value);
		c.setPath("/");
		c.setHttpOnly(true);
		c.setMaxAge(maxAge);
		c.setAttribute("SameSite", "Lax");
		res.addCookie(c);
	}

}
