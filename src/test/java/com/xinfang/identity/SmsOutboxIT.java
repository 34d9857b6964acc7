package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class SmsOutboxIT {

	@Autowired
	SmsOutbox outbox;

	@Autowired
	SmsDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aMessageOfARolledBackActIsNeverSent() {
		long before = jdbc.sql("SELECT count(*) FROM sms_outbox").query(Long.class).single();
		tx.executeWithoutResult(status -> {
			outbox.queue("13900001111", "不应发送");
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM sms_outbox").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void queuedMessagesAreStoredEncryptedAndSentOnce() {
		outbox.queue("13900002222", "【常德信访】测试查询码ABCD2345");
		byte[] stored = jdbc.sql("SELECT text_enc FROM sms_outbox ORDER BY id DESC LIMIT 1").query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("ABCD2345");
		dispatcher.dispatch();
		var sent = outbox.recent(50).stream().filter(m -> m.text().contains("ABCD2345")).findFirst().orElseThrow();
		assertThat(sent.sentAt()).isNotNull();
		assertThat(jdbc.sql("SELECT attempts FROM sms_outbox WHERE id = ?").param(sent.id()).query(Integer.class).single())
			.isEqualTo(1);
		dispatcher.dispatch();
		assertThat(jdbc.sql("SELECT attempts FROM sms_outbox WHERE id = ?").param(sent.id()).query(Integer.class).single())
			.as("not sent twice").isEqualTo(1);
	}

}
