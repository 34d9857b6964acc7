package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registration desk's 智能建议: shown as the registrar types, 全部采纳 fills the form; and the
 * online form's category hint for a citizen.
 */
@IntegrationTest
@BrowserTest
class RegistrationSuggestionsIT {

	@LocalServerPort
	int port;

	@Test
	void theRegistrarAcceptsTheSuggestionsWithOneClick() {
		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/register");
			b.type("#title", "工地老板欠工钱");
			b.type("#content", "我们在武陵区丹阳街道一个工地干了大半年，包工头姓刘的欠我们十几个人工钱一共十八万多，过年前讲过完年给，"
					+ "现在人都找不到了，请劳动监察帮我们讨回来。");
			b.waitForText("#clf-suggestions", "劳动社保");
			assertThat(b.text("#clf-suggestions")).contains("申诉求决类", "常德市 / 武陵区 / 丹阳街道", "包工头刘某", "十八万多");
			b.screenshot("desk-suggestions");
			b.click("#clf-suggestions .clf-head button");
			new WebDriverWait(b.driver(), Duration.ofSeconds(15))
				.until(d -> "430702002".equals(d.findElement(By.id("township")).getDomProperty("value")));
			assertThat(b.find("#categoryCode").getDomProperty("value")).isEqualTo("LABOR");
			assertThat(b.find("#kind").getDomProperty("value")).isEqualTo("CLAIM");
			assertThat(b.find("#county").getDomProperty("value")).isEqualTo("430702");
			// a claim names no accused: 全部采纳 leaves 反映对象 to the registrar
			assertThat(b.find("#accusedPerson").getDomProperty("value")).isEmpty();
		}
	}

	@Test
	void aCitizenIsOfferedTheLikelyCategory() {
		try (Browser b = new Browser(port, 390, 1400)) {
			b.logInCitizen("13800000001", "Demo@2026");
			b.open("/petition/new");
			b.type("#content", "我伢儿读的那个小学开学要交资料费和校服费，一学期多交了好几百块钱，讲是自愿的，不交的话班主任就在家长群里点名。");
			b.waitForText("#category-hint", "教育");
			b.click("#category-hint button");
			assertThat(b.find("#categoryCode").getDomProperty("value")).isEqualTo("EDU");
			b.screenshot("citizen-category-hint");
		}
	}

}
