package com.xinfang.identity;

import com.xinfang.platform.BeijingTime;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to petitioners. {@link #queue} joins the caller's transaction, so a message exists if and
 * only if the act that caused it was committed; {@link SmsDispatcher} sends it afterwards.
 */
@Service
public class SmsOutbox {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	SmsOutbox(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Transactional
	public void queue(String phone, String text) {
		jdbc.sql("INSERT INTO sms_outbox (phone_mask, phone_enc, text_enc, queued_at) VALUES (?,?,?,?)")
			.params(Masking.phone(phone), cipher.encrypt(phone), cipher.encrypt(text), OffsetDateTime.now(clock))
			.update();
	}

	/**
	 * Queues the message unless one with the same key was queued before (a listener re-run after a
	 * crash or a resubmission). Joins the caller's transaction; true if this call queued it.
	 */
	@Transactional
	public boolean queueOnce(String dedupeKey, String phone, String text) {
		return jdbc.sql("""
				INSERT INTO sms_outbox (phone_mask, phone_enc, text_enc, queued_at, dedupe_key) VALUES (?,?,?,?,?)
				ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING""")
			.params(Masking.phone(phone), cipher.encrypt(phone), cipher.encrypt(text), OffsetDateTime.now(clock), dedupeKey)
			.update() == 1;
	}

	/** Newest first, decrypted: for the administrators' page in development and for tests. */
	@Transactional(readOnly = true)
	public List<Message> recent(int limit) {
		return jdbc.sql("SELECT id, phone_mask, text_enc, queued_at, sent_at FROM sms_outbox ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), cipher.decrypt(rs.getBytes(3)),
					BeijingTime.of(rs.getObject(4, OffsetDateTime.class)), BeijingTime.of(rs.getObject(5, OffsetDateTime.class))))
			.list();
	}


	public record Message(long id, String phoneMask, String text, OffsetDateTime queuedAt, OffsetDateTime sentAt) {
	}

}
