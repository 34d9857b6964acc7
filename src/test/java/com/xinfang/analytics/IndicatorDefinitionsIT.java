package com.xinfang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every indicator on a constructed set of five matters in 2010 (no demo matter is that old),
 * with the answers worked out by hand in the comments. Rolled back at the end.
 */
@IntegrationTest
@Transactional
class IndicatorDefinitionsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatsRollup rollup;

	@Autowired
	Indicators indicators;

	@Autowired
	Accounts accounts;

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
		// accepted in March: A (3-05), B (3-30), D (3-01), E (3-16); on time A, D, E → 3/4
		assertThat(march.accepted()).isEqualTo(4);
		assertThat(march.acceptedOnTimeRate()).isEqualTo(0.75);
		// replied in March: A, E, both on time (B replied in May)
		assertThat(march.replied()).isEqualTo(2);
		assertThat(march.repliedOnTimeRate()).isEqualTo(1.0);
		// closed in March: A only, on time, 23 days, not appealed and not unsatisfied
		assertThat(march.closed()).isEqualTo(1);
		assertThat(march.closedOnTimeRate()).isEqualTo(1.0);
		assertThat(march.averageHandlingDays()).isEqualTo(23.0);
		assertThat(march.oneTimeResolutionRate()).isEqualTo(1.0);
		// delivered in March: A (rated 满意) and E (not rated) → 参评率 1/2, 满意率 1/1
		assertThat(march.delivered()).isEqualTo(2);
		assertThat(march.ratingRate()).isEqualTo(0.5);
		assertThat(march.satisfactionRate()).isEqualTo(1.0);
		// acceptance duties due in March: A (3-17), B (3-24), D (3-12), E (3-30); B decided late → 1/4
		assertThat(march.acceptDue()).isEqualTo(4);
		assertThat(march.shouldAcceptNotAcceptedRate()).isEqualTo(0.25);
		// no handling duty fell due in March
		assertThat(march.handleDue()).isZero();
		assertThat(march.shouldHandleNotHandledRate()).isNull();
		// April: C's acceptance (4-14) never decided → 1/1; handling of D (no reply) and E (replied 3-27) due 4-30 → 1/2
		Figures april = figures("2010-04-01", "2010-04-30", "430700");
		assertThat(april.shouldAcceptNotAcceptedRate()).isEqualTo(1.0);
		assertThat(april.handleDue()).isEqualTo(2);
		assertThat(april.shouldHandleNotHandledRate()).isEqualTo(0.5);
		// the slot a mediation module will fill
		assertThat(march.mediationSuccessRate()).isNull();

		// open now: C, D, E are past their statutory limits; D and E past the handling limit (积案)
		Figures township = figures("2010-03-01", "2010-03-31", "430702001");
		assertThat(township.overdueOpen() - before.overdueOpen()).isEqualTo(3);
		assertThat(township.backlog() - before.backlog()).isEqualTo(2);

		// June: B closed late (a 积案 resolved), after 复查 was requested → not a one-time resolution
		Figures june = figures("2010-06-01", "2010-06-30", "430702");
		assertThat(june.closed()).isEqualTo(1);
		assertThat(june.closedOnTimeRate()).isEqualTo(0.0);
		assertThat(june.oneTimeResolutionRate()).isEqualTo(0.0);
		assertThat(june.backlogResolved()).isEqualTo(1);
		assertThat(june.backlogResolutionRate()).isEqualTo(Figures.rate(1, 1 + june.backlog()));
		// May: B replied late, delivered and rated 不满意; handling duties of A (5-04, on time) and B (5-15, late) → 1/2
		Figures may = figures("2010-05-01", "2010-05-31", "430702");
		assertThat(may.shouldHandleNotHandledRate()).isEqualTo(0.5);
		assertThat(may.repliedOnTimeRate()).isEqualTo(0.0);
		assertThat(may.satisfactionRate()).isEqualTo(0.0);
		assertThat(may.ratingRate()).isEqualTo(1.0);
		// a period of nothing: zero counts and no rates
		Figures empty = figures("2010-08-01", "2010-08-31", "430700");
		assertThat(empty.received()).isZero();
		assertThat(empty.acceptedOnTimeRate()).isNull();
	}

	@Test
	void combinesWholeMonthsWithTheDaysAtEitherEnd() {
		constructedSet();
		rollup.refreshNow();
		// 2-15..4-10: February's tail (D on 2-28), all of March (from the monthly table), April's head
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
		assertThat(months).extracting(p -> p.figures().received()).containsExactly(1L, 4L, 0L);
		List<Indicators.Row> counties = indicators.breakdown(q, Indicators.Dimension.REGION);
		assertThat(counties).filteredOn(r -> r.code().equals("430702")).singleElement()
			.satisfies(r -> assertThat(r.figures().received()).isEqualTo(5));
		assertThat(counties).filteredOn(r -> r.code().equals("430781")).singleElement()
			.satisfies(r -> assertThat(r.name()).isEqualTo("津市市"));
		List<Indicators.Row> units = indicators.breakdown(q, Indicators.Dimension.UNIT);
		assertThat(units.get(0).code()).isEqualTo("CD-HRSS");
	}

	@Autowired
	com.xinfang.supervision.AccountabilityRates accountability;

	/** The two accountability rates come from the rollup; they must agree with the supervision module's own count. */
	@Test
	void accountabilityCountsAgreeWithTheSupervisionModule() {
		rollup.refreshNow();
		LocalDate from = LocalDate.now().minusYears(1);
		LocalDate to = LocalDate.now();
		var theirs = accountability.total(from, to, null, leader());
		Figures ours = indicators.figures(indicators.resolve(leader(), from, to, null, null));
		assertThat(ours.acceptDue()).isEqualTo(theirs.acceptDue()).isPositive();
		assertThat(ours.notAccepted()).isEqualTo(theirs.notAccepted());
		assertThat(ours.handleDue()).isEqualTo(theirs.handleDue());
		assertThat(ours.notHandled()).isEqualTo(theirs.notHandled());
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
