package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.casefile.ClassCaseGrouping;
import com.xinfang.casefile.ClassCases;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 类案 pages walked in Chromium (screenshots target/screenshots/class-*): four households of one
 * project's workers in 石门县 write about the same wage arrears (a 类案), a fifth writes an
 * accusation about the same project (never in the 类案: Art 30), two of the four matters are
 * transferred to 市人社局. The city's supervisor confirms, renames, splits two matters out and merges
 * them back; 市人社局's case officer sees the 类案 with only its two matters and their count, and may
 * not change it; 武陵区's registrar does not know it exists.
 */
@IntegrationTest
@BrowserTest
class ClassCasePagesIT {

	@Autowired
	Clock clock;

	static final String[] LETTERS = {
			"我们是石门县蒙泉镇丰泰花园项目的钢筋工，常德丰泰建设工程有限公司欠我们班组工资十六万元，项目封顶半年了还没结清，请求人社部门督促丰泰建设支付拖欠的工资。",
			"丰泰花园项目木工班十个人反映：常德丰泰建设工程有限公司拖欠工资共十二万元，去项目部讨薪没人理，请求劳动监察责令常德丰泰建设工程有限公司支付工资。",
			"蒙泉镇丰泰花园工地的水电工，常德丰泰建设工程有限公司欠我们四个月工钱，公司说资金紧张，家里等钱用，请求帮我们讨回被拖欠的工资。",
			"我在丰泰花园项目做泥工，常德丰泰建设工程有限公司拖欠我和工友的工资八万多元，请求依法督促该公司支付农民工工资。" };

	static final String ACCUSER = "龚卫东";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClassCases classes;

	@AfterEach
	void unthrottle() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	private static Map<String, Object> letter(String name, String idTail, String kind, String title, String content,
			OffsetDateTime receivedAt) {
		Map<String, Object> person = Map.of("name", name, "idNumber", IdNumber.withCheckCharacter("43072619790505" + idTail));
		Map<String, Object> body = new HashMap<>(Map.of("channel", "LETTER", "regionCode", "430726", "title", title, "content", content,
				"categoryCode", "LABOR", "petitioners", List.of(person), "receivedAt", receivedAt.toString(), "kind", kind));
		return body;
	}

	private static void transferToHr(TestApi api, String token, String number) {
		int version = api.get("/api/v1/petitions/" + number, token).body().get("version").asInt();
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS",
				"version", version, "communication", Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		assertThat(r.status()).as("TRANSFER " + r.body()).isEqualTo(200);
	}

	private static void waitUntil(Browser b, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(condition);
	}

	@Test
	void aSupervisorConfirmsRenamesSplitsAndMergesAndOthersSeeOnlyWhatTheyMay() {
		TestApi api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		// 330 days back, in 石门县: clear of the demo data and of the other tests' weeks
		OffsetDateTime noon = LocalDate.now(clock).minusDays(330).atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
		String[] names = { "覃明远", "向桂英", "田志华", "卓海波" };
		List<String> wage = new ArrayList<>();
		for (int i = 0; i < LETTERS.length; i++) {
			var r = api.post("/api/v1/petitions", token, letter(names[i], "1" + i + "1", "CLAIM", "丰泰花园项目拖欠工资", LETTERS[i],
					noon.minusDays(i)));
			assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
			wage.add(r.body().get("number").asString());
		}
		var accusation = api.post("/api/v1/petitions", token, letter(ACCUSER, "191", "ACCUSATION", "举报丰泰花园项目欠薪不查",
				"举报蒙泉镇劳动保障所所长收受常德丰泰建设工程有限公司好处，对丰泰花园项目拖欠农民工工资的问题不予查处。", noon.minusDays(1)));
		assertThat(accusation.status()).isEqualTo(201);
		String accused = accusation.body().get("number").asString();
		List<String> all = new ArrayList<>(wage);
		all.add(accused);
		ClassCaseGrouping.assign(classes, jdbc, all);
		long classId = jdbc.sql("SELECT DISTINCT m.class_id FROM casefile_class_member m JOIN petition p ON p.id = m.petition_id "
				+ "WHERE p.number = ANY(?)").param(all.toArray(String[]::new)).query(Long.class).single();
		transferToHr(api, token, wage.get(0));
		transferToHr(api, token, wage.get(1));

		try (Browser b = new Browser(port, 1440, 1000)) {
			// the supervisor: the list, then the 类案's page
			b.logInStaff("city.supervisor", "Demo@2026");
			b.click("a[href='/console/class-cases']");
			b.find("#class-cases");
			String row = b.driver().findElement(By.cssSelector("#class-cases a[href='/console/class-cases/" + classId + "']"))
				.findElement(By.xpath("./ancestor::tr")).getText();
			// names, not codes: the place by name, the unit by name, the state in words
			assertThat(row).contains("丰泰", "4", "石门县", "人力资源和社会保障局", "待确认").doesNotContain("430726", "CD-HRSS");
			b.screenshot("class-01-list");
			b.click("#class-cases a[href='/console/class-cases/" + classId + "']");
			b.find("#class-summary");
			String summary = b.text("#class-summary");
			assertThat(summary).contains("劳动", "石门县").doesNotContain("430726", "LABOR");
			assertThat(b.text("#class-matters")).contains(wage.get(0), wage.get(3)).doesNotContain(accused);
			// Art 30: the accusation, its count and its accuser are nowhere on the page
			assertThat(b.pageText()).doesNotContain(accused).doesNotContain(ACCUSER);
			assertThat(summary).contains("事项\n4").contains("人数\n4");
			b.screenshot("class-02-page");

			b.click("#class-actions button[value=CONFIRM]");
			b.waitForText(".flash, .notice, [role=status]", "已保存");
			assertThat(b.text("#class-summary")).contains("已确认");
			b.type("#rename", "丰泰花园项目欠薪");
			b.click("#class-actions button[value=RENAME]");
			b.waitForText("h1", "丰泰花园项目欠薪");

			// split two out: a new 类案 with those two, the first keeps the other two
			b.click("input[name=numbers][value='" + wage.get(2) + "']");
			b.click("input[name=numbers][value='" + wage.get(3) + "']");
			b.type("#split-name", "丰泰花园水电泥工");
			b.click("#class-matters button[value=SPLIT]");
			b.waitForText("h1", "丰泰花园水电泥工");
			assertThat(b.path()).isNotEqualTo("/console/class-cases/" + classId);
			assertThat(b.text("#class-matters")).contains(wage.get(2), wage.get(3)).doesNotContain(wage.get(0));
			b.screenshot("class-03-split");
			// and merge it back
			b.select("#merge-into", "丰泰花园项目欠薪（2件）");
			b.click("#class-actions button[value=MERGE]");
			b.waitForText("h1", "丰泰花园项目欠薪");
			assertThat(b.path()).isEqualTo("/console/class-cases/" + classId);
			assertThat(b.text("#class-matters")).contains(wage.get(0), wage.get(1), wage.get(2), wage.get(3));
			assertThat(b.text("#class-summary")).contains("事项\n4");
			b.screenshot("class-04-merged");

			b.logOut();

			// 市人社局's case officer: the 类案 with its two matters only, their count, no decisions
			b.logInStaff("hr.officer", "Demo@2026");
			b.open("/console/class-cases");
			String hrRow = b.driver().findElement(By.cssSelector("#class-cases a[href='/console/class-cases/" + classId + "']"))
				.findElement(By.xpath("./ancestor::tr")).getText();
			assertThat(hrRow).contains("丰泰花园项目欠薪", " 2 ");
			b.open("/console/class-cases/" + classId);
			b.find("#class-summary");
			assertThat(b.text("#class-summary")).contains("事项\n2");
			assertThat(b.text("#class-matters")).contains(wage.get(0), wage.get(1)).doesNotContain(wage.get(2)).doesNotContain(wage.get(3));
			assertThat(b.pageText()).doesNotContain(accused).doesNotContain(ACCUSER);
			assertThat(b.driver().findElements(By.cssSelector("#class-actions, input[name=numbers]"))).isEmpty();
			b.screenshot("class-05-unit-scope");
			b.logOut();

			// 武陵区's registrar: the 类案 does not exist
			b.logInStaff("wuling.registrar", "Demo@2026");
			b.open("/console/class-cases");
			b.find("#class-cases");
			assertThat(b.pageText()).doesNotContain("丰泰花园项目欠薪");
			b.open("/console/class-cases/" + classId);
			waitUntil(b, d -> d.findElement(By.tagName("body")).getText().contains("不存在"));
			assertThat(b.pageText()).doesNotContain("丰泰");
			b.screenshot("class-06-out-of-scope");
		}
	}

}
