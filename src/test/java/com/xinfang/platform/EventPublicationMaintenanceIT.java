package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13 item 4: completed publications are pruned after the retention; stale incomplete ones are counted. */
@IntegrationTest
class EventPublicationMaintenanceIT {

	@Autowired
	EventPublicationMaintenance maintenance;

	@Autowired
	JdbcClient jdbc;

	/** The application's clock: the registry stamps publications with it. */
	@Autowired
	Clock clock;

	private UUID insert(String published, String completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)
				VALUES (?, 'test.listener', 'com.xinfang.test.Nothing', ?, ? - CAST(? AS interval), ? - CAST(? AS interval))""")
			.params(id, "{\"id\":\"" + id + "\"}", OffsetDateTime.now(clock), published, OffsetDateTime.now(clock),
					completed)
			.update();
		if (completed == null) {
			jdbc.sql("UPDATE event_publication SET completion_date = NULL WHERE id = ?").param(id).update();
		}
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() == 1;
	}

	@Test
	void completedPublicationsOlderThanTheRetentionAreDeletedAndRecentOnesKept() {
		UUID old = insert("10 days", "9 days");
		UUID recent = insert("2 days", "1 day");
		maintenance.pruneCompleted();
		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(recent).update();
	}

	@Test
	void onlyPublicationsIncompleteForLongerThanTheThresholdCountAsStale() {
		double before = maintenance.countStale();
		UUID stale = insert("10 minutes", null);
		UUID fresh = insert("1 minute", null);
		try {
			assertThat(maintenance.countStale() - before).isEqualTo(1);
			assertThat(maintenance.countIncomplete()).isGreaterThanOrEqualTo(2);
		}
		finally {
			jdbc.sql("DELETE FROM event_publication WHERE id IN (?, ?)").params(stale, fresh).update();
		}
	}

}
