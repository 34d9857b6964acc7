package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.SmsOutbox;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 法治宣传 in a browser: a citizen plays a round of the challenge on a 390 px phone from the portal's
 * home page and puts it on the leaderboard with an SMS code; a case officer sits the demo staff exam.
 */
@IntegrationTest
class PublicityJourneyIT {

	@LocalServerPort
	int port;

	@Autowired
	SmsOutbox outbox;

	/** Answers every question of the page: the first option, 正确, or a word. */
	private static void answerAll(Browser b, String formCss) {
		for (WebElement fs : b.driver().findElements(By.cssSelector(formCss + " fieldset[data-qid]"))) {
			String type = fs.getAttribute("data-type");
			WebElement input = fs.findElement(By.cssSelector("input"));
			((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
			if ("FILL".equals(type)) {
				input.sendKeys("十五");
			}
			else {
				input.click();
			}
		}
	}

	@Test
	void aCitizenPlaysARoundOnAPhoneAndGoesOnTheLeaderboard() {
		try (Browser b = new Browser(port, 390, 1400)) {
			b.open("/");
			b.click("#tile-quiz");
			b.waitForText("h1", "等你来挑战");
			b.screenshot("quiz-01-home");
			b.click("#quiz-start");
			b.find("#quiz-form fieldset[data-qid]");
			assertThat(b.driver().findElements(By.cssSelector("#quiz-form fieldset[data-qid]"))).hasSize(10);
			// the page carries no answers
			assertThat(b.driver().getPageSource()).doesNotContain("explanation").doesNotContain("解析");
			answerAll(b, "#quiz-form");
			b.screenshot("quiz-02-round");
			b.click("#quiz-submit");
			b.waitForText("#quiz-score", "分");
			assertThat(b.path()).endsWith("/result");
			assertThat(b.pageText()).contains("逐题解析").contains("《信访工作条例》");
			b.screenshot("quiz-03-result");

			b.type("#claim-phone", "13907360390");
			b.click("#claim-code");
			// this phone's code: other journeys' codes may be in the outbox already
			new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> outbox.recent(20).stream()
				.anyMatch(x -> x.phoneMask().equals("139****0390") && x.text().contains("验证码")));
			Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(outbox.recent(20).stream()
				.filter(x -> x.phoneMask().equals("139****0390") && x.text().contains("验证码")).findFirst().orElseThrow().text());
			assertThat(m.find()).isTrue();
			b.type("#claim-sms", m.group(1));
			b.type("#claim-nick", "小周");
			b.select("#claim-county", "石门县");
			b.click("#claim-submit");
			b.waitForText("#quiz-claimed", "小周");
			assertThat(b.text("#quiz-claimed")).contains("139****0390");
			b.screenshot("quiz-04-claimed");
			// no horizontal scrolling on a phone
			Long scroll = (Long) ((JavascriptExecutor) b.driver()).executeScript("return document.documentElement.scrollWidth");
			assertThat(scroll).isLessThanOrEqualTo(390);
		}
	}

	@Test
	void aCaseOfficerSitsTheStaffExam() {
		try (Browser b = new Browser(port, 1366, 900)) {
			b.logInStaff("housing.officer", "Demo@2026");
			b.click("a[href$='/console/publicity']");
			b.waitForText("h1", "法治宣传");
			b.click("a[href$='/console/publicity/exams']");
			b.click("button.start-exam");
			b.find("#exam-form fieldset[data-qid]");
			assertThat(b.text(".quiz-timer")).contains("剩余时间");
			answerAll(b, "#exam-form");
			b.screenshot("exam-01-paper");
			b.click("#exam-submit");
			b.waitForText("#exam-result", "得分");
			assertThat(b.pageText()).contains("正确答案");
			b.screenshot("exam-02-result");
		}
	}

}
