package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The printed receipt of a group visit names the bureau in full, the date, the registrar by name,
 * the number of people and the date by which the petitioner will hear whether it is accepted.
 */
@IntegrationTest
class RegistrationReceiptIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReceiptOfAGroupVisitSaysWhoRegisteredItHowManyCameAndWhatToExpectByWhen() {
		try (Browser b = new Browser(port, 1200, 1000)) {
			b.open("/console");
			b.type("#username", "city.registrar");
			b.type("#password", "Demo@2026");
			b.click("button[type=submit]");
			b.click("a[href$='/console/register']");
			b.select("#channel", "来访");
			b.type("#pName0", "覃建军");
			b.type("#pId0", IdNumber.withCheckCharacter("43072519750412771"));
			b.type("#pName1", "覃小兵");
			var count = b.find("#personCount");
			count.clear();
			count.sendKeys("12");
			b.select("#county", "桃源县");
			b.type("#title", "安置小区外墙开裂漏水集体反映");
			b.type("#content", "桃源县某安置小区交房两年外墙大面积开裂，雨天渗水，十二户居民集体来访，请求督促开发商维修并追究质量责任。");
			b.click("#desk-form button[type=submit]");

			String number = b.text("#registered-number");
			assertThat(b.text("#receipt-issuer")).isEqualTo("常德市信访局");
			assertThat(b.text("#receipt-registrar")).isEqualTo("李登记").doesNotContain("city.registrar");
			String today = LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
			assertThat(b.text("#receipt-date")).isEqualTo(today);
			assertThat(b.text("#receipt-persons")).isEqualTo("12人");
			LocalDate due = jdbc.sql("SELECT accept_statutory FROM petition WHERE number = ?").param(number)
				.query(LocalDate.class).single();
			assertThat(b.text("#receipt-limit")).contains("收到之日起15日内")
				.contains(due.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "前")
				.contains("告知你是否受理")
				.contains("《信访工作条例》第二十二条、第二十三条");
			assertThat(b.text("#receipt")).containsPattern("常德市信访局\\s*" + today);
			b.screenshot("receipt-group-visit");
			try { // the page as served, to look at with fonts this machine's Chromium may lack
				Files.writeString(Path.of("target/screenshots/receipt-group-visit.html"),
						b.driver().getPageSource());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
