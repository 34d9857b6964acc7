package com.xinfang.publicity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable tokens held by browsers; the database keeps only their SHA-256. */
final class Tokens {

	/**
	 * One DRBG per thread: the default NativePRNG mixes every instance's output through one shared,
	 * synchronized SHA1PRNG, which 500 players' requests queued on (JFR, bench/quiz-profile.sh).
	 */
	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	});

	private Tokens() {
	}

	static String fresh() {
		byte[] b = new byte[24];
		RANDOM.get().nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	/** A seed for a round's own random draw (the draw is not a secret: answers never leave the server before submission). */
	static long seed() {
		return RANDOM.get().nextLong();
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
