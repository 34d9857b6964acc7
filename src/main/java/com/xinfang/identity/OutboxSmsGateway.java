package com.xinfang.identity;

import com.xinfang.privacy.Masking;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Development SMS gateway: the log and the admin-visible outbox instead of a phone network. */
@Component
@ConditionalOnProperty(name = "xinfang.sms.gateway", havingValue = "outbox", matchIfMissing = true)
class OutboxSmsGateway implements SmsGateway, SmsOutbox {

	private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	OutboxSmsGateway(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void send(String phone, String text) {
		String masked = Masking.phone(phone);
		log.info("[SMS outbox] to {}: {}", masked, text);
		jdbc.sql("INSERT INTO sms_outbox (phone_mask, phone_enc, text, sent_at) VALUES (?,?,?,?)")
			.params(masked, cipher.encrypt(phone), text, OffsetDateTime.now(clock))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Message> recent(int limit) {
		return jdbc.sql("SELECT id, phone_mask, text, sent_at FROM sms_outbox ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query(Message.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Message> to(String phone, int limit) {
		return jdbc.sql("SELECT id, phone_mask, text, sent_at FROM sms_outbox WHERE phone_mask = ? ORDER BY id DESC LIMIT ?")
			.params(Masking.phone(phone), limit)
			.query(Message.class)
			.list()
			.stream()
			.filter(m -> true)
			.toList();
	}

}
