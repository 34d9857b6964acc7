package com.xinfang.identity;

import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Six-digit SMS codes: valid 10 minutes, one per minute per phone, at most 5 tries each. */
@Service
public class VerificationCodes {

	static final Duration VALIDITY = Duration.ofMinutes(10);

	static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);

	static final int DAILY_LIMIT = 10;

	static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final SmsOutbox sms;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	VerificationCodes(JdbcClient jdbc, PersonalDataCipher cipher, SmsOutbox sms, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.sms = sms;
		this.clock = clock;
	}

	@Transactional
	public void send(String rawPhone, String purpose) {
		MobilePhone.problem(rawPhone).ifPresent(p -> {
			throw new DomainException.Invalid("phone", p);
		});
		String phone = MobilePhone.normalise(rawPhone);
		String index = cipher.blindIndex("phone", phone);
		OffsetDateTime now = OffsetDateTime.now(clock);
		Integer recent = jdbc.sql("SELECT count(*) FROM sms_code WHERE phone_index = ? AND created_at > ?")
			.params(index, now.minus(RESEND_INTERVAL))
			.query(Integer.class)
			.single();
		Integer today = jdbc.sql("SELECT count(*) FROM sms_code WHERE phone_index = ? AND created_at > ?")
			.params(index, now.minusDays(1))
			.query(Integer.class)
			.single();
		if (recent > 0) {
			throw new DomainException.Throttled(RESEND_INTERVAL.toSeconds());
		}
		if (today >= DAILY_LIMIT) {
			throw new DomainException.Throttled(Duration.ofHours(24).toSeconds());
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("INSERT INTO sms_code (phone_index, purpose, code_hash, expires_at, created_at) VALUES (?,?,?,?,?)")
			.params(index, purpose, cipher.keyedHash(code), now.plus(VALIDITY), now)
			.update();
		sms.queue(phone, "【常德信访】您的验证码为" + code + "，10分钟内有效。如非本人操作，请忽略本短信。");
	}

	/**
	 * Consumes the code when it matches; a wrong code counts against the latest code's tries. Joins
	 * the caller's transaction, which must not roll back on {@link DomainException.Invalid}.
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public void verify(String phone, String purpose, String code) {
		String index = cipher.blindIndex("phone", MobilePhone.normalise(phone));
		record Row(long id, String codeHash, int attempts, OffsetDateTime expiresAt) {
		}
		Row row = jdbc.sql("""
				SELECT id, code_hash, attempts, expires_at FROM sms_code
				WHERE phone_index = ? AND purpose = ? AND NOT used ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
			.params(index, purpose)
			.query(Rows.of(Row.class))
			.optional()
			.orElseThrow(() -> new DomainException.Invalid("smsCode", "请先获取短信验证码"));
		if (row.expiresAt().isBefore(OffsetDateTime.now(clock)) || row.attempts() >= MAX_ATTEMPTS) {
			throw new DomainException.Invalid("smsCode", "验证码已失效，请重新获取");
		}
		if (code == null || !cipher.keyedHash(code.strip()).equals(row.codeHash())) {
			jdbc.sql("UPDATE sms_code SET attempts = attempts + 1 WHERE id = ?").param(row.id()).update();
			throw new DomainException.Invalid("smsCode", "验证码不正确");
		}
		jdbc.sql("UPDATE sms_code SET used = true WHERE id = ?").param(row.id()).update();
	}

}
