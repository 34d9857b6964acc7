package com.xinfang.publicity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable tokens held by browsers; the database keeps only their SHA-256. */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String fresh() {
		byte[] b = new byte[24];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as a browser could have sent it: short, URL-safe; anything else is not one of ours. */
	static boolean plausible(String token) {
		return token != null && token.length() >= 20 && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
	}

}
