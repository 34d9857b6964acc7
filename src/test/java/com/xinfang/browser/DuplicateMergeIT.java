package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A registrar records a letter that tells an earlier matter again in other words: the slip
 * suggests the earlier matter, the comparison shows both side by side, and one click merges it.
 */
@IntegrationTest
@BrowserTest
class DuplicateMergeIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegistrarSeesTheSuggestedOriginalComparesAndMerges() {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		var original = api.post("/api/v1/petitions", token, Map.of("channel", "VISIT", "regionCode", "430725", "title",
				"桃花源镇自来水厂停水", "content", "桃源县桃花源镇自来水厂从上月起每天下午停水，水厂说管网改造，没有公告也没有送水车，"
						+ "全镇两千多户吃水困难，请求水利部门督促恢复供水。",
				"categoryCode", "WATER", "petitioners", List.of(Map.of("name", "覃世福"))));
		assertThat(original.status()).isEqualTo(201);
		String originalNumber = original.body().get("number").asString();

		try (Browser b = new Browser(port, 1400, 1000)) {
			b.logInStaff("city.registrar", "Demo@2026");
			b.open("/console/register");
			b.select("#channel", "来信");
			b.type("#pName0", "覃美玲");
			b.type("#pId0", IdNumber.withCheckCharacter("43072519850101332"));
			b.select("#county", "桃源县");
			b.type("#title", "桃花源镇还是天天停水");
			b.type("#content", "再次反映桃花源镇自来水厂停水的事。水厂说的管网改造到现在也没完，每天下午照样停水，"
					+ "镇上两千多户只能去井里挑水，请水利局督促水厂尽快恢复正常供水。");
			b.click("#desk-form button[type=submit]");
			String number = b.text("#registered-number");
			assertThat(b.text("#duplicate-suggestions")).contains(originalNumber).contains("相似度");
			b.screenshot("duplicate-01-suggested");

			b.click("#duplicate-suggestions a.dup-compare");
			b.waitForText("h1", "重复件比对");
			assertThat(b.text("#compare-original")).contains(originalNumber).contains("覃世福");
			assertThat(b.text("#compare-repeat")).contains(number);
			assertThat(b.find("#compare-repeat mark").getText()).isNotBlank();
			assertThat(b.text("#compare-score")).contains("内容相似");
			b.screenshot("duplicate-02-compare");

			b.click("#merge-confirm"); // 合并 asks for a confirmation first
			b.click("#merge-form button[type=submit]");
			b.waitForText("main", "已合并至原事项");
			assertThat(b.path()).isEqualTo("/console/petitions/" + number);
			b.screenshot("duplicate-03-merged");

			// the original's case page lists the merged repeat among possible duplicates
			b.open("/console/petitions/" + originalNumber);
			b.waitForText("#duplicates-panel", number);
			b.screenshot("duplicate-04-original");

			// 一人一档 of the original's petitioner
			b.click("#person-files a.person-file");
			b.waitForText("h1", "覃世福");
			assertThat(b.text("#person-matters")).contains(originalNumber);
			b.screenshot("duplicate-05-person");

			// search finds both by words, marks them, and the nav leads there
			b.click("a[href$='/console/search']");
			b.type("#s-q", "桃花源镇 停水");
			b.click("#search-form button[type=submit]");
			b.waitForText("#search-hits", originalNumber);
			assertThat(b.text("#search-hits")).contains(number);
			assertThat(b.find("#search-hits mark").getText()).isNotBlank();
			b.screenshot("duplicate-06-search");
		}
		assertThat(jdbc.sql("SELECT status FROM petition WHERE duplicate_of = ?").param(originalNumber).query(String.class).list())
			.containsExactly("MERGED");
	}

}
