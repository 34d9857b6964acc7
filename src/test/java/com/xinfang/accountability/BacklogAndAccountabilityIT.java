package com.xinfang.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.analytics.Figures;
import com.xinfang.analytics.Indicators;
import com.xinfang.analytics.StatsRollup;
import com.xinfang.calendar.DeadlineClock;
import com.xinfang.calendar.Tone;
import com.xinfang.petition.DeadlineWatch;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

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
		// P1: decided on time (5-8 ≤ 5-10), replied 7-1 and closed on time (7-5 ≤ 7-8)
		long p1 = matter("AR19-1", "CLOSED", "2019-05-10", "2019-07-08", "2019-07-05", null, "2019-04-25");
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
		// P5: accepted on time (6-2 ≤ 6-3), reply approved on time (7-10 ≤ 7-25) and delivered, but never closed:
		// still open past its handling limit 7-25, so not handled in time (the 督办看板 lists it as overdue)
		long p5 = matter("AR19-5", "DELIVERED", "2019-06-03", "2019-07-25", null, null, "2019-05-20");
		decision(p5, "ACCEPT", "2019-06-02");
		approval(p5, "2019-07-10");

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
		// July: handling due for P1 (7-08), P2 (7-20) and P5 (7-25) → P2 (no reply) and P5 (replied, not closed) = 2 of 3
		var july = rates.total(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 31), "CD-SCJG", actor);
		assertThat(july.handleDue()).isEqualTo(3);
		assertThat(july.notHandled()).isEqualTo(2);
		assertThat(july.notHandledRate()).isEqualTo(2.0 / 3);
		var apiRates = api.get("/api/v1/accountability/rates?from=2019-05-01&to=2019-05-31&unitCode=CD-SCJG", supervisor).body();
		assertThat(apiRates.get(0).get("notAcceptedRate").asDouble()).isEqualTo(2.0 / 3);
		assertThat(api.get("/api/v1/accountability/rates?from=2019-05-31&to=2019-05-01", supervisor).status()).isEqualTo(400);
	}

	@Autowired
	DeadlineWatch watch;

	@Autowired
	StatsRollup rollup;

	@Autowired
	Indicators indicators;

	/**
	 * 应受理而不受理 / 应办理而不办理 of a unit count every matter the 督办看板 lists as overdue for it, and the
	 * dashboard's 超期未办结, 及时受理率 and 按期办结率 agree with both. A constructed 2018 in 桃源县.
	 */
	@Test
	void everyOverdueMatterOnTheBoardIsAFailedDutyOfItsUnit() {
		String r = "430725";
		// O1: transferred, acceptance limit 3-10 passed with no decision → overdue (acceptance), CD-SCJG
		matter(r, "OB18-1", "TRANSFERRED", "2018-03-10", null, null, null, "2018-02-20");
		// O2: accepted on time (3-20 ≤ 3-25), no reply, handling limit 5-10 passed → overdue (handling)
		long o2 = matter(r, "OB18-2", "ACCEPTED", "2018-03-25", "2018-05-10", null, null, "2018-03-10");
		decision(o2, "ACCEPT", "2018-03-20");
		// O3: accepted on time (3-28 ≤ 4-01), reply approved on time (4-20 ≤ 5-20) and delivered, not closed by 5-20 →
		// overdue (handling); before this rule 协调问责 counted it as handled while the board listed it
		long o3 = matter(r, "OB18-3", "DELIVERED", "2018-04-01", "2018-05-20", null, null, "2018-03-15");
		decision(o3, "ACCEPT", "2018-03-28");
		approval(o3, "2018-04-20");
		// O4: accepted on time (4-5 ≤ 4-10), closed on time (5-28 ≤ 6-10) → not on the board, both duties met
		long o4 = matter(r, "OB18-4", "CLOSED", "2018-04-10", "2018-06-10", "2018-05-28", null, "2018-03-25");
		decision(o4, "ACCEPT", "2018-04-05");
		approval(o4, "2018-05-20");
		// O5: registered by 桃源县信访局, never routed, acceptance limit 4-15 passed → overdue for the bureau itself
		long o5 = matter(r, "OB18-5", "REGISTERED", "2018-04-15", null, null, null, "2018-03-31");
		jdbc.sql("UPDATE petition SET responsible_unit_code = NULL, registering_unit_code = 'TY-XFJ' WHERE id = ?").param(o5).update();
		// O6: accepted on time (6-5 ≤ 6-10), handling limit still ahead, but repeats arrived 7-01 and 8-01 → 积案 from 8-01
		// (Art 19), neither overdue nor a failed duty
		long o6 = matter(r, "OB18-6", "ACCEPTED", "2018-06-10", LocalDate.now(clock).plusDays(20).toString(), null, null, "2018-06-01");
		decision(o6, "ACCEPT", "2018-06-05");
		matter(r, "OB18-6A", "MERGED", null, null, "2018-07-01", "OB18-6", "2018-07-01");
		matter(r, "OB18-6B", "MERGED", null, null, "2018-08-01", "OB18-6", "2018-08-01");
		// O7: 市人社局's, accepted on time (3-15 ≤ 3-20), closed 6-15 after its limit 5-01 → 积案 5-02, resolved 6-15
		long o7 = matter(r, "OB18-7", "CLOSED", "2018-03-20", "2018-05-01", "2018-06-15", null, "2018-03-05");
		decision(o7, "ACCEPT", "2018-03-15");
		jdbc.sql("UPDATE petition SET responsible_unit_code = 'CD-HRSS' WHERE id = ?").param(o7).update();

		// the board: open matters past their statutory limit, listed under the unit that owes the current duty
		LocalDate today = LocalDate.now(clock);
		Map<String, List<String>> board = watch.dueBy(today)
			.stream()
			.filter(m -> m.number().startsWith("OB18-"))
			.filter(m -> DeadlineClock.standing(m.statutoryDue(), today).tone() == Tone.OVERDUE)
			.collect(Collectors.groupingBy(m -> m.responsibleUnitCode() == null ? m.registeringUnitCode() : m.responsibleUnitCode(),
					Collectors.mapping(DeadlineWatch.DueMatter::number, Collectors.toList())));
		assertThat(board.get("CD-SCJG")).containsExactlyInAnyOrder("OB18-1", "OB18-2", "OB18-3");
		assertThat(board.get("TY-XFJ")).containsExactly("OB18-5");

		// 协调问责 over 2018 (every limit above falls in it): the same matters are its failures
		Actor supervisor = accounts.actorByUsername("city.supervisor").orElseThrow();
		LocalDate from = LocalDate.of(2018, 1, 1);
		LocalDate to = LocalDate.of(2018, 12, 31);
		var market = rates.total(from, to, "CD-SCJG", supervisor);
		// acceptance due O1..O4 and O6 = 5, failed O1; handling due O2, O3, O4 = 3, failed O2, O3 (O6's is ahead)
		assertThat(market.acceptDue()).isEqualTo(5);
		assertThat(market.notAccepted()).isEqualTo(1);
		assertThat(market.handleDue()).isEqualTo(3);
		assertThat(market.notHandled()).isEqualTo(2);
		assertThat(market.notAccepted() + market.notHandled()).isEqualTo(board.get("CD-SCJG").size());
		var bureau = rates.total(from, to, "TY-XFJ", supervisor);
		assertThat(bureau.acceptDue()).isEqualTo(1);
		assertThat(bureau.notAccepted()).isEqualTo(board.get("TY-XFJ").size());

		// the dashboard, for the county and the unit: the same duties and the same overdue matters
		rollup.refreshNow();
		Actor leader = accounts.actorByUsername("leader").orElseThrow();
		Figures dash = indicators.figures(indicators.resolve(leader, from, to, r, "CD-SCJG"));
		assertThat(dash.acceptDue()).isEqualTo(market.acceptDue());
		assertThat(dash.notAccepted()).isEqualTo(market.notAccepted());
		assertThat(dash.handleDue()).isEqualTo(market.handleDue());
		assertThat(dash.notHandled()).isEqualTo(market.notHandled());
		// 及时受理率 4/5, 按期办结率 1/3 (O4), 按期答复率 2/3 (O3, O4): never 100 % beside overdue matters
		assertThat(dash.acceptedOnTimeRate()).isEqualTo(0.8);
		assertThat(dash.closedOnTimeRate()).isEqualTo(0.3333);
		assertThat(dash.repliedOnTimeRate()).isEqualTo(0.6667);
		assertThat(dash.overdueOpen()).isEqualTo(3);
		assertThat(indicators.figures(indicators.resolve(leader, from, to, r, "TY-XFJ")).overdueOpen()).isEqualTo(1);
		assertThat(indicators.breakdown(indicators.resolve(leader, from, to, r, null), Indicators.Dimension.UNIT))
			.filteredOn(row -> row.code().equals("TY-XFJ"))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.figures().overdueOpen()).isEqualTo(1);
				assertThat(row.figures().notAccepted()).isEqualTo(1);
			});
		// 市人社局: O7's handling limit missed, closed late
		var hr = rates.total(from, to, "CD-HRSS", supervisor);
		assertThat(indicators.figures(indicators.resolve(leader, from, to, r, "CD-HRSS")).notHandled()).isEqualTo(hr.notHandled())
			.isEqualTo(1);

		// 积案 (Backlog's rule) in 2018 in 桃源县: O1 from 3-11, O5 4-16, O7 5-02, O2 5-11, O3 5-21, O6 8-01; O7 left 6-15
		Map<Integer, Backlog.MonthCount> taoyuan = backlog.counts(2018, supervisor)
			.stream()
			.filter(c -> c.countyCode().equals(r))
			.collect(Collectors.toMap(Backlog.MonthCount::month, Function.identity()));
		assertThat(counts(taoyuan.get(5))).containsExactly(3L, 0L, 0L, 5L);
		assertThat(counts(taoyuan.get(6))).containsExactly(0L, 1L, 0L, 4L);
		assertThat(counts(taoyuan.get(12))).containsExactly(0L, 0L, 0L, 5L);
		// the dashboard's 化解积案 in June is Backlog's 减存量 of June
		assertThat(indicators.figures(indicators.resolve(leader, LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30), r, null))
			.backlogResolved()).isEqualTo(taoyuan.get(6).resolved()).isEqualTo(1);
		// now, for the whole county (demo matters included): the dashboard's 积案 is 积案攻坚's list, its 超期未办结 the board's
		Figures county = indicators.figures(indicators.resolve(leader, from, to, r, null));
		assertThat(county.backlog()).isEqualTo(backlog.open(supervisor, 1_000_000).stream()
			.filter(b -> b.countyName().equals("桃源县"))
			.count());
		assertThat(county.overdueOpen()).isEqualTo(watch.dueBy(today).stream()
			.filter(m -> m.regionCode().startsWith(r) && DeadlineClock.standing(m.statutoryDue(), today).tone() == Tone.OVERDUE)
			.count());
		assertThat(county.backlog()).isGreaterThan(county.overdueOpen());
	}

	private void approval(long petitionId, String on) {
		jdbc.sql("""
				INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status)
				VALUES (?, ?::timestamptz, 'test', 'APPROVE', 'REPLY_PENDING_APPROVAL', 'REPLIED')""")
			.params(petitionId, on + "T15:00:00+08:00")
			.update();
		touched(petitionId);
	}

	/**
	 * A real act changes the matter's row with its history; the rollup's trigger is on the row. Without
	 * this, a background rollup run between the insert of the matter and of its history would keep
	 * it as undecided (the figures then disagree with the live duty counts by that matter).
	 */
	private void touched(long petitionId) {
		jdbc.sql("UPDATE petition SET version = version WHERE id = ?").param(petitionId).update();
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
		OffsetDateTime received = LocalDate.parse(receivedOn).atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
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
		touched(petitionId);
	}

}
