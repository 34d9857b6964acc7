package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 信访吹哨、部门报到 in Chromium: the lead unit's case officer calls the housing department in from the
 * case page; the housing officer finds it on the board, reports in and records the contribution;
 * a registrar is refused the Art 26 tab.
 */
@IntegrationTest
@BrowserTest
class JointHandlingDayIT {

	@LocalServerPort
	int port;

	@Test
	void whistleThenTheCalledInUnitReportsIn() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702002", "title",
				"回迁房质量差且欠薪", "content", "回迁小区施工单位欠薪，房屋渗水，请相关部门联合处理。", "categoryCode", "LABOR",
				"petitioners", List.of(Map.of("name", "彭德明"))));
		assertThat(created.status()).isEqualTo(201);
		String number = created.body().get("number").asString();
		var routed = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "ASSIGN", "version",
				created.body().get("version").asInt(), "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意承办")));
		assertThat(routed.status()).isEqualTo(200);

		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("hr.officer", "Demo@2026");
			b.open("/console/petitions/" + number);
			b.click("#act-WHISTLE summary");
			b.select("#joint-units", "市住房和城乡建设局");
			b.type("#joint-reason", "房屋渗水需住建部门鉴定并督促维修");
			b.click("#act-WHISTLE button[type=submit]");
			b.waitForText(".flash", "已吹哨");
			assertThat(b.text("#joint")).contains("市住房和城乡建设局").contains("待报到");
			b.screenshot("joint-01-whistle");
			b.logOut();

			b.logInStaff("housing.officer", "Demo@2026");
			b.open("/console/supervision");
			assertThat(b.text("#unit-owes")).contains(number).contains("吹哨报到");
			b.click("#unit-owes a[href*='" + number + "']");
			b.type("#joint-part", "负责房屋渗水鉴定和维修督促");
			b.click("#joint form button[type=submit]");
			b.waitForText(".flash", "已报到");
			b.type("#joint-contribution", "已完成房屋渗水鉴定，责令施工单位十日内维修完毕。");
			b.click("#joint form button[type=submit]");
			b.waitForText(".flash", "已记录本单位办理情况");
			assertThat(b.text("#joint")).contains("按时报到").contains("十日内维修完毕");
			b.screenshot("joint-02-reported");
			b.logOut();

			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/coordination?tab=BACKLOG");
			assertThat(b.text("h1")).contains("协调与问责");
			assertThat(b.pageText()).doesNotContain("第二十六条记录");
			b.open("/console/coordination?tab=CONDUCT");
			assertThat(b.pageText()).contains("无权");
		}
	}

}
