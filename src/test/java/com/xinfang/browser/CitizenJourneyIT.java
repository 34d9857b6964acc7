package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.SmsOutbox;
import com.xinfang.privacy.IdNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen on a phone-sized screen: scans the county's QR code, registers, submits a petition
 * with a photo, keeps the number and code, and later looks the matter up without logging in.
 */
@IntegrationTest
@BrowserTest
class CitizenJourneyIT {

	@LocalServerPort
	int port;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void scanRegisterSubmitWithAttachmentAndQueryByNumberAndCode() throws Exception {
		Path photo = Files.createTempFile("scene", ".png");
		Files.write(photo, Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
		String number;
		String code;
		try (Browser b = new Browser(port, 390, 1600)) {
			// the QR code of 鼎城区 leads to the intake page, which asks for a login first
			b.open("/county/430703");
			assertThat(b.path()).startsWith("/login");
			assertThat(b.pageText()).contains("还没有账号？");
			b.screenshot("citizen-01-login");
			b.click("a[href$='/register']");

			b.type("#phone", "13707367777");
			b.click("#send-code");
			assertThat(b.text("#code-status")).contains("验证码已发送");
			Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(outbox.recent(20).stream()
				.filter(x -> x.phoneMask().equals("137****7777") && x.text().contains("验证码")).findFirst().orElseThrow().text());
			assertThat(m.find()).isTrue();
			b.type("#smsCode", m.group(1));
			b.type("#name", "覃小军");
			b.type("#idNumber", IdNumber.withCheckCharacter("43070319881212555"));
			b.type("#password", "Xiaojun2026");
			b.type("#passwordConfirm", "Xiaojun2026");
			b.screenshot("citizen-02-register");
			b.click("button[type=submit]");

			// back on the intake page with 鼎城区 chosen
			assertThat(b.path()).startsWith("/petition/new");
			assertThat(b.find("#county option:checked").getText()).isEqualTo("鼎城区");
			b.select("#township", "灌溪镇");
			b.type("#title", "灌溪镇某砂石场夜间噪声扰民");
			b.type("#content", "灌溪镇某砂石场每天晚上十点后仍在生产，噪声很大，附近村民无法入睡，多次向村里反映没有解决，请求依法处理。");
			b.find("#files").sendKeys(photo.toAbsolutePath().toString());
			b.click("input[name=truthful]");
			b.screenshot("citizen-03-form");
			assertThat(b.driver().findElement(By.id("submit-btn")).isDisplayed()).as("submit waits for the confirmation").isFalse();
			b.click("#review-btn");
			assertThat(b.driver().findElement(By.id("review-btn")).isDisplayed()).isFalse();
			assertThat(b.text("#confirm-panel")).contains("鼎城区 灌溪镇").contains("夜间噪声扰民").contains(photo.getFileName().toString());
			b.screenshot("citizen-03b-confirm");
			b.click("#submit-btn");

			number = b.text("#petition-number");
			code = b.text("#query-code");
			assertThat(number).startsWith("XF430703");
			assertThat(code).hasSize(8);
			assertThat(b.pageText()).contains("查询码只显示这一次");
			b.screenshot("citizen-04-submitted");

			// the code is not shown again
			b.open("/petition/submitted");
			assertThat(b.pageText()).doesNotContain(code);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM attachment a JOIN petition p ON p.id = a.petition_id WHERE p.number = ?")
			.param(number).query(Long.class).single()).isEqualTo(1);

		try (Browser anonymous = new Browser(port, 390, 1000)) {
			anonymous.open("/query");
			anonymous.type("#number", number);
			anonymous.type("#queryCode", "WRONG234");
			anonymous.click("button[type=submit]");
			assertThat(anonymous.text(".error-box")).contains("信访编号或查询码不正确");
			anonymous.type("#number", number);
			anonymous.type("#queryCode", code.toLowerCase());
			anonymous.click("button[type=submit]");
			assertThat(anonymous.text("#query-status")).isEqualTo("已登记");
			assertThat(anonymous.text("#query-result")).contains("灌溪镇某砂石场夜间噪声扰民").contains("登记");
			anonymous.screenshot("citizen-05-query");
		}
		jdbc.sql("DELETE FROM throttle").update();
	}

}
