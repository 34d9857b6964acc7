package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The supervisor's day: the board, a 督办 on a late matter, and the unit's written reply. */
@IntegrationTest
@BrowserTest
class SupervisorDayIT {

	@LocalServerPort
	int port;

	@Test
	void boardThenSuperviseThenTheUnitReplies() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702003", "title",
				"工伤认定久拖不决", "content", "申请工伤认定已四个月没有结论，请督促人社部门依法作出认定。", "categoryCode", "LABOR",
				"petitioners", List.of(Map.of("name", "曾海波"))));
		assertThat(created.status()).isEqualTo(201);
		String number = created.body().get("number").asString();
		var routed = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "version",
				created.body().get("version").asInt(), "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		assertThat(routed.status()).isEqualTo(200);

		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("city.supervisor", "Demo@2026");
			b.click("a[href$='/console/supervision']");
			assertThat(b.text("h1")).contains("督办看板");
			b.screenshot("supervisor-01-board");
			b.open("/console/petitions/" + number);
			b.click("#act-SUPERVISE summary");
			b.select("#act-SUPERVISE select[name=kind]", "挂牌督办");
			b.type("#act-SUPERVISE textarea[name=reason]", "群众多次反映，工伤认定超过法定时限");
			b.click("#act-SUPERVISE button[type=submit]");
			b.waitForText(".flash", "挂牌督办");
			assertThat(b.text("#supervision")).contains("督办单").contains("书面回复期限");
			b.screenshot("supervisor-02-listed");
			b.logOut();

			b.logInStaff("hr.officer", "Demo@2026");
			assertThat(b.text("#notices")).contains(number).contains("挂牌督办");
			b.click("#notices a[href$='/console/petitions/" + number + "']");
			b.type("#supervision textarea[name=text]", "已调取材料，本周内作出工伤认定决定并送达。");
			b.click("#supervision form button[type=submit]");
			b.waitForText(".flash", "已回复督办");
			assertThat(b.text("#supervision")).contains("已回复");
			b.screenshot("supervisor-03-replied");
		}
	}

}
