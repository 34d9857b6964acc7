package com.xinfang.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The grid worker's patrol log and 零报告 through the API, the township's view of who has not reported, and the refusals. */
@IntegrationTest
class GridIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	// 紫桥社区第二网格: 何网格 is its 网格员 and the demo seeds no patrols there
	static final String GRID = "430702001001002";

	@Test
	void aWorkerLogsAPatrolAndTheZeroReportCannotContradictIt() {
		var api = new TestApi(port);
		String worker = api.token("grid.worker", "Demo@2026");
		LocalDate today = LocalDate.now(clock);
		LocalDate day = today.minusDays(6);
		long before = patrols();

		// bad input: negative count, a day to come; nothing is stored
		var bad = api.post("/api/v1/grids/" + GRID + "/patrols", worker, Map.of("day", today.plusDays(1).toString(), "householdsVisited", -1));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("day", "householdsVisited");
		assertThat(api.post("/api/v1/grids/" + GRID + "/patrols", worker, Map.of("day", today.minusDays(8).toString(),
				"householdsVisited", 3)).status()).isEqualTo(400);
		assertThat(patrols()).isEqualTo(before);

		// a grid that is not theirs answers like one that does not exist
		assertThat(api.post("/api/v1/grids/430702002001001/patrols", worker, Map.of("day", day.toString(), "householdsVisited", 3))
			.status()).isEqualTo(404);

		var patrol = api.post("/api/v1/grids/" + GRID + "/patrols", worker, Map.of("day", day.toString(), "householdsVisited", 15,
				"disputesFound", 1, "note", "402室与403室因漏水起纠纷"));
		assertThat(patrol.status()).isEqualTo(201);
		assertThat(patrol.body().get("disputesFound").asInt()).isEqualTo(1);
		assertThat(patrol.body().get("workerName").asString()).isEqualTo("何网格");

		// the same day's 零报告 would say nothing was found: refused
		assertThat(api.post("/api/v1/grids/" + GRID + "/zero-report", worker, Map.of("day", day.toString())).status()).isEqualTo(409);
		// the day before: accepted once
		String dayBefore = day.minusDays(1).toString();
		assertThat(api.post("/api/v1/grids/" + GRID + "/zero-report", worker, Map.of("day", dayBefore)).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/grids/" + GRID + "/zero-report", worker, Map.of("day", dayBefore)).status()).isEqualTo(409);
		// and a finding after the 零报告 of the same day is refused too
		assertThat(api.post("/api/v1/grids/" + GRID + "/patrols", worker, Map.of("day", dayBefore, "hazardsFound", 1)).status())
			.isEqualTo(409);
		assertThat(patrols()).isEqualTo(before + 2);
	}

	@Test
	void theTownshipSeesWhoHasNotReportedAndOnlyWorkersOnDutyOweReports() {
		var api = new TestApi(port);
		String township = api.token("czh.center", "Demo@2026");
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		var rows = api.get("/api/v1/grids/reporting?region=430702001&from=" + yesterday + "&to=" + yesterday, township);
		assertThat(rows.status()).isEqualTo(200);
		Map<String, Integer> missing = new HashMap<>();
		rows.body().forEach(r -> missing.merge(r.get("workerName").asString() + "@" + r.get("gridCode").asString(),
				r.get("missingDays").asInt(), Integer::sum));
		// the demo: 何网格 patrolled 紫桥社区第一网格 yesterday, 罗网格 missed yesterday, 田网格 is on leave
		assertThat(missing).containsEntry("何网格@430702001001001", 0)
			.containsEntry("罗网格@430702001002001", 1)
			.containsEntry("田网格@430702001003001", 0);

		// another county's centre does not see 穿紫河街道
		assertThat(api.get("/api/v1/grids/reporting?region=430702001&from=" + yesterday + "&to=" + yesterday,
				api.token("dingcheng.center", "Demo@2026")).status()).isEqualTo(404);
		// a grid worker is not an overseer
		assertThat(api.get("/api/v1/grids/reporting?region=430702001&from=" + yesterday + "&to=" + yesterday,
				api.token("grid.worker", "Demo@2026")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/grids/reporting?region=430702001&from=" + yesterday + "&to=" + yesterday.minusDays(1), township)
			.status()).isEqualTo(400);
	}

	@Test
	void aStatusChangeOnAStaleVersionIsRefused() {
		var api = new TestApi(port);
		String township = api.token("czh.center", "Demo@2026");
		long luo = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid.worker2'").query(Long.class).single();
		int version = jdbc.sql("SELECT version FROM grid_member WHERE grid_code = '430702001002001' AND user_id = ?").param(luo)
			.query(Integer.class).single();
		String path = "/api/v1/grids/430702001002001/members/" + luo + "/status";
		var seconded = api.post(path, township, Map.of("status", "SECONDED", "version", version));
		assertThat(seconded.status()).isEqualTo(200);
		assertThat(seconded.body().get("status").asString()).isEqualTo("SECONDED");
		assertThat(api.post(path, township, Map.of("status", "ON_DUTY", "version", version)).status()).isEqualTo(409);
		assertThat(api.post(path, township, Map.of("status", "NONSENSE", "version", version + 1)).status()).isEqualTo(400);
		assertThat(api.post(path, api.token("grid.worker", "Demo@2026"), Map.of("status", "ON_DUTY", "version", version + 1)).status())
			.isEqualTo(404);
		assertThat(api.post(path, township, Map.of("status", "ON_DUTY", "version", version + 1)).status()).isEqualTo(200);
	}

	private long patrols() {
		return jdbc.sql("SELECT count(*) FROM grid_patrol WHERE grid_code = ?").param(GRID).query(Long.class).single();
	}

}
