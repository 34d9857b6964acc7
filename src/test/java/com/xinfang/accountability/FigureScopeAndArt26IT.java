package com.xinfang.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Performance figures are internal and scoped; a city supervisor keeps Art 26 records for a county. */
@IntegrationTest
class FigureScopeAndArt26IT {

	@LocalServerPort
	int port;

	@Test
	void aCitizenReadsNoPerformanceFigures() {
		var api = new TestApi(port);
		String citizen = api.token("13800000001", "Demo@2026");
		for (String path : new String[] { "/api/v1/joint/report-ins", "/api/v1/supervision/reply-rates",
				"/api/v1/recommendations/reply-rates", "/api/v1/accountability/rates?from=2026-01-01&to=2026-12-31" }) {
			var r = api.get(path, citizen);
			assertThat(r.status()).as(path).isEqualTo(403);
			assertThat(r.body().get("detail").asString()).as(path).contains("仅限工作人员");
		}
	}

	@Test
	void aUnitHeadSeesOnlyItsOwnUnitsRows() {
		var api = new TestApi(port);
		String head = api.token("hr.head", "Demo@2026");
		var rates = api.get("/api/v1/accountability/rates?from=2020-01-01&to=2026-12-31", head);
		assertThat(rates.status()).isEqualTo(200);
		assertThat(rates.body().findValuesAsString("unitCode")).isNotEmpty().containsOnly("CD-HRSS");
		assertThat(api.get("/api/v1/accountability/rates?from=2020-01-01&to=2026-12-31&unitCode=CD-ZJJ", head).body().size())
			.isZero();
		for (String path : new String[] { "/api/v1/joint/report-ins", "/api/v1/supervision/reply-rates",
				"/api/v1/recommendations/reply-rates" }) {
			var r = api.get(path, head);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.body().findValuesAsString("unitCode")).as(path).allMatch("CD-HRSS"::equals);
		}
		// the bureau's supervisor sees every unit's row
		String supervisor = api.token("city.supervisor", "Demo@2026");
		assertThat(api.get("/api/v1/joint/report-ins", supervisor).body().findValuesAsString("unitCode"))
			.contains("CD-ZJJ");
	}

	@Test
	void theCitySupervisorRecordsAndListsAnArt26RecordForACounty() {
		var api = new TestApi(port);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		var r = api.post("/api/v1/prohibited-conduct", supervisor, Map.of("personName", "钱七", "regionCode", "430721",
				"behaviour", "DISRUPTING_RECEPTION", "occurredAt", "2026-11-20T09:00:00+08:00", "place", "安乡县信访局接待大厅",
				"facts", "在接待场所滞留滋事约两小时，经劝阻后离开", "handling", "现场劝阻，批评教育"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		long id = r.body().get("id").asLong();
		assertThat(api.get("/api/v1/prohibited-conduct", supervisor).body().findValuesAsString("place"))
			.contains("安乡县信访局接待大厅");
		assertThat(api.get("/api/v1/prohibited-conduct", supervisor).body().findValues("id").stream().map(n -> n.asLong()))
			.contains(id);
	}

}
