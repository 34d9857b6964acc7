package com.xinfang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The statistics API as its callers see it: the contract's fields, scope rules, bad input, exports. */
@IntegrationTest
class StatsApiIT {

	@LocalServerPort
	int port;

	@Autowired
	StatsRollup rollup;

	TestApi api;

	@BeforeEach
	void setUp() {
		api = new TestApi(port);
		rollup.refreshNow();
	}

	@Test
	void answersTheContractFieldsWithRatesBetweenZeroAndOne() {
		String leader = api.token("leader", "Demo@2026");
		var r = api.get("/api/v1/stats/indicators?from=2020-01-01&to=2026-12-31", leader);
		assertThat(r.status()).isEqualTo(200);
		for (String field : new String[] { "received", "accepted", "acceptedOnTimeRate", "closedOnTimeRate", "satisfactionRate",
				"ratingRate", "repeatRate", "overdueOpen", "byChannel", "shouldAcceptNotAcceptedRate" }) {
			assertThat(r.body().has(field)).as(field).isTrue();
		}
		assertThat(r.body().get("received").asLong()).isGreaterThan(0);
		double rate = r.body().get("closedOnTimeRate").asDouble();
		assertThat(rate).isBetween(0.0, 1.0);
		assertThat(r.body().get("regionCode").asString()).isEqualTo("430700");
		var series = api.get("/api/v1/stats/series?from=2026-01-01&to=2026-06-30&granularity=month", leader);
		assertThat(series.body().size()).isEqualTo(6);
		var counties = api.get("/api/v1/stats/breakdown?from=2020-01-01&to=2026-12-31&by=REGION", leader);
		assertThat(counties.body().toString()).contains("武陵区").contains("津市市");
		var openApi = api.get("/v3/api-docs", null);
		assertThat(openApi.body().get("paths").has("/api/v1/stats/indicators")).isTrue();
		assertThat(openApi.body().get("paths").has("/api/v1/stats/breakdown")).isTrue();
		assertThat(openApi.body().get("paths").has("/api/v1/stats/series")).isTrue();
	}

	@Test
	void aUnitHeadSeesOnlyTheirUnitAndOthersAreRefused() {
		String head = api.token("hr.head", "Demo@2026");
		var own = api.get("/api/v1/stats/indicators?from=2020-01-01&to=2026-12-31", head);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body().get("unitCode").asString()).isEqualTo("CD-HRSS");
		assertThat(api.get("/api/v1/stats/indicators?unitCode=CD-ZJJ", head).status()).isEqualTo(404);

		String officer = api.token("hr.officer", "Demo@2026");
		var refused = api.get("/api/v1/stats/indicators", officer);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().toString()).contains("统计");

		String wuling = api.token("wuling.registrar", "Demo@2026");
		assertThat(api.get("/api/v1/stats/indicators", wuling).body().get("regionCode").asString()).isEqualTo("430702");
		assertThat(api.get("/api/v1/stats/indicators?regionCode=430703", wuling).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/stats/indicators?regionCode=430700", wuling).status()).isEqualTo(404);
	}

	@Test
	void badQuestionsGetAClearChineseAnswer() {
		String leader = api.token("leader", "Demo@2026");
		var backwards = api.get("/api/v1/stats/indicators?from=2026-03-01&to=2026-02-01", leader);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body().toString()).contains("结束日期不能早于开始日期");
		assertThat(api.get("/api/v1/stats/series?granularity=WEEK", leader).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/stats/breakdown?by=COLOUR", leader).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/stats/indicators?regionCode=999999", leader).status()).isEqualTo(404);
	}

	@Test
	void exportsTheMattersBehindAFigureAndTheIndicatorTable() throws Exception {
		String leader = api.token("leader", "Demo@2026");
		long received = api.get("/api/v1/stats/indicators?from=2020-01-01&to=2026-12-31", leader).body().get("received").asLong();
		byte[] xlsx = api.bytes("/api/v1/stats/matters.xlsx?indicator=received&from=2020-01-01&to=2026-12-31", leader);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("信访编号");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) received);
		}
		String csv = new String(api.bytes("/api/v1/stats/matters.csv?indicator=received&from=2020-01-01&to=2026-12-31", leader),
				StandardCharsets.UTF_8);
		assertThat(csv.lines().count()).isEqualTo(received + 1);
		String table = new String(api.bytes("/api/v1/stats/table.csv?by=REGION&from=2020-01-01&to=2026-12-31", leader),
				StandardCharsets.UTF_8);
		assertThat(table).contains("及时受理率").contains("武陵区").contains("合计");
		byte[] docx = api.bytes("/api/v1/stats/report.docx?year=2026", leader);
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("工作开展情况").contains("及时受理率").contains("附表1").contains("武陵区");
		}
		assertThat(api.get("/api/v1/stats/matters.pdf?indicator=received", leader).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/stats/matters.csv?indicator=mediationSuccessRate", leader).status()).isEqualTo(400);
	}

}
