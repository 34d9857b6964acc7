package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 社会稳定风险评估 through the API: the register, the assessment, the 前置程序 gate, and later matters linked back. */
@IntegrationTest
class StabilityAssessmentIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDecisionIsRecordedAsTakenOnlyAfterAFeasibleAssessmentAndLaterMattersLinkBack() {
		var api = new TestApi(port);
		String bureau = api.token("wuling.registrar", "Demo@2026");
		LocalDate today = LocalDate.now(clock);
		long before = jdbc.sql("SELECT count(*) FROM major_decision").query(Long.class).single();
		// bad input: 400, nothing stored; a department may not register (403)
		var bad = api.post("/api/v1/decisions", bureau, Map.of("regionCode", "430702", "title", " ", "kind", "BRIDGE"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("title", "kind", "decidingBody", "summary");
		Map<String, Object> decision = Map.of("regionCode", "430702001", "title", "紫桥片区棚户区改造征收", "kind", "LAND", "decidingBody",
				"常德市武陵区人民政府", "summary", "对紫桥片区约三百户棚户区房屋实施征收，货币补偿与产权调换相结合。");
		assertThat(api.post("/api/v1/decisions", api.token("hr.officer", "Demo@2026"), decision).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM major_decision").query(Long.class).single()).isEqualTo(before);
		var registered = api.post("/api/v1/decisions", bureau, decision);
		assertThat(registered.status()).isEqualTo(201);
		long id = registered.body().get("id").asLong();
		// out of scope (a township's 矛调中心 does not keep the register): does not exist
		assertThat(api.get("/api/v1/decisions/" + id, api.token("czh.center", "Demo@2026")).status()).isEqualTo(404);

		// the 前置程序: no assessment yet → 409
		var early = api.post("/api/v1/decisions/" + id + "/taken", bureau, Map.of("takenOn", today.toString(), "version", 0));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body().get("detail").asString()).contains("前置程序");
		// an incomplete assessment: 400 with the fields, nothing stored
		var incomplete = api.post("/api/v1/decisions/" + id + "/assessments", bureau, Map.of("assessor", "区维稳办", "risks",
				List.of(Map.of("description", "补偿标准", "level", "严重")), "conclusion", "MAYBE", "version", 0));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM stability_assessment WHERE decision_id = ?").param(id).query(Long.class).single()).isZero();
		// 暂缓实施 → still refused
		var deferred = api.post("/api/v1/decisions/" + id + "/assessments", bureau, assessment("DEFER", today.minusDays(20), 0));
		assertThat(deferred.status()).as(deferred.body().toString()).isEqualTo(200);
		int v = deferred.body().get("version").asInt();
		assertThat(api.post("/api/v1/decisions/" + id + "/taken", bureau, Map.of("takenOn", today.toString(), "version", v)).body()
			.get("detail").asString()).contains("暂缓实施");
		// re-assessed 可实施 after measures: the decision taken before the assessment was completed is refused; on or after, recorded
		var feasible = api.post("/api/v1/decisions/" + id + "/assessments", bureau, assessment("GO", today.minusDays(5), v));
		v = feasible.body().get("version").asInt();
		assertThat(feasible.body().get("assessments").findValuesAsString("conclusionLabel")).containsExactly("暂缓实施", "可实施");
		assertThat(feasible.body().get("assessments").get(1).get("risks").findValuesAsString("levelLabel")).containsExactly("高", "中", "低");
		assertThat(api.post("/api/v1/decisions/" + id + "/taken", bureau, Map.of("takenOn", today.minusDays(6).toString(), "version", v))
			.status()).isEqualTo(409);
		// a stale version loses
		assertThat(api.post("/api/v1/decisions/" + id + "/taken", bureau, Map.of("takenOn", today.toString(), "version", v - 1)).status())
			.isEqualTo(409);
		var taken = api.post("/api/v1/decisions/" + id + "/taken", bureau, Map.of("takenOn", today.toString(), "version", v));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body().get("status").asString()).isEqualTo("TAKEN");

		// a later petition links back to the decision; an unknown number is 404; the counts show on the decision
		var p = api.post("/api/v1/petitions", bureau, Map.of("channel", "VISIT", "regionCode", "430702001", "title", "征收补偿标准偏低",
				"content", "紫桥片区棚户区改造征收补偿标准低于周边市场价格，请求重新评估。", "categoryCode", "LAND", "kind", "CLAIM", "complexity",
				"SIMPLE", "petitioners", List.of(Map.of("name", "聂桂香"))));
		String number = p.body().get("number").asString();
		assertThat(api.post("/api/v1/decisions/" + id + "/links", bureau, Map.of("kind", "PETITION", "number", "XF430702000000999999")).status())
			.isEqualTo(404);
		var linked = api.post("/api/v1/decisions/" + id + "/links", bureau, Map.of("kind", "PETITION", "number", number));
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.body().get("linkedPetitions").asLong()).isEqualTo(1);
		assertThat(linked.body().get("links").findValuesAsString("number")).containsExactly(number);
		assertThat(api.post("/api/v1/decisions/" + id + "/links", bureau, Map.of("kind", "PETITION", "number", number)).status()).isEqualTo(409);
	}

	static Map<String, Object> assessment(String conclusion, LocalDate completedOn, int version) {
		return Map.of("assessor", "武陵区委政法委（第三方评估机构协助）", "method", "入户问卷调查、群众座谈会、专家论证", "risks",
				List.of(Map.of("description", "补偿标准与群众预期差距较大，可能引发群体访", "level", "HIGH"),
						Map.of("description", "过渡安置房源不足", "level", "MEDIUM"), Map.of("description", "施工扰民", "level", "LOW")),
				"measures", "公开补偿标准和评估程序，设立征收政策咨询点，落实过渡安置房源，明确包案领导。", "conclusion", conclusion,
				"completedOn", completedOn.toString(), "version", version);
	}

}
