package com.xinfang.petition;

import com.xinfang.privacy.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The download links the public query lists (查询评价, no login): each is bound to one matter and
 * one document and expires, so it works as given for whoever holds the query code and asked, and
 * carries no query code into a URL, a server log or a Referer. The token is
 * {@code <expiry epoch seconds>.<signature>}, the signature a keyed HMAC-SM3 (the blind-index key,
 * with its own domain prefix) over the number, the document id and the expiry, cut to 128 bits.
 * A tampered, expired or foreign token is "not found", like a wrong code.
 */
@Component
class PublicDocumentLinks {

	/** How long a listed link works: long enough to read the page and download, short enough not to matter in a log. */
	static final Duration VALIDITY = Duration.ofMinutes(30);

	private static final Pattern TOKEN = Pattern.compile("(\\d{1,12})\\.([0-9a-f]{32})");

	private final PersonalDataCipher cipher;

	private final Clock clock;

	PublicDocumentLinks(PersonalDataCipher cipher, Clock clock) {
		this.cipher = cipher;
		this.clock = clock;
	}

	/** The URL for the holder of the code who has just been shown the matter. */
	String url(String number, long documentId) {
		long expires = clock.instant().plus(VALIDITY).getEpochSecond();
		return "/api/v1/public/petitions/" + number + "/documents/" + documentId + "/" + expires + "."
				+ signature(number, documentId, expires);
	}

	/** The document id when the token was made for this number and document and has not expired. */
	Optional<Long> verify(String number, long documentId, String token) {
		var m = token == null ? null : TOKEN.matcher(token);
		if (m == null || !m.matches() || number == null) {
			return Optional.empty();
		}
		long expires = Long.parseLong(m.group(1));
		String expected = signature(number, documentId, expires);
		boolean genuine = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				m.group(2).getBytes(StandardCharsets.US_ASCII));
		if (!genuine || clock.instant().isAfter(Instant.ofEpochSecond(expires))) {
			return Optional.empty();
		}
		return Optional.of(documentId);
	}

	private String signature(String number, long documentId, long expires) {
		return cipher.keyedHash("public-document:" + number + ":" + documentId + ":" + expires).substring(0, 32);
	}

}
