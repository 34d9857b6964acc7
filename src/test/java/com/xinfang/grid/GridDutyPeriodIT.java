package com.xinfang.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.analytics.AnnualReport;
import com.xinfang.analytics.StatsQuery;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Role;
import com.xinfang.prevention.VillageRatings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 网格排查报告率 over the days each worker was actually 在岗 (the status history grid_duty_period), on a
 * hand-built 2022 of 青林社区 (桃源县 漳江街道), whose grids have no demo workers; then the same village's
 * 无上访村(社区) figures in the annual report. Every expected figure is worked out in the comments.
 */
@IntegrationTest
class GridDutyPeriodIT {

	static final String VILLAGE = "430725001003";

	static final String GRID = "430725001003001";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolLog patrols;

	@Autowired
	VillageRatings ratings;

	@Autowired
	AnnualReport report;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM village_rating WHERE village_code = ?").param(VILLAGE).update();
		jdbc.sql("DELETE FROM grid_patrol WHERE grid_code LIKE ?").param(VILLAGE + "%").update();
		jdbc.sql("DELETE FROM grid_duty_period WHERE grid_code LIKE ?").param(VILLAGE + "%").update();
		jdbc.sql("DELETE FROM grid_member WHERE grid_code LIKE ?").param(VILLAGE + "%").update();
	}

	/** Moves the test's clock to 09:00 Beijing time of the day. */
	static void on(MovableClock clock, String day) {
		clock.advance(Duration.between(clock.instant(), Instant.parse(day + "T01:00:00Z")));
	}

	@Test
	void theReportingRateOwesOnlyTheDaysOnDutyAndTheReportPrintsTheVillagesFigures() {
		long tag = System.nanoTime() % 1_000_000;
		long wang = accounts.createStaff("duty.wang" + tag, "Demo@2026x", "汪网格", "TY-ZJ", EnumSet.of(Role.GRID_WORKER));
		long zhu = accounts.createStaff("duty.zhu" + tag, "Demo@2026x", "朱网格", "TY-ZJ", EnumSet.of(Role.GRID_WORKER));
		var township = accounts.actorByUsername("taoyuan.center").orElseThrow(); // 桃源县 矛调中心 oversees 漳江街道
		MovableClock clock = new MovableClock(Instant.parse("2022-01-01T01:00:00Z"));
		Grids grids = new Grids(jdbc, clock); // the real status changes, on the days they happened

		// 2022-01-01: both join 青林社区第一网格 (在岗); 朱网格 is seconded (临时抽调) the same day: that status holds from 01-01
		grids.addMember(GRID, wang, Duty.HEAD, null);
		grids.addMember(GRID, zhu, Duty.MEMBER, null);
		grids.changeStatus(GRID, zhu, WorkerStatus.SECONDED, 0, township);
		// 2022-04-01: 汪网格 goes on leave (休假); 2022-05-01: back 在岗 (and still is)
		on(clock, "2022-04-01");
		grids.changeStatus(GRID, wang, WorkerStatus.LEAVE, 0, township);
		on(clock, "2022-05-01");
		grids.changeStatus(GRID, wang, WorkerStatus.ON_DUTY, 1, township);
		assertThat(jdbc.sql("SELECT status || ' ' || from_day || ' ' || coalesce(to_day::text, '…') FROM grid_duty_period "
				+ "WHERE grid_code = ? AND user_id = ? ORDER BY from_day").params(GRID, wang).query(String.class).list())
			.containsExactly("ON_DUTY 2022-01-01 2022-03-31", "LEAVE 2022-04-01 2022-04-30", "ON_DUTY 2022-05-01 …");
		assertThat(jdbc.sql("SELECT status || ' ' || from_day FROM grid_duty_period WHERE grid_code = ? AND user_id = ?")
			.params(GRID, zhu).query(String.class).list()).containsExactly("SECONDED 2022-01-01");

		// reports: 汪网格 every day of January (31), ten days of his leave 04-05..04-14 (10), and 200 days from 05-01 (05-01..11-16);
		// 朱网格 five days in June while seconded
		patrols(wang, LocalDate.parse("2022-01-01"), 31);
		patrols(wang, LocalDate.parse("2022-04-05"), 10);
		patrols(wang, LocalDate.parse("2022-05-01"), 200);
		patrols(zhu, LocalDate.parse("2022-06-01"), 5);

		// the year: 汪网格 owes 01-01..03-31 = 31 + 28 + 31 = 90 days and 05-01..12-31 = 31+30+31+31+30+31+30+31 = 245 days → 335;
		// 朱网格 owes nothing (seconded all year). Reported on owed days: 31 + 200 = 231 (the leave and the seconded reports do
		// not count) → 231 ÷ 335 = 68.96 %. (Today's status 在岗 for the whole year would have said 241 ÷ 365 = 66.03 %.)
		var year = patrols.coverage(VILLAGE, LocalDate.parse("2022-01-01"), LocalDate.parse("2022-12-31"));
		assertThat(year.owedDays()).isEqualTo(335);
		assertThat(year.reportedDays()).isEqualTo(231);
		assertThat(year.rate()).isCloseTo(231.0 / 335, Offset.offset(1e-12));
		// the second quarter: owed 05-01..06-30 = 61 days, all reported → 100 %; April (on leave) owes nothing
		var q2 = patrols.coverage(VILLAGE, LocalDate.parse("2022-04-01"), LocalDate.parse("2022-06-30"));
		assertThat(q2.owedDays()).isEqualTo(61);
		assertThat(q2.reportedDays()).isEqualTo(61);
		// the township's page for November: owed 30, reported 11-01..11-16 = 16 → 14 days missing; 朱网格 owes none
		var november = patrols.reporting(VILLAGE, LocalDate.parse("2022-11-01"), LocalDate.parse("2022-11-30"), township);
		assertThat(november).filteredOn(r -> r.userId() == wang).singleElement().satisfies(r -> {
			assertThat(r.days()).isEqualTo(30);
			assertThat(r.missingDays()).isEqualTo(14);
		});
		assertThat(november).filteredOn(r -> r.userId() == zhu).singleElement().satisfies(r -> assertThat(r.missingDays()).isZero());

		// the 无上访村 rating uses the same figure: REPORTING_RATE 68.96 % < 95 % (a threshold item, not a veto)
		var rating = ratings.assess(VILLAGE, 2022).result();
		assertThat(rating.lines()).filteredOn(l -> l.code().equals("REPORTING_RATE")).singleElement()
			.satisfies(l -> assertThat(l.value()).isCloseTo(231.0 / 335, Offset.offset(1e-12)));

		// the village's ratings: 2021 a first rating approved 2021-12-20 (title until 2023-12-20); 2022 the annual review,
		// not approved by the county on 2022-12-15, which cut the title to 2022-12-14
		rating(2021, "GRANT", "APPROVED", "2021-12-20", "2022-12-14", wang);
		rating(2022, "REVIEW", "REJECTED", "2022-12-15", null, wang);
		// 2022: 1 village; its computed rating misses the reporting rate only → eligible 0, vetoed 0, missed 1; 1 self-assessment,
		// 0 granted, 0 kept, 1 withdrawn; on 2022-12-31 the title ran to 12-14 only → holding 0
		var s2022 = ratings.summary(VILLAGE, 2022);
		assertThat(s2022).isEqualTo(new VillageRatings.Summary(1, 0, 0, 1, 1, 0, 0, 1, 0, LocalDate.parse("2022-12-31")));
		// 2021: nobody owed a report (the history starts in 2022) and nothing else happened → eligible 1; 1 self-assessment,
		// 1 granted; on 2021-12-31 the title (approved 12-20, to 2022-12-14) was held → holding 1
		var s2021 = ratings.summary(VILLAGE, 2021);
		assertThat(s2021).isEqualTo(new VillageRatings.Summary(1, 1, 0, 0, 1, 1, 0, 0, 1, LocalDate.parse("2021-12-31")));

		// the annual report prints the same figures
		String text = reportText(2022);
		assertThat(text).contains("“无上访村（社区）”创建：辖区共有村（社区）1个，按数据评定2022年度各项指标全部达标0个，占0.0%；有一票否决项未达标0个，"
				+ "其他指标未达标1个。本年度村（社区）自评1个，经乡镇审核、县级批准新授予称号0个，年度复核保留称号0个、撤销称号1个；"
				+ "截至2022-12-31持有“无上访村（社区）”称号0个。");
		assertThat(reportText(2021)).contains("全部达标1个，占100.0%", "新授予称号1个", "截至2021-12-31持有“无上访村（社区）”称号1个");
	}

	String reportText(int year) {
		var q = new StatsQuery(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), VILLAGE, VILLAGE, null);
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(report.render(q, year)));
				var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	void patrols(long user, LocalDate first, int days) {
		jdbc.sql("""
				INSERT INTO grid_patrol (grid_code, user_id, day, zero_report, households_visited, disputes_found, demands_found, hazards_found,
				                         note, recorded_at)
				SELECT ?, ?, ?::date + g, true, 0, 0, 0, 0, '零报告', now() FROM generate_series(0, ? - 1) g""")
			.params(GRID, user, first, days)
			.update();
	}

	void rating(int year, String kind, String status, String countyOn, String titleUntil, long by) {
		long county = accounts.actorByUsername("taoyuan.center").orElseThrow().userId();
		jdbc.sql("""
				INSERT INTO village_rating (village_code, year, kind, status, eligible, figures, self_by, self_at, county_by, county_at, title_until)
				VALUES (?, ?, ?, ?, true, '手工构造', ?, ?::date, ?, (?::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', ?::date)""")
			.params(VILLAGE, year, kind, status, by, year + "-11-01", county, countyOn, titleUntil)
			.update();
	}


}
