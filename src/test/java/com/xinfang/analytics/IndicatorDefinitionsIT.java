package com.xinfang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.accountability.AccountabilityRates;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every indicator on a constructed set of six matters in 2010 (no demo matter is that old),
 * with the answers worked out by hand in the comments. Rolled back at the end.
 * <p>
 * The timeliness rates are over the duties that fell due in the period, met or not: a matter still
 * open past its limit is in the denominator and not in the numerator (D, E, F in April).
 */
@IntegrationTest
@Transactional
class IndicatorDefinitionsIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatsRollup rollup;

	@Autowired
	Indicators indicators;

	@Autowired
	Accounts accounts;

	@Autowired
	MatterList matters;

	private Actor leader() {
		return accounts.actorByUsername("leader").orElseThrow();
	}

	private static int seq = 0;

	/** Inserts a matter of 穿紫河街道 (武陵区), handled by the 人社局, in the labour category. */
	private void matter(String status, String channel, String received, boolean firstTime, String flags, String accepted,
			String acceptStatutory, String replied, String handleStatutory, String delivered, String satisfaction,
			String closed, String appeal) {
		seq++;
		long id = jdbc.sql("""
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code,
				  category_code, responsible_unit_code, title, content, first_time, flags, accepted_at, accept_statutory,
				  replied_at, handle_statutory, delivered_at, satisfaction, closed_at, appeal_requested_at)
				VALUES (:number, 'x', :status, :channel, :received::timestamptz, :received::timestamptz, '430702001001', 'LABOR',
				  'CD-HRSS', '测试', '测试', :firstTime, :flags, :accepted::timestamptz, :acceptStatutory::date, :replied::timestamptz,
				  :handleStatutory::date, :delivered::timestamptz, :satisfaction, :closed::timestamptz, :appeal::timestamptz)
				RETURNING id""")
			.param("number", "T2010-" + System.nanoTime() + "-" + seq)
			.param("status", status)
			.param("channel", channel)
			.param("received", received)
			.param("firstTime", firstTime)
			.param("flags", flags)
			.param("accepted", accepted)
			.param("acceptStatutory", acceptStatutory)
			.param("replied", replied)
			.param("handleStatutory", handleStatutory)
			.param("delivered", delivered)
			.param("satisfaction", satisfaction)
			.param("closed", closed)
			.param("appeal", appeal)
			.query(Long.class)
			.single();
		if (accepted != null) {
			// the acceptance decision as the lifecycle records it (the 应受理 duty reads the history)
			jdbc.sql("INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status) "
					+ "VALUES (?, ?::timestamptz, 'test', 'ACCEPT', 'TRANSFERRED', 'ACCEPTED')")
				.params(id, accepted)
				.update();
		}
		if (replied != null && !status.equals("ACCEPTED") && !status.equals("REPLY_PENDING_APPROVAL")) {
			// the unit head approved the 处理意见书 on the day it was drafted (按期答复 reads the approval)
			jdbc.sql("INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status) "
					+ "VALUES (?, ?::timestamptz, 'test', 'APPROVE', 'REPLY_PENDING_APPROVAL', 'REPLIED')")
				.params(id, replied)
				.update();
		}
		// the history above changes no row of the matter: mark it changed, as a real act does, so a rollup run
		// in between does not keep it as it stood before its history
		jdbc.sql("UPDATE petition SET version = version WHERE id = ?").param(id).update();
	}

	private Figures figures(String from, String to, String region) {
		return indicators.figures(indicators.resolve(leader(), LocalDate.parse(from), LocalDate.parse(to), region, null));
	}

	private void constructedSet() {
		// A: online, accepted, replied, closed on time; delivered and rated 满意; 23 days from receipt to closure
		matter("CLOSED", "ONLINE", "2010-03-02 10:00+08", true, "", "2010-03-05 09:00+08", "2010-03-17", "2010-03-20 09:00+08",
				"2010-05-04", "2010-03-21 09:00+08", "SATISFIED", "2010-03-25 09:00+08", null);
		// B: a repeat letter that skipped a level; accepted late (3-30 > 3-24), replied and closed late (after 5-15),
		// delivered in May and rated 不满意, then 复查 requested
		matter("CLOSED", "LETTER", "2010-03-10 10:00+08", false, "BEYOND_LEVEL", "2010-03-30 09:00+08", "2010-03-24",
				"2010-05-20 09:00+08", "2010-05-15", "2010-05-21 09:00+08", "UNSATISFIED", "2010-06-01 09:00+08",
				"2010-06-05 09:00+08");
		// C: a visit to Beijing at 23:30 Beijing time on 3-31 (15:30 UTC): counts on 3-31; never accepted, overdue now
		matter("REGISTERED", "VISIT", "2010-03-31 23:30+08", true, "TO_BEIJING", null, "2010-04-14", null, null, null, null, null,
				null);
		// D: received 2-28 (outside March), accepted 3-01 on time, still open past its handling limit: 积案
		matter("ACCEPTED", "PHONE", "2010-02-28 23:59+08", true, "", "2010-03-01 09:00+08", "2010-03-12", null, "2010-04-30", null,
				null, null, null);
		// E: a call, accepted and replied on time, delivered 3-28 but not rated; open, past its handling limit: 积案
		matter("DELIVERED", "PHONE", "2010-03-15 10:00+08", true, "", "2010-03-16 09:00+08", "2010-03-30",
				"2010-03-27 09:00+08", "2010-04-30", "2010-03-28 09:00+08", null, null, null);
		// F: a fax received 2-01, accepted 2-03 on time (limit 2-15); its 意见书 drafted 4-10 but never approved, and
		// its handling limit 4-20 passed with the matter open: neither answered nor closed in time
		matter("REPLY_PENDING_APPROVAL", "FAX", "2010-02-01 10:00+08", true, "", "2010-02-03 09:00+08", "2010-02-15",
				"2010-04-10 09:00+08", "2010-04-20", null, null, null, null);
	}

	@Test
	void computesEveryIndicatorOfMarchByHand() {
		rollup.refreshNow();
		Figures before = figures("2010-03-01", "2010-03-31", "430702001");
		constructedSet();
		rollup.refreshNow();
		Figures march = figures("2010-03-01", "2010-03-31", "430700");

		// received in March: A, B, C, E (D was received on 2-28)
		assertThat(march.received()).isEqualTo(4);
		assertThat(march.byChannel()).containsEntry("ONLINE", 1L).containsEntry("LETTER", 1L).containsEntry("VISIT", 1L)
			.containsEntry("PHONE", 1L).containsEntry("FAX", 0L);
		// 重复信访率: B of 4
		assertThat(march.repeats()).isEqualTo(1);
		assertThat(march.repeatRate()).isEqualTo(0.25);
		assertThat(march.beyondLevel()).isEqualTo(1);
		assertThat(march.toBeijing()).isEqualTo(1);
		// accepted in March: A (3-05), B (3-30), D (3-01), E (3-16)
		assertThat(march.accepted()).isEqualTo(4);
		// 及时受理率 counts acceptance duties due in March: A (3-17), B (3-24), D (3-12), E (3-30);
		// decided by the limit A, D, E; B decided 3-30 > 3-24 → 3/4, and 应受理未受理率 is the other 1/4
		assertThat(march.acceptDue()).isEqualTo(4);
		assertThat(march.acceptedOnTimeRate()).isEqualTo(0.75);
		// replied in March: A (3-20), E (3-27) (B replied in May, F in April)
		assertThat(march.replied()).isEqualTo(2);
		// closed in March: A only, 23 days, not appealed and not unsatisfied
		assertThat(march.closed()).isEqualTo(1);
		assertThat(march.averageHandlingDays()).isEqualTo(23.0);
		// no handling limit fell due in March (A's is 5-04): 按期办结率 and 按期答复率 have nothing to count,
		// although A was closed in March (its on-time closure counts in May, when its limit fell due)
		assertThat(march.handleDue()).isZero();
		assertThat(march.closedOnTimeRate()).isNull();
		assertThat(march.repliedOnTimeRate()).isNull();
		assertThat(march.oneTimeResolutionRate()).isEqualTo(1.0);
		// delivered in March: A (rated 满意) and E (not rated) → 参评率 1/2, 满意率 1/1
		assertThat(march.delivered()).isEqualTo(2);
		assertThat(march.ratingRate()).isEqualTo(0.5);
		assertThat(march.satisfactionRate()).isEqualTo(1.0);
		assertThat(march.notAccepted()).isEqualTo(1);
		assertThat(march.shouldAcceptNotAcceptedRate()).isEqualTo(0.25);
		assertThat(march.shouldHandleNotHandledRate()).isNull();

		// April, the month of the missed limits.
		Figures april = figures("2010-04-01", "2010-04-30", "430700");
		// acceptance: C's limit 4-14 passed with no decision at all → due 1, met 0: 及时受理率 0 %, not "nothing to count"
		assertThat(april.acceptDue()).isEqualTo(1);
		assertThat(april.notAccepted()).isEqualTo(1);
		assertThat(april.acceptedOnTimeRate()).isEqualTo(0.0);
		assertThat(april.shouldAcceptNotAcceptedRate()).isEqualTo(1.0);
		// handling limits in April: F (4-20), D (4-30), E (4-30) → due 3. None is closed, all three still open:
		// 按期办结 0 of 3, 应办理而不办理 3 of 3 — E too, although its reply was approved in time (3-27).
		assertThat(april.handleDue()).isEqualTo(3);
		assertThat(april.notHandled()).isEqualTo(3);
		assertThat(april.closedOnTimeRate()).isEqualTo(0.0);
		assertThat(april.shouldHandleNotHandledRate()).isEqualTo(1.0);
		// 按期答复: only E's approved reply (3-27 ≤ 4-30); D has none, F's draft (4-10) was never approved → 1/3
		assertThat(april.repliedInTime()).isEqualTo(1);
		assertThat(april.repliedOnTimeRate()).isEqualTo(0.3333);
		// drafted in April: F
		assertThat(april.replied()).isEqualTo(1);
		// the matters behind April's 按期办结率 are its denominator: D, E, F (the three missed limits)
		StatsQuery aprilQuery = indicators.resolve(leader(), LocalDate.parse("2010-04-01"), LocalDate.parse("2010-04-30"),
				"430702001", null);
		assertThat(matters.page(aprilQuery, "closedOnTimeRate", null, null, 0).items()).extracting(MatterList.Item::status)
			.containsExactlyInAnyOrder("已受理，办理中", "已送达，待回访", "意见书待审核");
		assertThat(matters.page(aprilQuery, "shouldHandleNotHandledRate", null, null, 0).total()).isEqualTo(3);
		assertThat(matters.page(aprilQuery, "acceptedOnTimeRate", null, null, 0).total()).isEqualTo(1);

		// open now: C (acceptance limit 4-14), D, E (4-30), F (4-20) are past their limits, so all four are 积案 too
		// (supervision.Backlog: overdue on either clock). Each is one of April's failed duties above: 1 + 3 = 4.
		Figures township = figures("2010-03-01", "2010-03-31", "430702001");
		assertThat(township.overdueOpen() - before.overdueOpen()).isEqualTo(4);
		assertThat(township.backlog() - before.backlog()).isEqualTo(4);
		assertThat(april.notAccepted() + april.notHandled()).isEqualTo(township.overdueOpen() - before.overdueOpen());

		// May: handling limits of A (5-04: closed 3-25, reply approved 3-20 → met, in time) and B (5-15: closed 6-01,
		// reply approved 5-20 → neither) → 按期办结率 1/2, 应办理未办理率 1/2, 按期答复率 1/2.
		// B delivered 5-21 and rated 不满意 → 满意率 0/1, 参评率 1/1
		Figures may = figures("2010-05-01", "2010-05-31", "430702");
		assertThat(may.handleDue()).isEqualTo(2);
		assertThat(may.closedOnTimeRate()).isEqualTo(0.5);
		assertThat(may.shouldHandleNotHandledRate()).isEqualTo(0.5);
		assertThat(may.repliedOnTimeRate()).isEqualTo(0.5);
		assertThat(may.satisfactionRate()).isEqualTo(0.0);
		assertThat(may.ratingRate()).isEqualTo(1.0);

		// June: B closed 6-01 after its limit 5-15 (in the backlog from 5-16, resolved 6-01), after 复查 was requested →
		// not a one-time resolution; no limit fell
		// due in June, so no 按期办结率 (B's late closure already counted against May)
		Figures june = figures("2010-06-01", "2010-06-30", "430702");
		assertThat(june.closed()).isEqualTo(1);
		assertThat(june.closedOnTimeRate()).isNull();
		assertThat(june.oneTimeResolutionRate()).isEqualTo(0.0);
		assertThat(june.backlogResolved()).isEqualTo(1);
		assertThat(june.backlogResolutionRate()).isEqualTo(Figures.rate(1, 1 + june.backlog()));

		// the whole spring, February to June: acceptance due A, B, C, D, E, F = 6, failed B, C = 2 → 4/6;
		// handling due A, B, D, E, F = 5, met A only → 1/5, failed 4/5; replied in time A, E → 2/5
		Figures spring = figures("2010-02-01", "2010-06-30", "430702");
		assertThat(spring.acceptedOnTimeRate()).isEqualTo(0.6667);
		assertThat(spring.shouldAcceptNotAcceptedRate()).isEqualTo(0.3333);
		assertThat(spring.closedOnTimeRate()).isEqualTo(0.2);
		assertThat(spring.shouldHandleNotHandledRate()).isEqualTo(0.8);
		assertThat(spring.repliedOnTimeRate()).isEqualTo(0.4);
		// a period of nothing: zero counts and no rates
		Figures empty = figures("2010-08-01", "2010-08-31", "430700");
		assertThat(empty.received()).isZero();
		assertThat(empty.acceptedOnTimeRate()).isNull();
	}

	@Test
	void combinesWholeMonthsWithTheDaysAtEitherEnd() {
		constructedSet();
		rollup.refreshNow();
		// 2-15..4-10: February's tail (D on 2-28; F on 2-01 is before it), all of March (from the monthly table), April's head
		Figures f = figures("2010-02-15", "2010-04-10", "430700");
		assertThat(f.received()).isEqualTo(5);
		assertThat(f.byChannel()).containsEntry("PHONE", 2L);
		// a single day: C counts on 3-31 in Beijing time
		assertThat(figures("2010-03-31", "2010-03-31", "430702").received()).isEqualTo(1);
		assertThat(figures("2010-04-01", "2010-04-01", "430702").received()).isZero();
		// a county outside: nothing
		assertThat(figures("2010-02-15", "2010-04-10", "430703").received()).isZero();

		StatsQuery q = indicators.resolve(leader(), LocalDate.parse("2010-02-01"), LocalDate.parse("2010-04-30"), null, null);
		List<Indicators.Point> months = indicators.series(q, Indicators.Granularity.MONTH);
		// February: D and F; March: A, B, C, E
		assertThat(months).extracting(p -> p.figures().received()).containsExactly(2L, 4L, 0L);
		// the failed duties month by month: F's acceptance was on time (2-15); B's (3-24) was late; in April C's
		// acceptance and the handling of D, E, F
		assertThat(months).extracting(p -> p.figures().notAccepted() + p.figures().notHandled()).containsExactly(0L, 1L, 4L);
		List<Indicators.Row> counties = indicators.breakdown(q, Indicators.Dimension.REGION);
		// 武陵区, 2-01..4-30: all six
		assertThat(counties).filteredOn(r -> r.code().equals("430702")).singleElement()
			.satisfies(r -> assertThat(r.figures().received()).isEqualTo(6));
		assertThat(counties).filteredOn(r -> r.code().equals("430781")).singleElement()
			.satisfies(r -> assertThat(r.name()).isEqualTo("津市市"));
		List<Indicators.Row> units = indicators.breakdown(q, Indicators.Dimension.UNIT);
		assertThat(units.get(0).code()).isEqualTo("CD-HRSS");
	}

	@Autowired
	AccountabilityRates accountability;

	/** The two accountability rates come from the rollup; they must agree with the supervision module's own count. */
	@Test
	void accountabilityCountsAgreeWithTheSupervisionModule() {
		rollup.refreshNow();
		LocalDate from = LocalDate.now(clock).minusYears(1);
		LocalDate to = LocalDate.now(clock);
		var theirs = accountability.total(from, to, null, leader());
		Figures ours = indicators.figures(indicators.resolve(leader(), from, to, null, null));
		assertThat(ours.acceptDue()).isEqualTo(theirs.acceptDue()).isPositive();
		assertThat(ours.notAccepted()).isEqualTo(theirs.notAccepted());
		assertThat(ours.handleDue()).isEqualTo(theirs.handleDue());
		assertThat(ours.notHandled()).isEqualTo(theirs.notHandled());
	}

	@Autowired
	AnnualReport report;

	/** The Word report prints the dashboard's rates with their numerators and denominators, so they add up on paper. */
	@Test
	void theAnnualReportPrintsTheDutyRatesWithWhatTheyCount() throws Exception {
		constructedSet();
		rollup.refreshNow();
		StatsQuery year = indicators.resolve(leader(), LocalDate.parse("2010-01-01"), LocalDate.parse("2010-12-31"), "430702001",
				null);
		Figures f = indicators.figures(year);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(report.render(year, 2010)));
				var text = new XWPFWordExtractor(doc)) {
			String t = text.getText();
			// acceptance due A..F = 6, met 4 (B late, C never) → 66.7 %; 应受理而不受理 2 = 33.3 %
			assertThat(t).contains("法定受理期限在本期届满的信访事项6件，其中按期作出受理、不予受理或导入法定途径决定的4件，及时受理率66.7%")
				.contains("应受理而不受理2件，占比33.3%");
			// handling due A, B, D, E, F = 5, 办结 in time A → 20.0 %; approved replies in time A, E → 40.0 %; not handled 4
			assertThat(t).contains("法定办理期限在本期届满的已受理事项5件，其中按期办结1件，按期办结率20.0%")
				.contains("按期出具经审核的处理意见2件，按期答复率40.0%").contains("应办理而不办理4件（含超过期限仍未办结的），占比80.0%");
			assertThat(t).contains("超期未办结事项" + f.overdueOpen() + "件");
			// no dispute in 2010: the mediation sentence says so rather than 0 %
			assertThat(t).contains("全年排查化解矛盾纠纷0件次").contains("调解成功率—（上年—）");
		}
	}

	@Test
	void followsAChangeToAMatter() {
		constructedSet();
		rollup.refreshNow();
		assertThat(figures("2010-03-01", "2010-03-31", "430700").satisfactionRate()).isEqualTo(1.0);
		jdbc.sql("UPDATE petition SET satisfaction = 'UNSATISFIED' WHERE number LIKE 'T2010-%' AND channel = 'ONLINE'").update();
		jdbc.sql("DELETE FROM petition WHERE number LIKE 'T2010-%' AND channel = 'VISIT'").update();
		rollup.refreshNow();
		Figures march = figures("2010-03-01", "2010-03-31", "430700");
		assertThat(march.satisfactionRate()).isEqualTo(0.0);
		assertThat(march.oneTimeResolutionRate()).isEqualTo(0.0);
		assertThat(march.received()).isEqualTo(3);
		assertThat(march.toBeijing()).isZero();
	}

}
