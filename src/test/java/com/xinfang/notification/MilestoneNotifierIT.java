package com.xinfang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.petition.PetitionAccepted;
import com.xinfang.petition.PetitionExtended;
import com.xinfang.petition.PetitionMoved;
import com.xinfang.petition.Action;
import com.xinfang.petition.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/** Issue 13 item 4: an event delivered twice (crash before completion, resubmission) texts once. */
@IntegrationTest
class MilestoneNotifierIT {

	@Autowired
	MilestoneNotifier notifier;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMilestoneEventHandledTwiceQueuesOneMessageButTheNextMilestoneItsOwn() {
		String number = jdbc.sql("""
				SELECT p.number FROM petition p JOIN petitioner r ON r.petition_id = p.id AND r.seq = 0
				WHERE r.phone_enc IS NOT NULL ORDER BY p.id LIMIT 1""").query(String.class).single();
		Instant at = Instant.parse("2026-11-21T02:00:00Z");
		var accepted = new PetitionAccepted(number, Status.TRANSFERRED, "CD-HRSS", at);
		// the listener itself, without the asynchronous proxy: two deliveries, one after the other
		MilestoneNotifier notifier = AopTestUtils.getTargetObject(this.notifier);
		long before = count(number);
		notifier.on(accepted);
		notifier.on(accepted); // the registry delivers it again
		assertThat(count(number) - before).isEqualTo(1);
		notifier.on(new PetitionExtended(number, 15, null, at.plusSeconds(60)));
		assertThat(count(number) - before).isEqualTo(2);
		// a step the petitioner is not told of queues nothing
		notifier.on(new PetitionMoved(number, Action.RECORD, Status.ACCEPTED, Status.ACCEPTED, null, at.plusSeconds(120)));
		assertThat(count(number) - before).isEqualTo(2);
	}

	private long count(String number) {
		return jdbc.sql("SELECT count(*) FROM sms_outbox WHERE dedupe_key LIKE ?").param("milestone:" + number + ":%")
			.query(Long.class).single();
	}

}
