package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.petition.Action;
import com.xinfang.privacy.IdNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One matter through every hand: the registrar registers and transfers it, the case officer
 * accepts and drafts the reply, the unit head approves it, the officer delivers it and visits
 * back, the bureau's reviewer approves closure, and the petitioner rates it online.
 */
@IntegrationTest
@BrowserTest
class MatterThroughTheRolesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	void logIn(Browser b, String user) {
		b.logInStaff(user, "Demo@2026");
	}

	void logOut(Browser b) {
		b.logOut();
	}

	/** Opens an action's form (a single possible action is open already). */
	static void open(Browser b, String action) {
		if (b.driver().findElement(By.id("act-" + action)).getAttribute("open") == null) {
			b.click("#act-" + action + " summary");
		}
	}

	void act(Browser b, String action) {
		open(b, action);
		b.click("#act-" + action + " button[type=submit]");
		b.waitForText(".flash", "已完成：" + Action.valueOf(action).label());
	}

	@Test
	void registrarOfficerHeadReviewerAndCitizen() throws Exception {
		String number;
		String code;
		try (Browser b = new Browser(port, 1400, 1000)) {
			logIn(b, "city.registrar");
			b.open("/console/register");
			b.type("#pName0", "胡志强");
			b.type("#pId0", IdNumber.withCheckCharacter("43070219820606777"));
			b.type("#pPhone0", "13517360000");
			b.select("#county", "武陵区");
			b.waitForOption("#township", "丹阳街道");
			b.select("#township", "丹阳街道");
			b.type("#title", "物流公司拖欠三个月工资");
			b.type("#content", "本人在丹阳街道某物流公司做分拣员，公司拖欠2026年8月至10月工资共计12600元，多次讨要无果，请求责令支付。");
			b.select("#categoryCode", "劳动社保");
			b.select("#kind", "申诉求决类");
			b.select("#complexity", "简易");
			b.click("#desk-form button[type=submit]");
			number = b.text("#registered-number");
			code = b.text("#registered-code");
			b.click("a[href$='/console/petitions/" + number + "']");

			open(b, "TRANSFER");
			assertThat(b.find("#act-TRANSFER select[name=unitCode] option:checked").getText()).isEqualTo("市人力资源和社会保障局");
			b.type("#act-TRANSFER input[name=commContact]", "市人社局信访科 刘科长");
			b.type("#act-TRANSFER textarea[name=commSummary]", "电话沟通，同意接收，按期受理");
			b.click("#act-TRANSFER button[type=submit]");
			b.waitForText(".flash", "已完成：转送");
			b.screenshot("roles-01-transferred");
			logOut(b);

			logIn(b, "hr.officer");
			b.open("/console/petitions/" + number);
			act(b, "ACCEPT");
			open(b, "REPLY");
			b.select("#act-REPLY select[name=result]", "支持");
			b.type("#act-REPLY textarea[name=opinion]", "经调查核实，该公司确实拖欠工资12600元，已责令其于10日内足额支付。");
			b.click("#act-REPLY button[type=submit]");
			b.waitForText(".flash", "已完成：拟定处理意见书");
			assertThat(b.pageText()).doesNotContain("审核通过"); // a case officer cannot approve
			b.screenshot("roles-02-officer-replied");
			logOut(b);

			logIn(b, "hr.head");
			b.open("/console");
			b.click("a[href*='REPLY_PENDING_APPROVAL']");
			b.click("a[href$='/console/petitions/" + number + "']");
			act(b, "APPROVE");
			logOut(b);

			logIn(b, "hr.officer");
			b.open("/console/petitions/" + number);
			act(b, "DELIVER");
			open(b, "VISIT_BACK");
			b.select("#act-VISIT_BACK select[name=satisfaction]", "满意");
			b.click("#act-VISIT_BACK button[type=submit]");
			b.waitForText(".flash", "已完成：回访");
			logOut(b);

			logIn(b, "city.reviewer");
			b.open("/console/petitions/" + number);
			act(b, "APPROVE");
			assertThat(b.text("h1 .badge")).isEqualTo("已办结");
			b.screenshot("roles-03-closed");
		}
		try (Browser citizen = new Browser(port, 390, 1400)) {
			citizen.open("/query");
			citizen.type("#number", number);
			citizen.type("#queryCode", code);
			citizen.click("button[type=submit]");
			assertThat(citizen.text("#query-status")).isEqualTo("已办结");
			assertThat(citizen.text("#query-result")).contains("转交").contains("受理告知").contains("意见书").contains("送达");
			// the listed documents open as linked: no code in the link, nothing to append
			var links = citizen.driver().findElements(By.cssSelector("#query-documents a"));
			assertThat(links).isNotEmpty();
			for (var link : links) {
				String href = link.getAttribute("href");
				assertThat(href).doesNotContain(code);
				var pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertThat(pdf.statusCode()).as(href).isEqualTo(200);
				assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			}
			citizen.screenshot("roles-04-citizen-documents");
			citizen.click("#rate-form input[value=SATISFIED]");
			citizen.click("#rate-form button[type=submit]");
			assertThat(citizen.text(".flash")).contains("群众评价");
			citizen.screenshot("roles-04-citizen-rated");
		}
		assertThat(jdbc.sql("SELECT satisfaction FROM petition WHERE number = ?").param(number).query(String.class).single())
			.isEqualTo("SATISFIED");
		jdbc.sql("DELETE FROM throttle").update();
	}

}
