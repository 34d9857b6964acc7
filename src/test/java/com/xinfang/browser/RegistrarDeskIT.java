package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.privacy.IdNumber;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A registrar at the city bureau registers a letter received last week and finds it in the list. */
@IntegrationTest
@BrowserTest
class RegistrarDeskIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersALetterWithItsReceivedDateAndFindsItInTheList() {
		try (Browser b = new Browser(port, 1400, 1000)) {
			b.open("/console");
			assertThat(b.path()).startsWith("/console/login");
			b.type("#username", "city.registrar");
			b.type("#password", "Demo@2026");
			b.click("button[type=submit]");
			assertThat(b.text(".console-top")).contains("李登记").contains("常德市信访局");
			b.screenshot("registrar-01-home");

			b.click("a[href$='/console/register']");
			b.select("#channel", "来信");
			var received = b.find("#receivedAt");
			((JavascriptExecutor) b.driver()).executeScript("arguments[0].value='2026-11-20T10:30'", received);
			b.type("#pName0", "杨国平");
			b.type("#pId0", IdNumber.withCheckCharacter("43072319700315666"));
			b.type("#pPhone0", "13974261111");
			b.select("#county", "澧县");
			b.type("#title", "退休工资计算有误");
			b.type("#content", "本人于2025年退休，社保部门核定的养老金比同工龄同事少四百余元，多次咨询未获解释，请求复核。");
			b.select("#categoryCode", "劳动社保");
			b.screenshot("registrar-02-form");
			b.click("#desk-form button[type=submit]");

			String number = b.text("#registered-number");
			assertThat(number).startsWith("XF430723261120");
			assertThat(b.text("#registered-code")).hasSize(8);
			b.screenshot("registrar-03-slip");

			b.open("/console/petitions?q=" + number);
			assertThat(b.text("#petition-table")).contains(number).contains("退休工资计算有误").contains("杨国平").contains("澧县");
			b.open("/console/petitions/" + number);
			assertThat(b.pageText()).contains("430723********").doesNotContain("13974261111");
			b.screenshot("registrar-04-case");
		}
		assertThat(jdbc.sql("SELECT channel FROM petition WHERE title = '退休工资计算有误'").query(String.class).single())
			.isEqualTo("LETTER");
	}

	@Test
	void aMistakeKeepsWhatWasTypedAndSaysWhatToFix() {
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/register");
			b.type("#pName0", "杨国平");
			b.type("#pId0", "430723197003156660");
			b.select("#county", "澧县");
			b.type("#title", "一个标题");
			b.click("#desk-form button[type=submit]");
			assertThat(b.text(".error-box")).contains("身份证号码校验位不正确").contains("请填写信访内容");
			assertThat(b.find("#title").getAttribute("value")).isEqualTo("一个标题");
			assertThat(b.find("#pName0").getAttribute("value")).isEqualTo("杨国平");
			b.screenshot("registrar-05-errors");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before);
	}

}
