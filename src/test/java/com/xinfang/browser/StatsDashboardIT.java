package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.analytics.StatsRollup;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A leader opens 统计分析: the figures, the charts and the county map are drawn; a figure opens its matters. */
@IntegrationTest
@BrowserTest
class StatsDashboardIT {

	@LocalServerPort
	int port;

	@Autowired
	StatsRollup rollup;

	@Test
	void theDashboardDrawsItsChartsAndTheMapAndClicksThrough() {
		rollup.refreshNow();
		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("leader", "Demo@2026");
			b.find("a[href$='/console/stats']"); // the leader is offered 统计分析 in the nav
			b.open("/console/stats?period=year");
			new WebDriverWait(b.driver(), Duration.ofSeconds(20))
				.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stats-loaded")));
			// the map is drawn once its boundary file has arrived, which may be after the figures
			for (String chart : new String[] { "#chart-trend", "#chart-channels", "#chart-categories", "#chart-map" }) {
				new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(chart + " canvas")).isEmpty());
			}
			// the map really has Changde's counties: ECharts reports the regions it drew
			Object regions = b.driver().executeScript(
					"var c = echarts.getInstanceByDom(document.getElementById('chart-map'));"
							+ "return c.getOption().series[0].data.map(function (d) { return d.name; }).join(',');");
			assertThat(String.valueOf(regions)).contains("武陵区").contains("石门县").contains("津市市");
			// every figure has its tile, 调解成功率 from the mediation module
			assertThat(b.text("#stat-cards")).contains("及时受理率").doesNotContain("待提供").contains("调解成功率");
			// the 调解成功率 card opens the mediation figures of the same place and period
			assertThat(b.find("#stat-cards a[data-indicator=mediationSuccessRate]").getDomAttribute("href")).contains("/console/mediation/figures?from=");
			assertThat(b.find("#stat-cards [data-indicator=acceptedOnTimeRate]").getDomAttribute("title")).contains("分子")
				.contains("不论是否已作出决定");
			assertThat(b.text("#rank-REGION")).contains("武陵区");
			// each column once: ranked by 收到信访事项 there is no second 收到信访事项 column; by another figure, the
			// intake follows it
			for (String table : new String[] { "#rank-REGION", "#rank-UNIT" }) {
				assertThat(b.driver().findElements(By.cssSelector(table + " thead th"))).extracting(e -> e.getText())
					.containsExactly("名次", table.endsWith("REGION") ? "地区" : "单位", "收到信访事项");
			}
			new Select(b.find(".rank-by[data-target=rank-UNIT]")).selectByValue("closedOnTimeRate");
			assertThat(b.driver().findElements(By.cssSelector("#rank-UNIT thead th"))).extracting(e -> e.getText())
				.containsExactly("名次", "单位", "按期办结率", "收到信访事项");
			b.screenshot("stats-01-dashboard");
			b.driver().executeScript("document.getElementById('rank-REGION').scrollIntoView()");
			b.screenshot("stats-01b-rankings");
			String received = b.text("#stat-cards [data-indicator=received] .value");
			b.click("#stat-cards a[data-indicator=received]");
			b.waitForText("h1", "收到信访事项");
			assertThat(b.text("#matter-total")).contains("共 " + received + " 件");
			b.screenshot("stats-02-matters");
			b.open("/console/stats/screen");
			new WebDriverWait(b.driver(), Duration.ofSeconds(20))
				.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stats-loaded")));
			new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#chart-map canvas")).isEmpty());
			b.screenshot("stats-03-screen");
			b.open("/console/stats/definitions");
			assertThat(b.text("#definitions-intro")).contains("超过期限仍未处理的事项计入分母");
			b.screenshot("stats-04-definitions");
		}
	}

	@Test
	void aCaseOfficerIsNotOfferedStatistics() {
		try (Browser b = new Browser(port, 1200, 900)) {
			b.logInStaff("hr.officer", "Demo@2026");
			assertThat(b.driver().findElements(By.cssSelector("a[href$='/console/stats']"))).isEmpty();
			b.open("/console/stats");
			assertThat(b.pageText()).contains("只有领导、信访部门和单位负责人可以查看统计");
		}
	}

}
