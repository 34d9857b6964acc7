package com.xinfang.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for header names and values, checked by a loop: Spring's default checks
 * them with a regular expression on every {@code getHeader}, and over a bearer token of 600
 * characters that was 4 % of a registration's CPU in the profile. The same rule as
 * {@link StrictHttpFirewall#ALLOWED_HEADER_NAMES} ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*})
 * and {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES} (the same, a tab allowed).
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	static StrictHttpFirewall firewall() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(name -> allowed(name, false));
		firewall.setAllowedHeaderValues(value -> allowed(value, true));
		return firewall;
	}

	/** Every code point assigned and not a control character (a tab only where {@code tab}). */
	static boolean allowed(String s, boolean tab) {
		int i = 0;
		int n = s.length();
		while (i < n) {
			char c = s.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int cp = s.codePointAt(i);
			int type = Character.getType(cp);
			if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && cp == '\t')) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return true;
	}

}
