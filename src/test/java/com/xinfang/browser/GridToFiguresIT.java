package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 源头治理 in one journey: a grid worker on a 390 px phone reports a dispute, the township's 矛调中心
 * sends it to the committee, the mediator (on a phone too) closes it with a written agreement, and
 * the county's figures count it.
 */
@IntegrationTest
class GridToFiguresIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void aGridWorkersReportIsMediatedToAnAgreementAndCountedInTheCountyFigures() {
		var api = new TestApi(port);
		LocalDate today = LocalDate.now(clock);
		String figures = "/api/v1/mediation/figures?region=430702&from=" + today + "&to=" + today;
		long agreedBefore = api.get(figures, api.token("wuling.center", "Demo@2026")).body().get("total").get("agreed").asLong();
		String number;

		try (Browser phone = new Browser(port, 390, 844)) {
			phone.logInStaff("grid.worker", "Demo@2026");
			phone.open("/console/disputes/report");
			phone.select("#typeCode", "邻里");
			phone.type("#title", "空调外机滴水纠纷");
			phone.type("#facts", "紫桥社区6栋501室空调外机冷凝水滴落到401室阳台，双方多次争吵。");
			phone.type("#applicantName", "孙桂芳");
			phone.type("#applicantPhone", "13907368881");
			phone.type("#respondentName", "周志明");
			phone.screenshot("grid-01-report-390");
			phone.click("#report-form button[type=submit]");
			number = phone.text("#dispute-number");
			assertThat(number).startsWith("JF430702");
			assertThat(phone.text("#dispute-status")).isEqualTo("已登记");
			assertThat(phone.pageText()).contains("139****8881").doesNotContain("13907368881");
			// the phone page fits the phone: nothing to scroll sideways
			Long width = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth;");
			assertThat(width).isLessThanOrEqualTo(390L);
			phone.screenshot("grid-02-reported-390");
		}

		try (Browser desk = new Browser(port, 1400, 1000)) {
			desk.logInStaff("czh.center", "Demo@2026");
			desk.open("/console/disputes/" + number);
			assertThat(desk.text("#assign-form")).contains("穿紫河街道人民调解委员会");
			desk.click("#assign-form button[type=submit]");
			desk.waitForText(".flash", "已分流");
		}

		try (Browser phone = new Browser(port, 390, 844)) {
			phone.logInStaff("mediator", "Demo@2026");
			phone.open("/console/disputes/" + number);
			phone.type("#record", "双方到场陈述，经现场查看，外机未装接水管。调解员释明相邻关系规定，双方同意加装接水管。");
			phone.click("#session-form button[type=submit]");
			phone.waitForText(".flash", "调解笔录已保存");
			phone.type("#a-resp", "周志明未加装接水管，负全部责任。");
			phone.type("#a-terms", "周志明于七日内为空调外机加装接水管，并赔偿孙桂芳阳台清洁费用人民币叁佰元整。");
			phone.type("#a-perf", "自行加装，赔偿款当面付清");
			phone.driver().executeScript("arguments[0].value = arguments[1];", phone.find("#a-by"), today.plusDays(7).toString());
			phone.click("#agreement-form button[type=submit]");
			phone.waitForText(".flash", "调解协议已记录");
			assertThat(phone.text("#dispute-status")).isEqualTo("达成协议");
			assertThat(phone.driver().findElements(By.id("agreement-pdf"))).hasSize(1);
			phone.type("#fu-note", "接水管已加装，赔偿款已付，双方满意。");
			phone.click("#follow-up-form button[type=submit]");
			phone.waitForText(".flash", "回访已记录");
			phone.click("#close-form button[type=submit]");
			phone.waitForText(".flash", "已结案归档");
			assertThat(phone.text("#dispute-status")).isEqualTo("已结案");
			phone.screenshot("grid-03-closed-390");
		}

		try (Browser desk = new Browser(port, 1400, 1000)) {
			desk.logInStaff("wuling.center", "Demo@2026");
			desk.click("a[href$='/console/mediation/figures']");
			desk.open("/console/mediation/figures?from=" + today + "&to=" + today + "&by=TOWNSHIP");
			assertThat(Long.parseLong(desk.text("#fig-agreed"))).isEqualTo(agreedBefore + 1);
			assertThat(desk.text("table.queue")).contains("穿紫河街道");
			assertThat(desk.text("#fig-rate")).endsWith("%");
			desk.screenshot("grid-04-county-figures");
		}
	}

}
