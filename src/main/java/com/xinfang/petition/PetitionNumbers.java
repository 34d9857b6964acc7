package com.xinfang.petition;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 信访编号: XF + the county code of the problem + received date (yyMMdd) + a sequence; and the
 * 查询码 the petitioner uses with it: eight characters without look-alikes (0/O, 1/I/L), about
 * 40 bits, kept only as a keyed hash.
 */
@Component
class PetitionNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	PetitionNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String next(String regionCode, Instant receivedAt) {
		long seq = jdbc.sql("SELECT nextval('petition_number_seq')").query(Long.class).single();
		// zero-padded by hand: String.format was two-thirds of this method's CPU
		String tail = Long.toString(seq % 1_000_000);
		return "XF" + regionCode.substring(0, 6) + DAY.format(receivedAt) + "000000".substring(tail.length()) + tail;
	}

	String queryCode() {
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	static String normaliseQueryCode(String code) {
		return code == null ? "" : code.strip().toUpperCase();
	}

}
