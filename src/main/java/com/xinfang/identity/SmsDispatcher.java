package com.xinfang.identity;

import com.xinfang.platform.Rows;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends queued messages through the gateway. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several nodes never send the same message twice; a failed send is retried, at most 5 times.
 */
@Component
class SmsDispatcher {

	private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

	static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final SmsGateway gateway;

	private final Clock clock;

	SmsDispatcher(JdbcClient jdbc, PersonalDataCipher cipher, SmsGateway gateway, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.gateway = gateway;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${xinfang.sms.dispatch-interval:1000}")
	@Transactional
	public int dispatch() {
		record Pending(long id, byte[] phoneEnc, byte[] textEnc) {
		}
		List<Pending> batch = jdbc.sql("""
				SELECT id, phone_enc, text_enc FROM sms_outbox WHERE sent_at IS NULL AND attempts < ?
				ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED""")
			.param(MAX_ATTEMPTS)
			.query(Rows.of(Pending.class))
			.list();
		List<Long> sent = new ArrayList<>();
		for (Pending p : batch) {
			try {
				gateway.send(cipher.decrypt(p.phoneEnc()), cipher.decrypt(p.textEnc()));
				sent.add(p.id());
			}
			catch (Exception ex) {
				log.warn("SMS {} not sent: {}", p.id(), ex.getMessage());
				String error = String.valueOf(ex.getMessage());
				jdbc.sql("UPDATE sms_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
					.params(error.length() > 300 ? error.substring(0, 300) : error, p.id())
					.update();
			}
		}
		if (!sent.isEmpty()) {
			// one statement for the whole batch: the dispatcher's cost stays small beside the acts
			jdbc.sql("UPDATE sms_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ANY(?)")
				.params(OffsetDateTime.now(clock), sent.toArray(Long[]::new))
				.update();
		}
		return batch.size();
	}

}
