package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 类案 and early warnings on a constructed history, 250 days back (clear of the demo data and of
 * other tests): in 鼎城区, eight quiet weeks of one unrelated wage matter each, then a week with
 * six households writing about wage arrears on the 金桂苑 project of 常德金桂建设工程有限公司 in
 * 灌溪镇, one accusation about the same project and one noise complaint about the same site.
 *
 * <p>Expected groups: one 类案 holding exactly the six wage letters (not the accusation: Art 30; not
 * the noise complaint: another category), six people. Expected warnings for the window ending on
 * the test's day: LABOR in 430703 (7 against a weekly mean of 1.0), LABOR in 430703003 (7 against
 * 0), and the 类案 in 430703 (6 against 0); nothing for ENV (1 matter).
 */
@IntegrationTest
class ClassCasesIT {

	@Autowired
	Clock clock;

	static final String[] WAGE_LETTERS = {
			"我们是灌溪镇金桂苑项目的钢筋工，常德金桂建设工程有限公司欠我们班组工资二十多万元，项目已经封顶半年，包工头说公司没拨款，请求人社部门督促金桂建设支付拖欠的农民工工资。",
			"金桂苑项目木工班反映：常德金桂建设工程有限公司拖欠工资，十二个人共十八万元，到项目部讨薪没人理，请求劳动监察责令常德金桂建设工程有限公司支付工资。",
			"灌溪镇金桂苑工地的水电工，常德金桂建设工程有限公司欠我们三个月工钱，公司说资金紧张，我们家里等钱过年，请求人社局帮我们讨回被拖欠的工资。",
			"我在金桂苑项目做泥工，常德金桂建设工程有限公司拖欠我和工友的工资九万多元，请求依法督促该公司支付农民工工资，保障我们的合法权益。",
			"金桂苑项目油漆班组六个人，常德金桂建设工程有限公司欠工资七万元，公司老板电话不接，请求劳动监察大队介入，督促金桂建设发放拖欠工资。",
			"灌溪镇金桂苑项目架子工反映常德金桂建设工程有限公司拖欠工资，我们干到主体完工，工钱一直没结，请求人社部门责令公司支付工资。" };

	static final String[] QUIET = { "超市收银员加班没有加班费，请求劳动监察处理。", "物流公司试用期辞退不给工资，请求指导仲裁。",
			"养老保险缴费年限记录少了三年，请求社保局核查。", "工伤认定申请两个月没有结果，请求加快办理。",
			"饭店服务员被扣押金不退，请求劳动部门处理。", "驾校教练社保断缴，请求督促单位补缴。", "失业金申领材料被退回多次，请求简化手续。",
			"家政公司拖欠保洁员两个月工资，请求帮助追讨。" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClassCases classes;

	@Autowired
	Warnings warnings;

	@Autowired
	CaseIndexer indexer;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	static int seq = 0;

	static Map<String, Object> letter(String region, String category, String kind, String title, String content,
			OffsetDateTime receivedAt) {
		seq++;
		Map<String, Object> person = new HashMap<>();
		person.put("name", "刘" + "建国志强美华德胜世福晓明".charAt(seq % 12) + "明");
		person.put("idNumber", IdNumber.withCheckCharacter("43070319800101" + String.format("%03d", 100 + seq)));
		Map<String, Object> body = new HashMap<>(Map.of("channel", "LETTER", "regionCode", region, "title", title, "content",
				content, "categoryCode", category, "petitioners", List.of(person), "receivedAt", receivedAt.toString()));
		if (kind != null) {
			body.put("kind", kind);
		}
		return body;
	}

	@Test
	void aWeekOfLettersAboutOneProjectFormsOneClassCaseAndRaisesTheExpectedWarnings() {
		TestApi api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		LocalDate day = LocalDate.now(clock).minusDays(250);
		OffsetDateTime noon = day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
		for (int w = 1; w <= 8; w++) {
			var r = api.post("/api/v1/petitions", token, letter("430703", "LABOR", "CLAIM", "劳动纠纷", QUIET[w - 1], noon.minusDays(7L * w)));
			assertThat(r.status()).isEqualTo(201);
		}
		List<String> wage = new ArrayList<>();
		for (int i = 0; i < WAGE_LETTERS.length; i++) {
			var r = api.post("/api/v1/petitions", token, letter("430703003", "LABOR", "CLAIM", "金桂苑项目拖欠工资", WAGE_LETTERS[i],
					noon.minusDays(i % 6)));
			assertThat(r.status()).isEqualTo(201);
			wage.add(r.body().get("number").asString());
		}
		var accusation = api.post("/api/v1/petitions", token, letter("430703003", "LABOR", "ACCUSATION", "举报金桂苑项目",
				"举报灌溪镇劳动保障所所长收受常德金桂建设工程有限公司好处，对金桂苑项目拖欠农民工工资的问题不予查处。", noon.minusDays(1)));
		var noise = api.post("/api/v1/petitions", token, letter("430703003", "ENV", "CLAIM", "金桂苑工地夜间施工",
				"灌溪镇金桂苑项目工地常德金桂建设工程有限公司每天夜里浇筑混凝土，噪音扰民，请求环保部门查处。", noon.minusDays(2)));
		List<String> all = new ArrayList<>(wage);
		all.add(accusation.body().get("number").asString());
		all.add(noise.body().get("number").asString());
		indexer.drain(100); // the words counted first, as in production a moment after registration
		for (String n : all) {
			classes.assign(jdbc.sql("SELECT id FROM petition WHERE number = ?").param(n).query(Long.class).single());
		}

		// the expected group: exactly the six wage letters, six people
		List<Long> classIds = jdbc.sql("SELECT DISTINCT m.class_id FROM casefile_class_member m JOIN petition p ON p.id = m.petition_id "
				+ "WHERE p.number = ANY(?)").param(all.toArray(String[]::new)).query(Long.class).list();
		assertThat(classIds).hasSize(1);
		long classId = classIds.get(0);
		List<String> members = jdbc.sql("SELECT p.number FROM casefile_class_member m JOIN petition p ON p.id = m.petition_id "
				+ "WHERE m.class_id = ? ORDER BY p.number").param(classId).query(String.class).list();
		assertThat(members).containsExactlyInAnyOrderElementsOf(wage);
		var detail = api.get("/api/v1/class-cases/" + classId, token);
		assertThat(detail.status()).isEqualTo(200);
		JsonNode s = detail.body().get("summary");
		assertThat(s.get("matters").asInt()).isEqualTo(6);
		assertThat(s.get("people").asInt()).isEqualTo(6);
		assertThat(s.get("name").asString()).contains("金桂");
		assertThat(s.get("places").get(0).asString()).contains("灌溪镇");

		// the expected warnings of the window ending on the day
		assertThat(warnings.sweep(day)).isGreaterThanOrEqualTo(3);
		record W(String subjectType, String subjectKey, String regionCode, int count, double baselineMean) {
		}
		List<W> raised = jdbc.sql("SELECT subject_type, subject_key, region_code, count, baseline_mean FROM casefile_warning "
				+ "WHERE week_end = ? AND region_code LIKE '430703%' ORDER BY subject_type, region_code").param(day).query(W.class).list();
		assertThat(raised).containsExactly(new W("CATEGORY", "LABOR", "430703", 7, 1.0),
				new W("CATEGORY", "LABOR", "430703003", 7, 0.0), new W("CLASS", Long.toString(classId), "430703", 6, 0.0));
		// the next day's sweep does not warn of the same surge again
		assertThat(warnings.sweep(day.plusDays(1))).isZero();

		// out of scope: 武陵区's registrar does not know the 类案 exists
		String wuling = api.token("wuling.registrar", "Demo@2026");
		assertThat(api.get("/api/v1/class-cases/" + classId, wuling).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/class-cases/" + classId + "/actions", wuling, Map.of("action", "CONFIRM", "version", 0)).status())
			.isEqualTo(404);

		// confirm, a stale version loses, rename, split two out, merge back
		int version = s.get("version").asInt();
		assertThat(api.post("/api/v1/class-cases/" + classId + "/actions", token, Map.of("action", "CONFIRM", "version", version)).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/class-cases/" + classId + "/actions", token, Map.of("action", "RENAME", "version", version,
				"name", "旧版本")).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/class-cases/" + classId + "/actions", token, Map.of("action", "RENAME", "version", version + 1,
				"name", " ")).status()).isEqualTo(400);
		var renamed = api.post("/api/v1/class-cases/" + classId + "/actions", token, Map.of("action", "RENAME", "version", version + 1,
				"name", "金桂苑项目欠薪"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("summary").get("name").asString()).isEqualTo("金桂苑项目欠薪");
		var split = api.post("/api/v1/class-cases/" + classId + "/actions", token, Map.of("action", "SPLIT", "version", version + 2,
				"name", "金桂苑木工班", "numbers", wage.subList(0, 2)));
		assertThat(split.status()).isEqualTo(200);
		long splitId = split.body().get("summary").get("id").asLong();
		assertThat(split.body().get("summary").get("matters").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/class-cases/" + classId, token).body().get("summary").get("matters").asInt()).isEqualTo(4);
		int splitVersion = split.body().get("summary").get("version").asInt();
		var merged = api.post("/api/v1/class-cases/" + splitId + "/actions", token, Map.of("action", "MERGE", "version", splitVersion,
				"into", classId));
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.body().get("summary").get("matters").asInt()).isEqualTo(6);
		assertThat(api.get("/api/v1/class-cases/" + splitId, token).status()).isEqualTo(404);

		// a matter classified as an accusation later leaves its 类案 (Art 30)
		jdbc.sql("UPDATE petition SET kind = 'ACCUSATION' WHERE number = ?").param(wage.get(5)).update();
		classes.dropAccusations();
		assertThat(api.get("/api/v1/class-cases/" + classId, token).body().get("summary").get("matters").asInt()).isEqualTo(5);

		// the pages: the 类案 page (with the 完善政策建议 form for a supervisor), the list, the warnings panel
		var supervisor = StaffSession.login(port, "city.supervisor");
		String page = supervisor.get("/console/class-cases/" + classId);
		assertThat(page).contains("金桂苑项目欠薪", "完善政策建议", wage.get(0)).doesNotContain(all.get(6));
		assertThat(supervisor.get("/console/class-cases")).contains("金桂苑项目欠薪");
		assertThat(supervisor.get("/console/warnings/panel")).contains("早期预警");
		assertThat(supervisor.get("/console/petitions/" + wage.get(1) + "/duplicates")).contains("金桂苑项目欠薪");
	}

	static final String[] MINE_LETTERS = {
			"我们几个在矿上开装载机，老板拖欠我们半年工资，说矿上停产了没钱发，每人欠三万多，请求劳动监察督促老板支付拖欠的工资。",
			"矿上停产了，老板拖欠我们开装载机的几个人半年工资，每人三万多，说没钱发，请求劳动监察督促老板支付拖欠的工资。",
			"我在矿上开铲车，老板拖欠工资半年，说矿上停产没钱，我们工人家里等钱用，请求劳动监察督促老板支付工资。" };

	/**
	 * Letters that name no target ("矿上", "老板") join one 类案 when they score at least
	 * {@link ClassCases#UNTARGETED_SCORE} in one county and category; another category about the same
	 * mine, and an unrelated wage letter of the county, stay out. 300 days back, in 津市市.
	 */
	@Test
	void lettersNamingNoTargetJoinAtTheHigherScore() {
		TestApi api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		OffsetDateTime noon = LocalDate.now(clock).minusDays(300).atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
		List<String> mine = new ArrayList<>();
		for (String content : MINE_LETTERS) {
			var r = api.post("/api/v1/petitions", token, letter("430781", "LABOR", "CLAIM", "矿上拖欠工资", content, noon));
			assertThat(r.status()).isEqualTo(201);
			mine.add(r.body().get("number").asString());
		}
		var dust = api.post("/api/v1/petitions", token, letter("430781", "ENV", "CLAIM", "矿上粉尘太大",
				"矿上开装载机拉石头，粉尘太大，我们村里的庄稼都盖白了，请求环保部门督促老板洒水降尘。", noon));
		var other = api.post("/api/v1/petitions", token, letter("430781", "LABOR", "CLAIM", "超市加班费",
				"我在超市当收银员，加班没有加班费，请求劳动监察处理。", noon));
		List<String> all = new ArrayList<>(mine);
		all.add(dust.body().get("number").asString());
		all.add(other.body().get("number").asString());
		// the words counted first, as in production a moment after registration (the scores weigh words
		// by their counts: without this the outcome depended on whether the indexer's batch had run)
		indexer.drain(100);
		for (String n : all) {
			classes.assign(jdbc.sql("SELECT id FROM petition WHERE number = ?").param(n).query(Long.class).single());
		}
		List<Long> classIds = jdbc.sql("SELECT DISTINCT m.class_id FROM casefile_class_member m JOIN petition p ON p.id = m.petition_id "
				+ "WHERE p.number = ANY(?)").param(all.toArray(String[]::new)).query(Long.class).list();
		assertThat(classIds).hasSize(1);
		List<String> members = jdbc.sql("SELECT p.number FROM casefile_class_member m JOIN petition p ON p.id = m.petition_id "
				+ "WHERE m.class_id = ?").param(classIds.get(0)).query(String.class).list();
		assertThat(members).containsExactlyInAnyOrderElementsOf(mine);
	}

	/** A staff member's browser session: form login with the CSRF token, cookies kept. */
	record StaffSession(HttpClient client, int port) {

		static StaffSession login(int port, String username) {
			try {
				var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NEVER).build();
				var session = new StaffSession(client, port);
				String form = session.get("/console/login");
				var m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
				assertThat(m.find()).as("csrf token on the login form").isTrue();
				String body = "portal=staff&username=" + username + "&password=Demo%402026&_csrf=" + m.group(1);
				var res = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(res.statusCode()).isEqualTo(302);
				return session;
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String get(String path) {
			try {
				var res = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
				assertThat(res.statusCode()).as(path).isEqualTo(200);
				return res.body();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
