package com.xinfang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Entries written in the act's transaction, chained after commit by one sealer. */
@IntegrationTest
class AuditLogIT {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void anEntryOfARolledBackActDoesNotExist() {
		String target = "rollback-" + UUID.randomUUID();
		tx.executeWithoutResult(s -> {
			audit.record("test", "CHECK", target, null);
			s.setRollbackOnly();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = ?").param(target).query(Long.class).single()).isZero();
	}

	@Test
	void concurrentActsAreAllChainedOnceInOneUnbrokenChain() throws Exception {
		String target = "concurrent-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Void>> acts = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				int n = i;
				acts.add(CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> audit.record("test", "CHECK", target, "#" + n)), pool));
			}
			CompletableFuture.allOf(acts.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdown();
		}
		assertThat(audit.verify()).isEqualTo(-1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target = ? AND chain_seq IS NOT NULL").param(target).query(Long.class).single())
			.isEqualTo(64);
		// one place each, no gap and no fork in the whole chain
		assertThat(jdbc.sql("SELECT count(*) = count(DISTINCT chain_seq) AND max(chain_seq) - min(chain_seq) + 1 = count(*) FROM audit_log WHERE chain_seq IS NOT NULL")
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_log a JOIN audit_log b ON b.chain_seq = a.chain_seq + 1 WHERE b.prev_hash <> a.hash""")
			.query(Long.class).single()).isZero();
	}

}
