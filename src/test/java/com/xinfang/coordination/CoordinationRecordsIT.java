package com.xinfang.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 领导接访, 联席会议 and the Art 26 records through the API, with their refusals. */
@IntegrationTest
class CoordinationRecordsIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderReceivesVisitorsAndAJointMeetingAssignsDecisionsToUnits() {
		var api = new TestApi(port);
		String leader = api.token("leader", "Demo@2026");
		String registrar = api.token("city.registrar", "Demo@2026");
		String officer = api.token("hr.officer", "Demo@2026");
		String number = jdbc.sql("SELECT number FROM petition WHERE responsible_unit_code = 'CD-HRSS' ORDER BY id LIMIT 1")
			.query(String.class).single();
		LocalDate day = LocalDate.now(clock).plusDays(3);

		assertThat(api.post("/api/v1/receptions", officer, Map.of("day", day.toString(), "place", "市信访局接待大厅")).status())
			.isEqualTo(403);
		var reception = api.post("/api/v1/receptions", leader, Map.of("day", day.toString(), "place", "市信访局接待大厅", "topic", "劳动保障"));
		assertThat(reception.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/receptions", leader, Map.of("day", day.toString(), "place", "同一天再安排")).status()).isEqualTo(409);
		long id = reception.body().get("id").asLong();
		assertThat(api.post("/api/v1/receptions/" + id + "/visits", leader, Map.of("number", number, "instructions", "")).status())
			.isEqualTo(400);
		var visit = api.post("/api/v1/receptions/" + id + "/visits", leader,
				Map.of("number", number, "instructions", "请人社局一周内拿出解决方案并向信访人反馈"));
		assertThat(visit.status()).isEqualTo(200);
		assertThat(visit.body().get("visits").findValuesAsString("number")).containsExactly(number);
		assertThat(api.get("/api/v1/receptions", registrar).body().findValuesAsString("leaderName")).contains("孙市长");

		var meeting = api.post("/api/v1/joint-meetings", leader, Map.of("heldOn", LocalDate.now(clock).toString(), "title", "全市信访工作联席会议",
				"participants", "市政府办、市信访局、市人社局、市住建局", "summary", "研究欠薪类积案化解工作，明确责任分工和时限。", "matters", List.of(number),
				"decisions", List.of(Map.of("decision", "一个月内清理在建项目欠薪", "ownerUnitCode", "CD-HRSS", "due",
						LocalDate.now(clock).plusDays(30).toString()))));
		assertThat(meeting.status()).isEqualTo(201);
		long decision = meeting.body().get("decisions").get(0).get("id").asLong();
		assertThat(api.post("/api/v1/joint-meetings", leader, Map.of("heldOn", LocalDate.now(clock).toString(), "title", "缺少决定的责任单位",
				"participants", "市信访局", "summary", "议定事项没有写责任单位的会议记录。", "decisions",
				List.of(Map.of("decision", "某事", "due", LocalDate.now(clock).toString())))).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/joint-meetings/decisions/" + decision + "/done", api.token("housing.officer", "Demo@2026"),
				Map.of("text", "不是本单位的议定事项")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/joint-meetings/decisions/" + decision + "/done", officer, Map.of("text", "已清理12个项目欠薪"))
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/joint-meetings", leader).body().findValuesAsString("doneNote")).contains("已清理12个项目欠薪");
	}

	@Test
	void art26RecordsAreKeptForSupervisorsOnlyAndRefusalsAreAudited() {
		var api = new TestApi(port);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		String registrar = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43070319700101201");
		long before = jdbc.sql("SELECT count(*) FROM prohibited_conduct").query(Long.class).single();
		var bad = api.post("/api/v1/prohibited-conduct", supervisor, Map.of("personName", "某某", "behaviour", "SHOUTING", "place", "大厅",
				"facts", "短", "handling", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM prohibited_conduct").query(Long.class).single()).isEqualTo(before);

		var ok = api.post("/api/v1/prohibited-conduct", supervisor, Map.of("personName", "钱某", "idNumber", id, "behaviour",
				"DISRUPTING_RECEPTION", "occurredAt", "2026-11-20T10:30:00+08:00", "place", "市信访局接待大厅", "facts",
				"在接待大厅大声吵闹，拒不离开，影响其他群众反映问题。", "handling", "工作人员劝阻并进行批评教育，当事人离开。"));
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.body().get("idNumberMasked").asString()).doesNotContain(id.substring(6, 14));
		assertThat(jdbc.sql("SELECT count(*) FROM prohibited_conduct WHERE facts LIKE '%' || ? || '%' OR id_number_index = ?")
			.params(id, id).query(Long.class).single()).isZero();
		var byPerson = api.post("/api/v1/prohibited-conduct/search", supervisor, Map.of("idNumber", id));
		assertThat(byPerson.body().findValuesAsString("personName")).containsExactly("钱某");

		long refusals = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ART26_REFUSED'").query(Long.class).single();
		assertThat(api.get("/api/v1/prohibited-conduct", registrar).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/prohibited-conduct", api.token("hr.head", "Demo@2026")).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ART26_REFUSED'").query(Long.class).single())
			.isEqualTo(refusals + 2);
	}

	@Test
	void theSupervisionActsAreDocumentedInOpenApi() {
		var paths = new TestApi(port).get("/v3/api-docs", null).body().get("paths");
		for (String path : List.of("/api/v1/petitions/{number}/supervision", "/api/v1/supervision-orders/{id}/reply",
				"/api/v1/petitions/{number}/joint", "/api/v1/petitions/{number}/joint/report-in", "/api/v1/joint/report-ins",
				"/api/v1/backlog/counts", "/api/v1/accountability/rates", "/api/v1/petitions/{number}/findings",
				"/api/v1/recommendations", "/api/v1/receptions", "/api/v1/joint-meetings", "/api/v1/prohibited-conduct",
				"/api/v1/petitions/{number}/ownership", "/api/v1/petitions/{number}/flags")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.get("/api/v1/petitions/{number}/joint").get("post").get("summary").asString()).contains("吹哨");
	}

}
