package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.SmsOutbox;
import com.xinfang.privacy.IdNumber;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role's day (issue 14), walked in Chromium: what a citizen meets on a phone and what each
 * staff role meets at a desk, with a screenshot of each page changed (target/screenshots/day-*).
 */
@IntegrationTest
@BrowserTest
class RoleDaysIT {

	@LocalServerPort
	int port;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void unthrottle() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	/** A matter registered by the city's registrar and transferred to 市人社局, by the API. */
	private String transferredToHr(TestApi api, String title) {
		String registrar = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702003", "title", title,
				"content", title + "，请有关部门依法处理并答复。", "categoryCode", "LABOR", "petitioners",
				List.of(Map.of("name", "向志明", "idNumber", IdNumber.withCheckCharacter("43070219800808123")))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String number = created.body().get("number").asString();
		act(api, registrar, number, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		return number;
	}

	private static void act(TestApi api, String token, String number, Map<String, Object> body) {
		int version = api.get("/api/v1/petitions/" + number, token).body().get("version").asInt();
		var with = new HashMap<String, Object>(body);
		with.put("version", version);
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, with);
		assertThat(r.status()).as(body.get("action") + " " + r.body()).isEqualTo(200);
	}

	/** A GET with the browser's session: for files the page links to. */
	private HttpResponse<byte[]> fetch(Browser b, String path) throws Exception {
		String cookies = b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static void waitUntil(Browser b, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(condition);
	}

	@Test
	void citizenOnAPhone() {
		try (Browser b = new Browser(port, 390, 1400)) {
			// the county's QR code: the login page says where the petition goes and why to log in
			b.open("/county/430703");
			assertThat(b.path()).startsWith("/login");
			assertThat(b.text("#landing")).contains("您正在向鼎城区反映问题").contains("实名");
			assertThat(b.driver().findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href")).endsWith("/img/favicon.svg");
			b.screenshot("day-citizen-01-county-landing");

			// 大字模式 says how to get back
			assertThat(b.text("[data-toggle-large]")).isEqualTo("大字模式");
			b.click("[data-toggle-large]");
			assertThat(b.text("[data-toggle-large]")).isEqualTo("标准字号");
			b.screenshot("day-citizen-02-large-text");
			b.click("[data-toggle-large]");
			assertThat(b.text("[data-toggle-large]")).isEqualTo("大字模式");

			b.click("a[href$='/register']");
			assertThat(b.text("#landing")).contains("鼎城区");
			b.type("#phone", "13707368888");
			b.click("#send-code");
			// the button counts the minute down instead of inviting a second tap
			waitUntil(b, d -> !d.findElement(By.id("send-code")).isEnabled());
			assertThat(b.text("#send-code")).contains("秒");
			assertThat(b.text("#code-status")).contains("验证码已发送");
			b.screenshot("day-citizen-03-countdown");
			Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(outbox.recent(20).stream()
				.filter(x -> x.phoneMask().equals("137****8888") && x.text().contains("验证码")).findFirst().orElseThrow().text());
			assertThat(m.find()).isTrue();
			String code = m.group(1);
			b.type("#smsCode", code);
			b.type("#name", "龚春梅");
			b.type("#idNumber", IdNumber.withCheckCharacter("43070319900303442"));
			b.type("#password", "Chunmei2026");
			b.type("#passwordConfirm", "Chunmei2027");
			b.click("button[type=submit]");
			// the refusal lands on the form with the SMS code kept
			assertThat(b.text(".error-box")).isNotBlank();
			assertThat(b.find("#smsCode").getDomProperty("value")).isEqualTo(code);
			assertThat(b.find("#name").getDomProperty("value")).isEqualTo("龚春梅");
			b.screenshot("day-citizen-04-form-kept");
			b.type("#password", "Chunmei2026");
			b.type("#passwordConfirm", "Chunmei2026");
			b.click("button[type=submit]");
			// the form posts and redirects: wait for the new page rather than read the old one's address
			try {
				waitUntil(b, d -> d.getCurrentUrl().contains("/petition/new"));
			}
			catch (TimeoutException ex) {
				throw new AssertionError("registration did not lead to the petition form: " + b.path() + " " + b.pageText(), ex);
			}
			assertThat(b.path()).startsWith("/petition/new");
			b.type("#title", "灌溪镇集市占道经营");
			b.type("#content", "灌溪镇集市每逢赶集日摊位摆到马路中间，车辆无法通行，多次反映未解决，请依法整治。");
			b.click("input[name=truthful]");
			b.click("#review-btn");
			b.click("#submit-btn");
			String number = b.text("#petition-number");
			assertThat(b.find("#save-code").getDomAttribute("data-number")).isEqualTo(number);
			b.click("#copy-code");
			waitUntil(b, d -> !d.findElement(By.id("copy-status")).getText().isBlank());
			assertThat(b.text("#copy-status")).containsAnyOf("已复制", "无法自动复制");
			b.screenshot("day-citizen-05-keep-the-code");
		}
	}

	@Test
	void aMergedRepeatLeadsToItsOriginal() {
		String original;
		String repeat;
		String repeatCode;
		try (Browser b = new Browser(port, 390, 1400)) {
			b.logInCitizen("13800000001", "Demo@2026");
			original = submit(b, "滨湖路夜市油烟扰民", "滨湖路夜市每晚油烟很大，楼上住户无法开窗，请环保部门处理。");
			repeat = submit(b, "再次反映滨湖路夜市油烟", "滨湖路夜市油烟问题仍未解决，每晚油烟很大，楼上住户无法开窗，请尽快处理。");
			repeatCode = b.text("#query-code");
		}
		var api = new TestApi(port);
		act(api, api.token("wuling.registrar", "Demo@2026"), repeat, Map.of("action", "MERGE", "into", original));
		try (Browser b = new Browser(port, 390, 1400)) {
			b.logInCitizen("13800000001", "Demo@2026");
			b.open("/my/" + repeat);
			assertThat(b.text("#original")).contains(original);
			b.click("#original a.btn");
			assertThat(b.path()).isEqualTo("/my/" + original);
			b.screenshot("day-citizen-06-merged");
		}
		try (Browser b = new Browser(port, 390, 1400)) {
			b.open("/query");
			b.type("#number", repeat);
			b.type("#queryCode", repeatCode);
			b.click("button[type=submit]");
			assertThat(b.text("#merged-hint")).contains("原事项");
			assertThat(b.text("#query-result")).contains("原事项");
		}
	}

	private static String submit(Browser b, String title, String content) {
		b.open("/petition/new?region=430702");
		b.type("#title", title);
		b.type("#content", content);
		b.click("input[name=truthful]");
		b.click("#review-btn");
		b.click("#submit-btn");
		return b.text("#petition-number");
	}

	@Test
	void registrarAtTheDesk() throws Exception {
		var api = new TestApi(port);
		String number = transferredToHr(api, "物业公司擅自提高停车费");
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			// only what works for the role: no grey headings without entries; the registrar's desk is there
			assertThat(b.driver().findElements(By.cssSelector(".console-nav .nav-group"))).isEmpty();
			assertThat(b.text(".console-nav")).contains("登记").doesNotContain("领导包案").doesNotContain("一县一码");
			b.screenshot("day-registrar-01-home");

			b.open("/console/petitions");
			WebElement date = b.find("#petition-table tbody tr td:nth-child(2)");
			assertThat(date.getCssValue("white-space")).isEqualTo("nowrap");
			assertThat(b.find("#f-q").getSize().getWidth()).isGreaterThanOrEqualTo(250);
			b.screenshot("day-registrar-02-list");

			// names, not login ids, in the timeline
			b.open("/console/petitions/" + number);
			String timeline = b.text(".timeline");
			assertThat(timeline).doesNotContain("city.registrar").contains("常德市信访局");
			b.screenshot("day-registrar-03-timeline");
		}
	}

	@Test
	void anOnlineMatterHasOneDesk() {
		String number;
		try (Browser b = new Browser(port, 390, 1400)) {
			b.logInCitizen("13800000001", "Demo@2026");
			b.open("/petition/new?region=430702");
			b.type("#title", "丹阳街道路灯长期不亮");
			b.type("#content", "丹阳街道某小区门口路灯坏了三个月，晚上出行很不安全，请尽快维修。");
			b.click("input[name=truthful]");
			b.click("#review-btn");
			b.click("#submit-btn");
			number = b.text("#petition-number");
		}
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/petitions/" + number);
			assertThat(b.text("#desk-owner")).contains("武陵区信访局");
			assertThat(b.driver().findElements(By.id("act-TRANSFER"))).isEmpty();
			b.screenshot("day-registrar-04-online-owner");
			// one desk: the city's registration queue (the list by 已登记) does not hold it, its full list does
			b.open("/console/petitions?status=REGISTERED");
			assertThat(b.pageText()).doesNotContain(number);
			b.open("/console/petitions?q=" + number);
			assertThat(b.pageText()).contains(number);
			b.logOut();
			b.logInStaff("wuling.registrar", "Demo@2026");
			b.open("/console/petitions/" + number);
			assertThat(b.driver().findElements(By.id("act-TRANSFER"))).isNotEmpty();
			b.open("/console/petitions?status=REGISTERED");
			assertThat(b.pageText()).contains(number);
		}
	}

	@Test
	void officerHeadReviewer() throws Exception {
		var api = new TestApi(port);
		String number = transferredToHr(api, "工厂拖欠加班费");
		String officer = api.token("hr.officer", "Demo@2026");
		act(api, officer, number, Map.of("action", "ACCEPT"));
		act(api, officer, number, Map.of("action", "REPLY", "result", "SUPPORT", "opinion",
				"经核查，该厂确未足额支付加班费，已责令其于十日内补发。"));
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("hr.head", "Demo@2026");
			// the head's own work first
			assertThat(b.find("#queues .queue").getText()).contains("意见书待我审核");
			assertThat(b.text("#queue-panel h2")).contains("意见书待我审核");
			b.screenshot("day-head-01-home");
			b.open("/console/petitions/" + number);
			b.click("#act-APPROVE summary");
			var pdf = fetch(b, b.find("#draft-preview").getDomAttribute("href"));
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			assertThat(TestApi.pdfText(pdf.body())).contains("草稿").contains("已责令其于十日内补发");
			b.screenshot("day-head-02-preview-link");
			b.click("#act-RETURN summary");
			b.type("#act-RETURN textarea[name=note]", "请写明补发金额和期限");
			b.click("#act-RETURN button[type=submit]");
			b.waitForText(".flash", "已完成：退回修改");
			b.logOut();

			b.logInStaff("hr.officer", "Demo@2026");
			assertThat(b.text("#notices")).contains("退回修改").contains("补发金额");
			assertThat(b.driver().findElements(By.cssSelector("#notices a[href$='/console/petitions/" + number + "']"))).hasSize(1);
			b.screenshot("day-officer-01-returned-notice");
			b.open("/console/petitions/" + number);
			if (b.driver().findElement(By.id("act-REPLY")).getDomAttribute("open") == null) {
				b.click("#act-REPLY summary");
			}
			assertThat(b.text("#returned-note")).contains("请写明补发金额和期限");
			assertThat(b.find("#act-REPLY textarea[name=opinion]").getDomProperty("value")).contains("已责令其于十日内补发");
			b.screenshot("day-officer-02-redraft");
		}
		act(api, officer, number, Map.of("action", "REPLY", "result", "SUPPORT", "opinion",
				"经核查，该厂未足额支付加班费4800元，已责令其于十日内补发。"));
		act(api, api.token("hr.head", "Demo@2026"), number, Map.of("action", "APPROVE"));
		act(api, officer, number, Map.of("action", "DELIVER", "method", "直接送达"));
		act(api, officer, number, Map.of("action", "VISIT_BACK", "satisfaction", "SATISFIED"));
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("hr.officer", "Demo@2026");
			b.open("/console/petitions/" + number);
			// a satisfied petitioner needs no re-check
			assertThat(b.driver().findElements(By.id("act-RECHECK"))).isEmpty();
			b.logOut();
			b.logInStaff("city.reviewer", "Demo@2026");
			b.open("/console/petitions/" + number);
			if (b.driver().findElement(By.id("act-APPROVE")).getDomAttribute("open") == null) {
				b.click("#act-APPROVE summary");
			}
			b.click("#act-APPROVE button[type=submit]");
			b.waitForText(".flash", "已完成：审核通过");
			assertThat(b.text("h1 .badge")).isEqualTo("已办结");
			assertThat(b.text(".timeline")).doesNotContain("hr.officer").doesNotContain("hr.head");
			b.screenshot("day-reviewer-01-closed");
		}
	}

	@Test
	void calledInUnitSeesItsTask() {
		var api = new TestApi(port);
		String number = transferredToHr(api, "回迁房渗水且施工方欠薪");
		String officer = api.token("hr.officer", "Demo@2026");
		act(api, officer, number, Map.of("action", "ACCEPT"));
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("hr.officer", "Demo@2026");
			b.open("/console/petitions/" + number);
			b.click("#act-WHISTLE summary");
			b.select("#joint-units", "市住房和城乡建设局");
			b.type("#joint-reason", "房屋渗水需住建部门鉴定");
			b.click("#act-WHISTLE button[type=submit]");
			b.waitForText(".flash", "已吹哨");
			b.logOut();

			b.logInStaff("housing.officer", "Demo@2026");
			assertThat(b.text("#joint-tasks")).contains(number).contains("报到");
			b.screenshot("day-called-in-01-home");
			b.click("#joint-tasks a[href*='" + number + "']");
			assertThat(b.text("#actions")).doesNotContain("当前没有您可以执行的操作");
			assertThat(b.find("#joint-part").isDisplayed()).isTrue();
			b.screenshot("day-called-in-02-case");
		}
	}

	@Test
	void supervisorAssignsAndTheLeaderSees() {
		var api = new TestApi(port);
		String number = transferredToHr(api, "征地补偿款迟迟不到位");
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("city.supervisor", "Demo@2026");
			b.open("/console/supervision");
			// every count clicks through
			assertThat(b.find("#count-overdue").getTagName()).isEqualTo("a");
			b.click("#count-due-soon");
			assertThat(b.path()).contains("tone=DUE_SOON");
			assertThat(b.pageText()).doesNotContainPattern("\\(-?\\d+\\)");
			b.screenshot("day-supervisor-01-board");

			b.open("/console/petitions/" + number);
			b.click("#act-OWNERSHIP summary");
			var leader = new Select(b.find("#own-leader"));
			leader.selectByIndex(1);
			String leaderLabel = leader.getFirstSelectedOption().getText();
			b.type("#own-group", "市人社局、市自然资源和规划局联合专班");
			b.type("#own-plan", "核实补偿标准，一个月内兑付到位");
			b.type("#own-follow", "市人社局 刘科长");
			b.click("#act-OWNERSHIP button[type=submit]");
			b.waitForText(".flash", "已安排领导包案");
			assertThat(b.text(".kv")).contains(leaderLabel.split(" · ")[0]);
			b.screenshot("day-supervisor-02-ownership");
			b.logOut();

			b.logInStaff("leader", "Demo@2026");
			b.open("/console/leader");
			assertThat(b.pageText()).contains(number).contains("联合专班");
			b.screenshot("day-leader-01-owned");
		}
	}

	@Test
	void theBigScreenFitsOneScreen() {
		try (Browser b = new Browser(port, 1920, 1080)) {
			b.logInStaff("leader", "Demo@2026");
			b.open("/console/stats/screen");
			b.find("#chart-map canvas");
			b.find("#chart-trend canvas");
			b.find("#chart-channels canvas");
			Object height = b.driver().executeScript("return document.documentElement.scrollHeight;");
			Object viewport = b.driver().executeScript("return window.innerHeight;");
			assertThat(((Number) height).longValue()).isLessThanOrEqualTo(((Number) viewport).longValue());
			for (String id : List.of("chart-map", "chart-trend", "chart-channels", "rank-REGION")) {
				Object bottom = b.driver().executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().bottom;", id);
				assertThat(((Number) bottom).doubleValue()).as(id).isLessThanOrEqualTo(((Number) viewport).doubleValue());
			}
			assertThat(b.pageText()).doesNotContain("GitHub").contains("DataV.GeoAtlas");
			try {
				Thread.sleep(1500); // the map's fill animation
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			b.screenshot("day-leader-02-big-screen");
		}
	}

	@Test
	void administrator() throws Exception {
		try (Browser b = new Browser(port, 1440, 1000)) {
			b.logInStaff("admin", "Demo@2026");
			b.open("/admin/county-codes");
			// the test server has no public address: the page says the codes must not be printed yet
			assertThat(b.text("#base-url-warning")).contains("XINFANG_PUBLIC_BASE_URL");
			WebElement download = b.find(".qr-card a[download]");
			var png = fetch(b, download.getDomAttribute("href"));
			assertThat(png.statusCode()).isEqualTo(200);
			assertThat(png.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
			var image = ImageIO.read(new ByteArrayInputStream(png.body()));
			assertThat(image.getHeight()).as("the caption under the code").isGreaterThan(image.getWidth());
			b.screenshot("day-admin-01-county-codes");

			b.open("/admin/audit");
			for (WebElement actor : b.driver().findElements(By.cssSelector("table.grid tbody td:nth-child(3)"))) {
				assertThat(actor.getText()).doesNotMatch("[a-z]+\\.[a-z0-9]+");
			}
			for (WebElement action : b.driver().findElements(By.cssSelector("table.grid tbody td:nth-child(4)"))) {
				assertThat(action.getText()).doesNotMatch("[A-Z_]{4,}");
			}
			b.screenshot("day-admin-02-audit");

			// a staff member's error page is the console's, with the way back to 工作台
			b.open("/console/petitions/XF000000000000");
			assertThat(b.driver().findElements(By.cssSelector(".console-top"))).isNotEmpty();
			assertThat(b.driver().findElements(By.cssSelector(".portal-header"))).isEmpty();
			assertThat(b.find("main a[href$='/console']").getText()).isEqualTo("工作台");
			b.screenshot("day-admin-03-error");
		}
	}

}
