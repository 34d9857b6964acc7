package com.xinfang.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.analytics.AnnualReport;
import com.xinfang.analytics.Indicators;
import com.xinfang.identity.Accounts;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mediation figures on a hand-built history, every expected figure worked out below. */
@IntegrationTest
class MediationFiguresIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediationFigures figures;

	@Test
	void screenedAgreedFailedAndTheRateFollowTheirDefinitions() throws Exception {
		long reporter = jdbc.sql("SELECT id FROM app_user WHERE username = 'dc.grid'").query(Long.class).single();
		// March 2025 in 鼎城区 武陵镇 (430703002), where the demo has no disputes; one more in 灌溪镇 (430703003)
		insert("FIG1", "430703002001", reporter, "2025-03-02", "AGREED", "2025-03-10"); // screened, agreed
		insert("FIG2", "430703002001", reporter, "2025-03-05", "FAILED", "2025-03-20"); // screened, failed
		insert("FIG3", "430703002002", reporter, "2025-02-20", "AGREED", "2025-03-03"); // agreed only (registered in February)
		insert("FIG4", "430703002001", reporter, "2025-03-25", null, null);            // screened, still mediating
		insert("FIG5", "430703002003", reporter, "2025-03-28", "AGREED", "2025-04-02"); // screened only (agreed in April)
		insert("FIG6", "430703003001", reporter, "2025-03-15", "AGREED", "2025-03-16"); // another township
		LocalDate from = LocalDate.of(2025, 3, 1);
		LocalDate to = LocalDate.of(2025, 3, 31);

		// 武陵镇: screened FIG1, FIG2, FIG4, FIG5 = 4; agreed FIG1, FIG3 = 2; failed FIG2 = 1; rate 2 / (2 + 1)
		var township = figures.of("430703002", from, to);
		assertThat(township.screened()).isEqualTo(4);
		assertThat(township.agreed()).isEqualTo(2);
		assertThat(township.failed()).isEqualTo(1);
		assertThat(township.successRate()).isEqualTo(2.0 / 3);
		// 鼎城区 adds FIG6: screened 5, agreed 3, failed 1, rate 3 / 4
		var county = figures.of("430703", from, to);
		assertThat(county).isEqualTo(new MediationFigures.Figures(5, 3, 1, 0.75));
		// April: FIG5 agreed, nothing registered; rate 1 / 1
		assertThat(figures.of("430703002", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)))
			.isEqualTo(new MediationFigures.Figures(0, 1, 0, 1.0));
		// nothing mediated: no rate rather than 0 %
		assertThat(figures.of("430703002", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)).successRate()).isNull();

		// the API: by township for the county's centre; another county's centre: 404; bad period: 400
		var api = new TestApi(port);
		String centre = api.token("dingcheng.center", "Demo@2026");
		var byTownship = api.get("/api/v1/mediation/figures?region=430703&from=2025-03-01&to=2025-03-31&by=TOWNSHIP", centre);
		assertThat(byTownship.status()).isEqualTo(200);
		assertThat(byTownship.body().get("lines").findValuesAsString("name")).containsExactly("武陵镇", "灌溪镇");
		assertThat(api.get("/api/v1/mediation/figures?region=430703&from=2025-03-01&to=2025-03-31",
				api.token("wuling.center", "Demo@2026")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/mediation/figures?region=430703&from=2025-03-31&to=2025-03-01", centre).status()).isEqualTo(400);

		// the leader's dashboard tile (the indicators answer) carries the same 调解成功率: 鼎城区 3 / 4, 武陵镇 2 / 3;
		// a unit's figures have none (disputes are not a unit's)
		String leader = api.token("leader", "Demo@2026");
		var tile = api.get("/api/v1/stats/indicators?from=2025-03-01&to=2025-03-31&regionCode=430703", leader);
		assertThat(tile.status()).isEqualTo(200);
		assertThat(tile.body().get("mediationSuccessRate").asDouble()).isEqualTo(0.75);
		assertThat(api.get("/api/v1/stats/indicators?from=2025-03-01&to=2025-03-31&regionCode=430703002", leader).body()
			.get("mediationSuccessRate").asDouble()).isEqualTo(0.6667);
		assertThat(api.get("/api/v1/stats/indicators?from=2025-01-01&to=2025-01-31&regionCode=430703002", leader).body()
			.get("mediationSuccessRate").isNull()).isTrue();
		assertThat(api.get("/api/v1/stats/indicators?from=2025-03-01&to=2025-03-31&unitCode=CD-HRSS", leader).body()
			.get("mediationSuccessRate").isNull()).isTrue();

		// the annual report's mediation section for 鼎城区, March 2025 as the period: 5 件次, 3 agreed, 1 failed, 75.0 %
		var q = indicators.resolve(accounts.actorByUsername("leader").orElseThrow(), from, to, "430703", null);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(report.render(q, 2025)));
				var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("全年排查化解矛盾纠纷5件次").contains("达成调解协议3件、未达成协议1件，调解成功率75.0%");
		}
	}

	@Autowired
	Indicators indicators;

	@Autowired
	AnnualReport report;

	@Autowired
	Accounts accounts;

	private void insert(String tag, String village, long reporter, String registered, String outcome, String outcomeOn) {
		LocalDate reg = LocalDate.parse(registered);
		jdbc.sql("""
				INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level, risk_owner,
				                     reported_by, registered_on, registered_at, outcome, outcome_on)
				VALUES (?, 'GRID', 'NEIGHBOR', ?, '手工构造的统计用纠纷记录', ?, ?, ?, 'GREEN', '网格员', ?, ?, ?, ?, ?)""")
			.params("JF" + tag + System.nanoTime() % 1_000_000_000L, tag, village, village.substring(0, 6),
					outcome == null ? "MEDIATING" : outcome, reporter, reg, OffsetDateTime.of(reg.atTime(9, 0), ZoneOffset.ofHours(8)),
					outcome, outcomeOn == null ? null : LocalDate.parse(outcomeOn))
			.update();
	}

}
