package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.TestApi;
import com.xinfang.analytics.AnnualReport;
import com.xinfang.analytics.StatsQuery;
import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Grids;
import com.xinfang.grid.PatrolLog;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Role;
import com.xinfang.mediation.MediationFigures;
import com.xinfang.organization.Directory;
import com.xinfang.petition.RegionFigures;
import com.xinfang.platform.DomainException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 信访工作示范县创建进展 on a hand-built county: 安乡县 has no villages in the reference data, so the test gives it
 * one town (深柳镇) of four villages and communities and their 2023, every expected figure worked out in the
 * comments; the figures agree with the 无上访村 summary and county page, the mediation figures and the grid
 * reporting rate (the same computations); thresholds and on/off are configuration; a county sees itself only,
 * the city every county, a township or a department nothing; the annual report's by-county 无上访村 table adds up.
 */
@IntegrationTest
class ModelCountyIT {

	static final String COUNTY = "430721";

	static final String TOWN = "430721100";

	static final String A = TOWN + "001", B = TOWN + "002", C = TOWN + "003", D = TOWN + "004";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	RegionFigures petitions;

	@Autowired
	MediationFigures mediation;

	@Autowired
	PatrolLog patrols;

	@Autowired
	Grids grids;

	@Autowired
	AuditLog audit;

	@Autowired
	VillageRatings appRatings;

	@Autowired
	java.time.Clock appClock;

	@Autowired
	AnnualReport report;

	/** 2024-01-10 09:00 in Beijing: the "now" items (open red disputes, overdue repeats) are as of that day. */
	MovableClock clock = new MovableClock(Instant.parse("2024-01-10T01:00:00Z"));

	VillageRatings ratings;

	ModelCounty model;

	long an, kang;

	@BeforeEach
	void buildTheCounty() {
		ratings = new VillageRatings(jdbc, petitions, mediation, patrols, grids, directory, audit, clock);
		model = new ModelCounty(jdbc, ratings, petitions, mediation, patrols, directory, clock);
		jdbc.sql("""
				INSERT INTO region (code, name, level, parent_code, sort_order) VALUES
				  (?, '深柳镇', 'TOWNSHIP', ?, 900), (?, '书院洲社区', 'VILLAGE', ?, 901), (?, '安康社区', 'VILLAGE', ?, 902),
				  (?, '竹林垸村', 'VILLAGE', ?, 903), (?, '西湖村', 'VILLAGE', ?, 904) ON CONFLICT DO NOTHING""")
			.params(TOWN, COUNTY, A, TOWN, B, TOWN, C, TOWN, D, TOWN)
			.update();
		directory.reload();
		long tag = System.nanoTime() % 1_000_000;
		an = accounts.createStaff("mc.an" + tag, "Demo@2026x", "安网格", "AX-XFJ", EnumSet.of(Role.GRID_WORKER));
		kang = accounts.createStaff("mc.kang" + tag, "Demo@2026x", "康网格", "AX-XFJ", EnumSet.of(Role.GRID_WORKER));
		// one grid per village: households 200 (A), 300 (B), 250 (C), 250 (D); 安网格 in A and B, 康网格 in C and D,
		// each 在岗 the whole of 2023: owed 4 × 365 = 1460 days
		grid(A, 200, an);
		grid(B, 300, an);
		grid(C, 250, kang);
		grid(D, 250, kang);
		// reports: A, B and C on all 365 days, D on 200 → reported 3 × 365 + 200 = 1295; 1295 ÷ 1460 = 88.70 % (D alone 54.8 %)
		patrols(A, an, 365);
		patrols(B, an, 365);
		patrols(C, kang, 365);
		patrols(D, kang, 200);
		// mediation ended in 2023: A 8 agreed; B 1 agreed, 1 failed → county 9 ÷ 10 = 90 % (B alone 50 %)
		for (int i = 0; i < 8; i++) {
			dispute(A, LocalDate.of(2023, 3, 1 + i), "AGREED", "GREEN");
		}
		dispute(B, LocalDate.of(2023, 6, 1), "AGREED", "GREEN");
		dispute(B, LocalDate.of(2023, 6, 2), "FAILED", "GREEN");
		// C: a red dispute still being mediated (now) → OPEN_RED_DISPUTES 1 (a veto item of C's rating)
		dispute(C, LocalDate.of(2023, 11, 1), null, "RED");
		// petitions received in 2023: A one 越级访, C one 进京访, B one ordinary; D a repeat open past its limit (2023-12-20)
		petition(A, "2023-05-01", true, "BEYOND_LEVEL", "CLOSED", "2023-05-16");
		petition(C, "2023-06-01", true, "TO_BEIJING", "CLOSED", "2023-06-16");
		petition(B, "2023-07-01", true, "", "CLOSED", "2023-07-16");
		petition(D, "2023-11-20", false, "", "ACCEPTED", "2023-12-20");
		// B holds the title: a first rating approved 2023-03-01, until 2025-03-01
		long county = accounts.actorByUsername("wuling.center").orElseThrow().userId();
		jdbc.sql("""
				INSERT INTO village_rating (village_code, year, kind, status, eligible, figures, self_by, self_at, county_by, county_at, title_until)
				VALUES (?, 2023, 'GRANT', 'APPROVED', true, '手工构造', ?, timestamptz '2023-02-01 10:00+08', ?, timestamptz '2023-03-01 10:00+08',
				        date '2025-03-01')""")
			.params(B, an, county)
			.update();
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("UPDATE model_county_criterion SET active = true").update();
		jdbc.sql("UPDATE model_county_criterion SET threshold = 0 WHERE code = 'TO_BEIJING'").update();
		jdbc.sql("DELETE FROM village_rating WHERE village_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM grid_patrol WHERE grid_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM grid_duty_period WHERE grid_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM grid_member WHERE grid_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM grid WHERE village_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM dispute WHERE region_code LIKE ?").param(TOWN + "%").update();
		jdbc.sql("DELETE FROM petition WHERE number LIKE 'MC%'").update();
		jdbc.sql("DELETE FROM throttle").update();
	}

	@Test
	void theCountysProgressIsComputedFromTheDataAndAgreesWithTheFiguresItReuses() {
		var p = model.compute(directory.region(COUNTY).orElseThrow(), 2023, model.criteria());
		// the villages, as their own ratings say (indicators of village_indicator):
		//   A 书院洲社区: 越级访 1 → veto;  B 安康社区: 调解成功率 50 % < 95 % → missed (1 petition × 1000 ÷ 300 = 3.33 ≤ 5);
		//   C 竹林垸村: 进京访 1 and an open red dispute → veto;  D 西湖村: a repeat open past its limit → veto (and 54.8 % reporting)
		// → villages 4, eligible 0, vetoed 3, missed 1; holding on 2023-12-31: B → 1
		assertThat(p.villages()).isEqualTo(new VillageRatings.Summary(4, 0, 3, 1, 1, 1, 0, 0, 1, LocalDate.parse("2023-12-31")));
		assertThat(p.from()).isEqualTo(LocalDate.parse("2023-01-01"));
		assertThat(p.to()).isEqualTo(LocalDate.parse("2023-12-31"));
		// the criteria:  进京访 1 > 0 (veto, fails);  overdue repeats 1 > 0 (veto, fails);  越级访+进京访 2 ≤ 10 (passes);
		//   open red disputes 1 > 0 (fails);  title 1 ÷ 4 = 25 % < 60 % (fails);  vetoed villages 3 > 0 (fails);
		//   调解成功率 9 ÷ 10 = 90 % < 95 % (fails);  reporting 1295 ÷ 1460 = 88.70 % < 95 % (fails)  → 1 of 8, vetoed
		assertThat(value(p, "TO_BEIJING")).isEqualTo(1.0);
		assertThat(value(p, "OVERDUE_REPEATS")).isEqualTo(1.0);
		assertThat(value(p, "BEYOND_LEVEL")).isEqualTo(2.0);
		assertThat(value(p, "OPEN_RED_DISPUTES")).isEqualTo(1.0);
		assertThat(value(p, "TITLE_RATE")).isEqualTo(0.25);
		assertThat(value(p, "VETOED_VILLAGES")).isEqualTo(3.0);
		assertThat(value(p, "MEDIATION_SUCCESS_RATE")).isCloseTo(0.9, Offset.offset(1e-12));
		assertThat(value(p, "REPORTING_RATE")).isCloseTo(1295.0 / 1460, Offset.offset(1e-12));
		assertThat(p.result().lines()).extracting(VillageRatingRule.Line::passed).containsExactly(false, false, true, false, false, false, false, false);
		assertThat(p.passed()).isEqualTo(1);
		assertThat(p.criteria()).isEqualTo(8);
		assertThat(p.result().vetoed()).isTrue();
		assertThat(p.verdict()).isEqualTo("有一票否决项未达标");
		assertThat(p.basis().get("REPORTING_RATE")).isEqualTo("已报1295天 / 在岗应报1460天");
		assertThat(p.basis().get("TITLE_RATE")).isEqualTo("截至2023-12-31持有称号1个 / 村（社区）4个");
		assertThat(p.basis().get("MEDIATION_SUCCESS_RATE")).startsWith("达成协议9件 / 调解终结10件");

		// the same computations, not copies: the 无上访村 summary, its county page, the mediation figures, the reporting rate
		assertThat(p.villages()).isEqualTo(ratings.summary(COUNTY, 2023));
		var leader = accounts.actorByUsername("leader").orElseThrow();
		var page = ratings.county(COUNTY, 2023, leader);
		assertThat(page).hasSize(4);
		assertThat(page.stream().filter(l -> l.result().vetoed()).count()).isEqualTo(3);
		assertThat(page.stream().filter(l -> !l.result().eligible() && !l.result().vetoed()).map(VillageRatings.VillageLine::name)).containsExactly("安康社区");
		assertThat(page.stream().filter(VillageRatings.VillageLine::holdsTitle).map(VillageRatings.VillageLine::name)).containsExactly("安康社区");
		assertThat(value(p, "MEDIATION_SUCCESS_RATE")).isEqualTo(mediation.of(COUNTY, p.from(), p.to()).successRate());
		assertThat(value(p, "REPORTING_RATE")).isEqualTo(patrols.coverage(COUNTY, p.from(), p.to()).rate());

		// configuration: 进京访 allowed up to 1, the overdue-repeat criterion switched off → no veto left; 1 + 1 passed of 7
		jdbc.sql("UPDATE model_county_criterion SET threshold = 1 WHERE code = 'TO_BEIJING'").update();
		jdbc.sql("UPDATE model_county_criterion SET active = false WHERE code = 'OVERDUE_REPEATS'").update();
		var configured = model.compute(directory.region(COUNTY).orElseThrow(), 2023, model.criteria());
		assertThat(configured.criteria()).isEqualTo(7);
		assertThat(configured.passed()).isEqualTo(2);
		assertThat(configured.result().vetoed()).isFalse();
		assertThat(configured.verdict()).isEqualTo("尚有5项未达标");

		// a year not begun (the clock says 2024-01-10: 2025 has no days yet) → 400
		assertThatThrownBy(() -> model.compute(directory.region(COUNTY).orElseThrow(), 2025, model.criteria()))
			.isInstanceOf(DomainException.Invalid.class);
	}

	@Test
	void aCountySeesItselfTheCityEveryCountyAndNobodyElseAnything() throws Exception {
		var api = new TestApi(port);
		String wuling = api.token("wuling.registrar", "Demo@2026");
		String leader = api.token("leader", "Demo@2026");
		// the county's own progress; another county "does not exist"; the overview holds its county only
		assertThat(api.get("/api/v1/model-county/430702?year=2023", wuling).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/model-county/" + COUNTY + "?year=2023", wuling).status()).isEqualTo(404);
		var own = api.get("/api/v1/model-county?year=2023", wuling);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body().size()).isEqualTo(1);
		assertThat(own.body().get(0).get("countyName").asString()).isEqualTo("武陵区");
		// the city: every county and functional zone; 安乡县's line is the computation above (the app's clock is later, the
		// figures of 2023 and the "now" items are the same)
		var city = api.get("/api/v1/model-county?year=2023", leader);
		assertThat(city.status()).isEqualTo(200);
		assertThat(city.body().size()).isEqualTo(directory.counties().size());
		var anxiang = api.get("/api/v1/model-county/" + COUNTY + "?year=2023", leader);
		assertThat(anxiang.body().get("passed").asInt()).isEqualTo(1);
		assertThat(anxiang.body().get("villages").get("holding").asInt()).isEqualTo(1);
		// 汉寿县 has no villages and no grids in the data: its title share and reporting rate cannot be measured, so they are
		// not met (无数据), where a village's rating would let an unmeasured indicator pass
		var hanshou = api.get("/api/v1/model-county/430722?year=2023", leader).body();
		for (var line : hanshou.get("result").get("lines")) {
			if (List.of("TITLE_RATE", "REPORTING_RATE").contains(line.get("code").asString())) {
				assertThat(line.get("value").isNull()).isTrue();
				assertThat(line.get("passed").asBoolean()).as(line.get("code").asString()).isFalse();
				assertThat(line.get("note").asString()).endsWith("：无数据");
			}
		}
		assertThat(hanshou.get("result").get("eligible").asBoolean()).isFalse();
		// a township's 矛调中心, a department's officer: nothing
		for (String who : List.of("czh.center", "hr.officer")) {
			String t = api.token(who, "Demo@2026");
			assertThat(api.get("/api/v1/model-county/430702?year=2023", t).status()).as(who).isEqualTo(404);
			assertThat(api.get("/api/v1/model-county?year=2023", t).status()).as(who).isEqualTo(404);
		}
		// a year before 2000 or to come: 400 in Chinese; an unknown code: 404
		var bad = api.get("/api/v1/model-county/430702?year=2031", wuling);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().toString()).contains("年度");
		assertThat(api.get("/api/v1/model-county/430799?year=2023", leader).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/model-county/430702001?year=2023", leader).status()).isEqualTo(404);

		// the pages: the county's staff go straight to their county; the city sees the overview; others 404
		var w = logIn("wuling.registrar");
		var overview = get(w, "/console/prevention/model-county?year=2023");
		assertThat(overview.statusCode()).isEqualTo(302);
		assertThat(overview.headers().firstValue("Location").orElseThrow()).endsWith("/console/prevention/model-county/430702?year=2023");
		var wulingPage = get(w, "/console/prevention/model-county/430702?year=2023");
		assertThat(wulingPage.statusCode()).isEqualTo(200);
		assertThat(wulingPage.body()).contains("武陵区", "信访工作示范县创建进展", "进京访（件）", "一票否决", "调解成功率", "查看各村（社区）评定");
		assertThat(get(w, "/console/prevention/model-county/" + COUNTY + "?year=2023").statusCode()).isEqualTo(404);
		var junk = get(w, "/console/prevention/model-county/430702?year=二〇二三");
		assertThat(junk.statusCode()).isEqualTo(200);
		assertThat(junk.body()).contains("请选择2000年至", "二〇二三");
		var l = logIn("leader");
		var cityPage = get(l, "/console/prevention/model-county?year=2023");
		assertThat(cityPage.statusCode()).isEqualTo(200);
		assertThat(cityPage.body()).contains("全市信访工作示范县（市区）创建进展", "安乡县", "武陵区", "桃源县", "1/8");
		var anxiangPage = get(l, "/console/prevention/model-county/" + COUNTY + "?year=2023");
		assertThat(anxiangPage.body()).contains("安乡县", "有一票否决项未达标", "已报1295天 / 在岗应报1460天", "25.0%", "88.7%", "90.0%",
				"辖区村（社区）4个，按数据评定全部达标0个、有一票否决项未达标3个、其他指标未达标1个；截至2023-12-31持有称号1个。");
		var czh = logIn("czh.center");
		assertThat(get(czh, "/console/prevention/model-county").statusCode()).isEqualTo(404);
		assertThat(get(czh, "/console/prevention/model-county/430702").statusCode()).isEqualTo(404);
		assertThat(get(czh, "/console/prevention/villages").body()).doesNotContain("示范县创建进展");
		assertThat(get(logIn("hr.officer"), "/console/prevention/model-county").statusCode()).isEqualTo(404);
	}

	@Test
	void theAnnualReportsByCountyTableAddsUpToTheParagraph() throws Exception {
		var q = new StatsQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "430700", "4307", null);
		try (var doc = new XWPFDocument(new java.io.ByteArrayInputStream(report.render(q, 2023)))) {
			XWPFTable table = doc.getTables().get(doc.getTables().size() - 1);
			List<List<String>> rows = new ArrayList<>();
			table.getRows().forEach(r -> rows.add(r.getTableCells().stream().map(c -> c.getText()).toList()));
			assertThat(rows.get(0)).containsExactly("县市区", "村（社区）", "全部达标", "达标占比", "一票否决", "其他未达标", "自评", "新授予", "复核保留",
					"撤销", "持有称号");
			// 安乡县's line is the county's summary above: 4 villages, 0 eligible (0.0 %), 3 vetoed, 1 missed, 1 self-assessed,
			// 1 granted, 0 kept, 0 withdrawn, 1 holding
			assertThat(rows).filteredOn(r -> r.get(0).equals("安乡县")).singleElement()
				.isEqualTo(List.of("安乡县", "4", "0", "0.0%", "3", "1", "1", "1", "0", "0", "1"));
			// one line per county and zone, then 合计; every count column of 合计 is the sum of the lines, and 合计 is the paragraph's
			assertThat(rows).hasSize(directory.counties().size() + 2);
			List<String> total = rows.get(rows.size() - 1);
			assertThat(total.get(0)).isEqualTo("合计");
			for (int col : new int[] { 1, 2, 4, 5, 6, 7, 8, 9, 10 }) {
				int sum = rows.subList(1, rows.size() - 1).stream().mapToInt(r -> Integer.parseInt(r.get(col))).sum();
				assertThat(Integer.parseInt(total.get(col))).as(rows.get(0).get(col)).isEqualTo(sum);
			}
			String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
			assertThat(text).contains("附表5  分县市区“无上访村（社区）”创建情况（2023年度）", "辖区共有村（社区）" + total.get(1) + "个",
					"持有“无上访村（社区）”称号" + total.get(10) + "个");
		}
	}

	/**
	 * The set-based values (one grouped query per figure over the whole city, what the summary, the county page and the
	 * 示范县 progress read) equal, village by village, the values from each village's own figures as they were computed
	 * before (RegionFigures.of, MediationFigures.of and openRed, PatrolLog.coverage of the village): on the hand-built
	 * 2023 of the test's clock, and on the demo's current year with the application's clock.
	 */
	@Test
	void theCityWideValuesAreEachVillagesOwnFigures() {
		assertSameAsOneByOne(ratings, LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), LocalDate.parse("2024-01-10"));
		LocalDate today = LocalDate.now(appClock.withZone(com.xinfang.platform.BeijingTime.ZONE));
		assertSameAsOneByOne(appRatings, today.withDayOfYear(1), today, today);
	}

	void assertSameAsOneByOne(VillageRatings r, LocalDate from, LocalDate to, LocalDate today) {
		var all = r.valuesUnder("4307", from, to);
		assertThat(all).hasSize((int) directory.counties().stream().flatMap(c -> directory.regionChildren(c.code()).stream())
			.flatMap(t -> directory.regionChildren(t.code()).stream()).count());
		int withSomething = 0;
		for (var e : all.entrySet()) {
			String v = e.getKey();
			var p = petitions.of(v, from, to, today);
			var coverage = patrols.coverage(v, from, to);
			var expected = new java.util.LinkedHashMap<String, Double>();
			expected.put("BEYOND_LEVEL", (double) p.beyondLevel());
			expected.put("OPEN_RED_DISPUTES", (double) mediation.openRed(v));
			expected.put("OVERDUE_REPEATS", (double) p.overdueRepeats());
			expected.put("REPORTING_RATE", coverage.rate());
			expected.put("MEDIATION_SUCCESS_RATE", mediation.of(v, from, to).successRate());
			expected.put("PETITIONS_PER_THOUSAND",
					coverage.households() == 0 ? null : Math.round(1000.0 * p.received() / coverage.households() * 100) / 100.0);
			assertThat(e.getValue()).as(v + " " + from.getYear()).isEqualTo(expected);
			withSomething += p.received() + coverage.owedDays() > 0 ? 1 : 0;
		}
		assertThat(withSomething).as("villages with data in " + from.getYear()).isPositive();
	}

	// ------------------------------------------------------------------ the hand-built history

	static double value(ModelCounty.Progress p, String code) {
		return p.result().lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().value();
	}

	void grid(String village, int households, long worker) {
		String code = village + "001";
		jdbc.sql("INSERT INTO grid (code, name, village_code, households) VALUES (?, ?, ?, ?)").params(code, "第一网格", village, households).update();
		jdbc.sql("INSERT INTO grid_member (grid_code, user_id, duty, status, since) VALUES (?, ?, 'HEAD', 'ON_DUTY', date '2023-01-01')")
			.params(code, worker)
			.update();
		jdbc.sql("INSERT INTO grid_duty_period (grid_code, user_id, status, from_day, to_day) VALUES (?, ?, 'ON_DUTY', date '2023-01-01', date '2023-12-31')")
			.params(code, worker)
			.update();
	}

	void patrols(String village, long worker, int days) {
		jdbc.sql("""
				INSERT INTO grid_patrol (grid_code, user_id, day, zero_report, households_visited, disputes_found, demands_found, hazards_found,
				                         note, recorded_at)
				SELECT ?, ?, date '2023-01-01' + g, true, 0, 0, 0, 0, '零报告', now() FROM generate_series(0, ? - 1) g""")
			.params(village + "001", worker, days)
			.update();
	}

	void dispute(String village, LocalDate registered, String outcome, String risk) {
		jdbc.sql("""
				INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level, risk_owner,
				                     reported_by, registered_on, registered_at, outcome, outcome_on)
				VALUES (?, 'GRID', 'NEIGHBOR', '邻里纠纷', '手工构造的示范县用纠纷记录', ?, ?, ?, ?, '网格员', ?, ?, ?, ?, ?)""")
			.params("MC" + System.nanoTime() % 1_000_000_000_000L, village, COUNTY, outcome == null ? "MEDIATING" : "CLOSED", risk, an, registered,
					OffsetDateTime.of(registered.atTime(9, 0), ZoneOffset.ofHours(8)), outcome, outcome == null ? null : registered.plusDays(5))
			.update();
	}

	void petition(String village, String receivedOn, boolean firstTime, String flags, String status, String statutory) {
		String at = receivedOn + "T09:00:00+08:00";
		jdbc.sql("""
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code, category_code,
				                      title, content, first_time, flags, accept_statutory, handle_statutory)
				VALUES (?, 'x', ?, 'VISIT', ?::timestamptz, ?::timestamptz, ?, 'LAND', '承包地被占用', '承包的水田被占用建房', ?, ?, ?::date, ?::date)""")
			.params("MC" + System.nanoTime(), status, at, at, village, firstTime, flags, statutory, statutory)
			.update();
	}

	// ------------------------------------------------------------------ pages


	HttpClient logIn(String username) throws Exception {
		return ConsolePages.logIn(port, username);
	}

	HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return ConsolePages.get(port, browser, path);
	}

}
