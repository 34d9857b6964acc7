package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.platform.BeijingTime;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A visit recorded while the county bureau removes the entry: exactly one of the two acts wins
 * (both start from the same version; the visit bumps it, the removal requires it), and a visit is
 * never stored on an entry removed before it (promise 4: one winner, the loser gets 409).
 */
@IntegrationTest
class KeyPersonVisitRaceIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aVisitAndARemovalAtOnceHaveExactlyOneWinner() throws Exception {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		String worker = api.token("grid.worker", "Demo@2026");
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("邻居占用楼道堆放杂物", "再次反映楼道堆放杂物")) {
			var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，多次协调无果，请求督促处理。", "categoryCode", "URBAN", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "覃立新", "idNumber", IdNumber.withCheckCharacter("43070219660606123")))));
			assertThat(created.status()).isEqualTo(201);
			numbers.add(created.body().get("number").asString());
		}
		for (int round = 0; round < 6; round++) {
			var added = api.post("/api/v1/key-persons", registrar, Map.of("name", "覃立新", "countyCode", "430702", "basis",
					"REPEATED_PETITIONS", "basisRefs", numbers, "reason", "反复信访，包案化解中。", "leaderUsername", "leader",
					"gridWorkerUsername", "grid.worker", "followUpDays", 10, "reviewOn", today.plusMonths(1).toString()));
			assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
			long id = added.body().get("id").asLong();
			int version = added.body().get("version").asInt();
			var start = new CountDownLatch(1);
			var visit = CompletableFuture.supplyAsync(() -> {
				await(start);
				return api.post("/api/v1/key-persons/" + id + "/visits", worker,
						Map.of("visitedOn", today.toString(), "note", "入户走访，了解诉求进展。")).status();
			});
			var removal = CompletableFuture.supplyAsync(() -> {
				await(start);
				return api.post("/api/v1/key-persons/" + id + "/removal", registrar,
						Map.of("reason", "矛盾已化解，息诉罢访。", "version", version)).status();
			});
			start.countDown();
			int v = visit.get();
			int r = removal.get();
			assertThat(List.of(v, r)).as("round %d: visit %d, removal %d", round, v, r).containsOnlyOnce(409);
			long visits = jdbc.sql("SELECT count(*) FROM key_person_visit WHERE key_person_id = ?").param(id).query(Long.class).single();
			boolean removed = jdbc.sql("SELECT removed_on IS NOT NULL FROM key_person WHERE id = ?").param(id).query(Boolean.class).single();
			assertThat(removed ^ visits == 1).as("round %d: either removed or visited, not both", round).isTrue();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
