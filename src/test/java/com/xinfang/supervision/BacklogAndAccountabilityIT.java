package com.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backlog counts and the accountability rates on a constructed history in 2019 in 津市市
 * (no demo matter is that old), with every expected figure worked out by hand in the comments.
 */
@IntegrationTest
class BacklogAndAccountabilityIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Backlog backlog;

	@Autowired
	AccountabilityRates rates;

	@Autowired
	Accounts accounts;

	@Test
	void theThreeBacklogCountsFollowTheHistory() {
		// A: accepted, handling limit 3-10, still open → enters 3-11, open from March on
		matter("BL19-A", "ACCEPTED", null, "2019-03-10", null, null, "2019-01-05");
		// B: handling limit 4-20, closed late on 6-5 → enters 4-21, resolved in June
		matter("BL19-B", "CLOSED", null, "2019-04-20", "2019-06-05", null, "2019-02-05");
		// C: closed on time 5-20, then petitioned again on 8-2 → never backlog, relapses in August
		matter("BL19-C", "CLOSED", null, "2019-05-31", "2019-05-20", null, "2019-03-05");
		matter("BL19-C1", "MERGED", null, null, "2019-08-02", "BL19-C", "2019-08-02");
		// D: repeats received 2-1 and 2-15 while open → enters on the second, 2-15; closed 7-10
		matter("BL19-D", "CLOSED", null, "2019-12-31", "2019-07-10", null, "2019-01-10");
		matter("BL19-D1", "MERGED", null, null, "2019-02-01", "BL19-D", "2019-02-01");
		matter("BL19-D2", "MERGED", null, null, "2019-02-15", "BL19-D", "2019-02-15");

		Actor supervisor = accounts.actorByUsername("city.supervisor").orElseThrow();
		Map<Integer, Backlog.MonthCount> jinshi = backlog.counts(2019, supervisor)
			.stream()
			.filter(c -> c.countyCode().equals("430781"))
			.collect(Collectors.toMap(Backlog.MonthCount::month, Function.identity()));
		assertThat(jinshi).doesNotContainKey(1);
		assertThat(counts(jinshi.get(2))).containsExactly(1L, 0L, 0L, 1L);
		assertThat(counts(jinshi.get(3))).containsExactly(1L, 0L, 0L, 2L);
		assertThat(counts(jinshi.get(4))).containsExactly(1L, 0L, 0L, 3L);
		assertThat(counts(jinshi.get(5))).containsExactly(0L, 0L, 0L, 3L);
		assertThat(counts(jinshi.get(6))).containsExactly(0L, 1L, 0L, 2L);
		assertThat(counts(jinshi.get(7))).containsExactly(0L, 1L, 0L, 1L);
		assertThat(counts(jinshi.get(8))).containsExactly(0L, 0L, 1L, 1L);
		assertThat(counts(jinshi.get(12))).containsExactly(0L, 0L, 0L, 1L);
		assertThat(backlog.open(supervisor, 1000)).extracting(Backlog.BacklogMatter::number).contains("BL19-A")
			.doesNotContain("BL19-B", "BL19-C", "BL19-D");

		// a department sees only its own matters' backlog
		Actor hr = accounts.actorByUsername("hr.officer").orElseThrow();
		assertThat(backlog.counts(2019, hr)).noneMatch(c -> c.countyCode().equals("430781"));
	}

	@Test
	void theTwoAccountabilityRatesCountMissedLimitsAndFindings() {
		// P1: decided on time (5-8 ≤ 5-10) and replied on time (7-1 ≤ 7-8)
		long p1 = matter("AR19-1", "REPLIED", "2019-05-10", "2019-07-08", null, null, "2019-04-25");
		decision(p1, "ACCEPT", "2019-05-08");
		jdbc.sql("UPDATE petition SET replied_at = ?::timestamptz WHERE id = ?").params("2019-07-01T10:00:00+08:00", p1).update();
		// P2: accepted late (5-20 > 5-12), no reply by 7-20
		long p2 = matter("AR19-2", "ACCEPTED", "2019-05-12", "2019-07-20", null, null, "2019-04-27");
		decision(p2, "ACCEPT", "2019-05-20");
		// P3: rejected on time, then found to have been acceptable
		long p3 = matter("AR19-3", "NOT_ACCEPTED", "2019-05-15", null, "2019-05-14", null, "2019-04-30");
		jdbc.sql("UPDATE petition SET accepted_at = NULL WHERE id = ?").param(p3).update();
		decision(p3, "REJECT", "2019-05-14");
		// P4: acceptance due in June: outside May
		matter("AR19-4", "REGISTERED", "2019-06-15", null, null, null, "2019-06-01");

		var api = new TestApi(port);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		assertThat(api.post("/api/v1/petitions/AR19-3/findings", api.token("hr.officer", "Demo@2026"),
				Map.of("kind", "SHOULD_HAVE_ACCEPTED", "reason", "属于本单位职责范围且材料齐全，应当受理")).status()).isIn(403, 404);
		assertThat(api.post("/api/v1/petitions/AR19-1/findings", supervisor,
				Map.of("kind", "SHOULD_HAVE_ACCEPTED", "reason", "该事项已受理，不能认定为不受理")).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/petitions/AR19-3/findings", supervisor, Map.of("kind", "SHOULD_HAVE_ACCEPTED", "reason", "短"))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/petitions/AR19-3/findings", supervisor,
				Map.of("kind", "SHOULD_HAVE_ACCEPTED", "reason", "属于本单位职责范围且材料齐全，应当受理")).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/petitions/AR19-3/findings", supervisor,
				Map.of("kind", "SHOULD_HAVE_ACCEPTED", "reason", "重复认定应当被拒绝，不再记录")).status()).isEqualTo(409);

		Actor actor = accounts.actorByUsername("city.supervisor").orElseThrow();
		// May: acceptance due for P1, P2, P3 → failed P2 (late) and P3 (finding) = 2 of 3
		var may = rates.total(LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31), "CD-SCJG", actor);
		assertThat(may.acceptDue()).isEqualTo(3);
		assertThat(may.notAccepted()).isEqualTo(2);
		assertThat(may.notAcceptedRate()).isEqualTo(2.0 / 3);
		assertThat(may.handleDue()).isZero();
		assertThat(may.notHandledRate()).isNull();
		// July: handling due for P1 and P2 → P2 not replied = 1 of 2
		var july = rates.total(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 31), "CD-SCJG", actor);
		assertThat(july.handleDue()).isEqualTo(2);
		assertThat(july.notHandled()).isEqualTo(1);
		var apiRates = api.get("/api/v1/accountability/rates?from=2019-05-01&to=2019-05-31&unitCode=CD-SCJG", supervisor).body();
		assertThat(apiRates.get(0).get("notAcceptedRate").asDouble()).isEqualTo(2.0 / 3);
		assertThat(api.get("/api/v1/accountability/rates?from=2019-05-31&to=2019-05-01", supervisor).status()).isEqualTo(400);
	}

	private static List<Long> counts(Backlog.MonthCount c) {
		return List.of(c.newCases(), c.resolved(), c.relapsed(), c.openAtMonthEnd());
	}

	/** A matter handled by 市市场监督管理局, inserted as it would stand after its history. */
	private long matter(String number, String status, String acceptStatutory, String handleStatutory, String closedOn,
			String duplicateOf, String receivedOn) {
		return matter(number.startsWith("AR") ? "430726" : "430781", number, status, acceptStatutory, handleStatutory, closedOn,
				duplicateOf, receivedOn);
	}

	/** The backlog matters are in 津市市, the accountability ones in 石门县, so the two tests never count each other's. */
	private long matter(String region, String number, String status, String acceptStatutory, String handleStatutory, String closedOn,
			String duplicateOf, String receivedOn) {
		OffsetDateTime received = LocalDate.parse(receivedOn).atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8));
		return jdbc.sql("""
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code, title, content,
				  responsible_unit_code, registering_unit_code, duplicate_of, accept_statutory, handle_statutory, accepted_at, closed_at)
				VALUES (?, 'x', ?, 'LETTER', ?, ?, ?, '构造的事项', '用于积案与问责统计的构造事项', 'CD-SCJG', 'JS-XFJ', ?, ?::date,
				  ?::date, CASE WHEN ?::date IS NULL THEN NULL ELSE ?::timestamptz END, ?::timestamptz)
				RETURNING id""")
			.params(number, status, received, received, region, duplicateOf, acceptStatutory, handleStatutory, handleStatutory, received,
					closedOn == null ? null : closedOn + "T16:00:00+08:00")
			.query(Long.class)
			.single();
	}

	private void decision(long petitionId, String action, String on) {
		jdbc.sql("""
				INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status)
				VALUES (?, ?::timestamptz, 'test', ?, 'TRANSFERRED', 'ACCEPTED')""")
			.params(petitionId, on + "T11:00:00+08:00", action)
			.update();
	}

}
