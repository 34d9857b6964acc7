package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console pages of prevention and of 访调结合 render for the people they are for (and not for others). */
@IntegrationTest
class PreventionPagesIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}


	HttpClient logIn(String username) throws Exception {
		return ConsolePages.logIn(port, username);
	}

	HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return ConsolePages.get(port, browser, path);
	}

	@Test
	void thePagesRenderForThePeopleTheyAreFor() throws Exception {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43070219720202345");
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("房屋漏水物业不修", "再次反映房屋漏水")) {
			var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，物业公司推诿，多次反映未果，请求督促维修。", "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "郑玉兰", "idNumber", id))));
			numbers.add(r.body().get("number").asString());
		}
		var kp = api.post("/api/v1/key-persons", registrar, Map.of("name", "郑玉兰", "countyCode", "430702", "basis", "REPEATED_PETITIONS",
				"basisRefs", numbers, "reason", "房屋漏水问题多次信访未解决，情绪激动。", "leaderUsername", "leader", "gridWorkerUsername",
				"grid.worker", "followUpDays", 10, "reviewOn", LocalDate.now(clock).plusMonths(2).toString()));
		assertThat(kp.status()).isEqualTo(201);
		long kpId = kp.body().get("id").asLong();

		var bureau = logIn("wuling.registrar");
		var list = get(bureau, "/console/key-persons");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("重点人员包案", "郑玉兰", "不是监控");
		var detail = get(bureau, "/console/key-persons/" + kpId);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("记录走访", "每10天");
		assertThat(get(bureau, "/console/decisions").statusCode()).isEqualTo(200);
		var villages = get(logIn("wuling.center"), "/console/prevention/villages?county=430702&year=2025");
		assertThat(villages.statusCode()).isEqualTo(200);
		assertThat(villages.body()).contains("紫桥社区", "一票否决");
		// a township's 矛调中心 does not know the key person
		assertThat(get(logIn("czh.center"), "/console/key-persons/" + kpId).statusCode()).isEqualTo(404);

		// 访调结合: the handling unit's form from the case page
		String reviewer = api.token("city.reviewer", "Demo@2026");
		String n = numbers.get(0);
		act(api, registrar, reviewer, n, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收")));
		act(api, api.token("hr.officer", "Demo@2026"), reviewer, n, Map.of("action", "ACCEPT"));
		var officer = logIn("hr.officer");
		assertThat(get(officer, "/console/petitions/" + n).body()).contains("/console/petitions/" + n + "/mediation");
		var form = get(officer, "/console/petitions/" + n + "/mediation");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("访调结合", "穿紫河街道人民调解委员会");
	}

	HttpResponse<String> post(HttpClient browser, String formPath, String action, Map<String, String> fields) throws Exception {
		return ConsolePages.post(port, browser, formPath, action, fields);
	}

	@Test
	void theFormsAreOnlyForTheRolesTheApiAllowsAndBadInputStaysOnTheForm() throws Exception {
		// the county bureau sees both entries; a leader registers decisions but does not add key persons (the API refuses him too)
		var bureau = logIn("wuling.registrar");
		assertThat(get(bureau, "/console/key-persons").body()).contains("/console/key-persons/new");
		assertThat(get(bureau, "/console/decisions").body()).contains("/console/decisions/new");
		var leader = logIn("leader");
		assertThat(get(leader, "/console/key-persons").body()).doesNotContain("/console/key-persons/new");
		assertThat(get(leader, "/console/key-persons/new").statusCode()).isEqualTo(404);
		assertThat(get(leader, "/console/decisions/new").statusCode()).isEqualTo(200);
		// a department officer and a township 矛调中心 know neither form
		for (String who : List.of("hr.officer", "czh.center")) {
			var other = logIn(who);
			assertThat(get(other, "/console/key-persons/new").statusCode()).as(who).isEqualTo(404);
			assertThat(get(other, "/console/decisions/new").statusCode()).as(who).isEqualTo(404);
		}
		// a forged post from the department officer: 404 as well, nothing stored
		long decisionsBefore = jdbc.sql("SELECT count(*) FROM major_decision").query(Long.class).single();
		var officer = logIn("hr.officer");
		var forged = post(officer, "/console/key-persons", "/console/decisions", Map.of("regionCode", "430702", "title", "伪造的决策", "kind",
				"POLICY", "decidingBody", "某局", "summary", "不应当被登记的一项重大决策内容。"));
		assertThat(forged.statusCode()).isEqualTo(404);
		// a county registrar may not register a decision for another county (not among the choices; forged: a message, nothing stored)
		var wrongCounty = post(bureau, "/console/decisions/new", "/console/decisions", Map.of("regionCode", "430703", "title", "鼎城区的决策",
				"kind", "POLICY", "decidingBody", "鼎城区人民政府", "summary", "不属于武陵区信访局登记的一项重大决策。"));
		assertThat(wrongCounty.statusCode()).isEqualTo(200);
		assertThat(wrongCounty.body()).contains("error-box", "鼎城区的决策");
		// a date and a number that are not dates or numbers: messages on the form, never a 400 or 500
		var bad = post(bureau, "/console/key-persons/new", "/console/key-persons", Map.of("name", "张三", "countyCode", "430702", "basis",
				"REPEATED_PETITIONS", "basisRefs", "XF-NOT-A-NUMBER XF-NOR-THIS", "reason", "理由写得足够长，超过十个字。", "leaderUsername", "leader",
				"gridWorkerUsername", "grid.worker", "followUpDays", "abc", "reviewOn", "明年六月"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("请填写走访周期", "复核日期须晚于今天", "明年六月", "abc");
		// the petition numbers that do not exist: a message on the form
		var unknown = post(bureau, "/console/key-persons/new", "/console/key-persons", Map.of("name", "张三", "countyCode", "430702", "basis",
				"REPEATED_PETITIONS", "basisRefs", "XF-NOT-A-NUMBER XF-NOR-THIS", "reason", "理由写得足够长，超过十个字。", "leaderUsername", "leader",
				"gridWorkerUsername", "grid.worker", "followUpDays", "10", "reviewOn", LocalDate.now(clock).plusMonths(3).toString()));
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("编号不存在或不在本辖区", "XF-NOT-A-NUMBER");
		var tooLong = post(bureau, "/console/decisions/new", "/console/decisions", Map.of("regionCode", "430702", "title", "决策", "kind", "POLICY",
				"decidingBody", "机".repeat(300), "summary", "内容".repeat(3000)));
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("不超过100字", "10至4000字");
		assertThat(jdbc.sql("SELECT count(*) FROM major_decision").query(Long.class).single()).isEqualTo(decisionsBefore);

		// the older forms on the detail pages: a typed date that is not a date is a message on the form, what was typed kept
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		var d = api.post("/api/v1/decisions", registrar, Map.of("regionCode", "430702", "title", "城区停车收费调整", "kind", "POLICY",
				"decidingBody", "武陵区人民政府", "summary", "调整城区路内停车收费标准和时段。"));
		long dId = d.body().get("id").asLong();
		var taken = post(bureau, "/console/decisions/" + dId, "/console/decisions/" + dId + "/taken", Map.of("takenOn", "上周五", "note",
				"区政府常务会议审议"));
		assertThat(taken.statusCode()).isEqualTo(200);
		assertThat(taken.body()).contains("请填写决策日期", "上周五", "区政府常务会议审议");
		var noVersion = post(bureau, "/console/decisions/" + dId, "/console/decisions/" + dId + "/assessments", Map.of("assessor", "区政法委",
				"method", "座谈走访", "riskDescription", "商户对收费时段有意见", "riskLevel", "LOW", "measures", "分时段收费，先行公示征求意见。",
				"conclusion", "GO", "completedOn", "2026-12-01"));
		assertThat(noVersion.statusCode()).isEqualTo(200);
		assertThat(noVersion.body()).contains("缺少版本号", "商户对收费时段有意见");
		assertThat(api.get("/api/v1/decisions/" + dId, registrar).body().get("status").asString()).isEqualTo("REGISTERED");

		// Art 30: an accusation is never the basis of a key-person entry (its leader and grid worker could belong to the accused)
		List<String> numbers = new java.util.ArrayList<>();
		for (String t : List.of("反映社区干部优亲厚友", "再次反映社区干部优亲厚友")) {
			numbers.add(api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，低保评定不公开，请求调查处理。", "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "聂春华")))).body().get("number").asString());
		}
		jdbc.sql("UPDATE petition SET kind = 'ACCUSATION' WHERE number = ?").param(numbers.get(0)).update();
		long keyPersonsBefore = jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single();
		var refused = api.post("/api/v1/key-persons", registrar, Map.of("name", "聂春华", "countyCode", "430702", "basis", "REPEATED_PETITIONS",
				"basisRefs", numbers, "reason", "多次反映社区干部问题，情绪激动。", "leaderUsername", "leader", "gridWorkerUsername", "grid.worker",
				"followUpDays", 10, "reviewOn", LocalDate.now(clock).plusMonths(2).toString()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().toString()).contains("第三十条");
		var onForm = post(bureau, "/console/key-persons/new", "/console/key-persons", Map.of("name", "聂春华", "countyCode", "430702", "basis",
				"REPEATED_PETITIONS", "basisRefs", String.join(" ", numbers), "reason", "多次反映社区干部问题，情绪激动。", "leaderUsername", "leader",
				"gridWorkerUsername", "grid.worker", "followUpDays", "10", "reviewOn", LocalDate.now(clock).plusMonths(2).toString()));
		assertThat(onForm.statusCode()).isEqualTo(200);
		assertThat(onForm.body()).contains("第三十条", "聂春华");
		assertThat(jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single()).isEqualTo(keyPersonsBefore);
	}

	void act(TestApi api, String token, String reader, String number, Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.put("version", api.get("/api/v1/petitions/" + number, reader).body().get("version").asInt());
		assertThat(api.post("/api/v1/petitions/" + number + "/actions", token, body).status()).isEqualTo(200);
	}

}
