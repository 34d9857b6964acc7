package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import com.xinfang.platform.BeijingTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console forms of 源头治理 as the county bureau meets them: 列入重点人员 under 包案, 登记重大决策 and
 * 录入社会稳定风险评估. Each is first sent with a mistake (the message is on the form, what was typed is
 * kept, nothing is stored), then corrected.
 */
@IntegrationTest
class PreventionFormsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	@Test
	void theCountyBureauAddsAKeyPersonRegistersADecisionAndRecordsItsAssessment() {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("小区排水管堵塞反映", "再次反映小区排水管堵塞")) {
			var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，雨天污水倒灌，物业多次推诿，请求督促整改。", "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "龚秋菊", "idNumber", IdNumber.withCheckCharacter("43070219680303456")))));
			assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
			numbers.add(r.body().get("number").asString());
		}
		long keyPersonsBefore = jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single();
		try (Browser b = new Browser(port, 1400, 1100)) {
			b.logInStaff("wuling.registrar", "Demo@2026");
			b.open("/console/key-persons");
			b.click("#new-key-person");
			b.type("#name", "龚秋菊");
			b.select("#basis", "多次信访");
			b.type("#basisRefs", numbers.get(0)); // one petition only: not "repeated"
			b.type("#reason", "排水问题反复信访，情绪较大，需包案化解。");
			new Select(b.find("#leaderUsername")).selectByValue("leader");
			new Select(b.find("#gridWorkerUsername")).selectByValue("grid.worker");
			b.type("#followUpDays", "十天");
			b.click("#kp-form button[type=submit]");
			b.waitForText(".error-box", "至少两件");
			assertThat(b.pageText()).contains("请填写走访周期");
			// what was typed is kept
			assertThat(b.find("#name").getAttribute("value")).isEqualTo("龚秋菊");
			assertThat(b.find("#reason").getAttribute("value")).contains("排水问题反复信访");
			assertThat(new Select(b.find("#gridWorkerUsername")).getFirstSelectedOption().getText()).startsWith("何网格");
			b.screenshot("prevention-01-key-person-refused");
			assertThat(jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single()).isEqualTo(keyPersonsBefore);

			b.type("#basisRefs", numbers.get(0) + "\n" + numbers.get(1));
			b.type("#followUpDays", "10");
			b.click("#kp-form button[type=submit]");
			b.waitForText("h1", "龚秋菊");
			assertThat(b.pageText()).contains("已列入重点人员名单", "孙市长", "何网格", "每10天");
			b.screenshot("prevention-02-key-person-added");

			b.open("/console/decisions");
			b.click("#new-decision");
			b.select("#regionCode", "武陵区 / 穿紫河街道");
			b.select("#kind", "征地拆迁");
			b.type("#title", "穿紫河沿岸棚户区改造征收");
			b.type("#decidingBody", "");
			b.type("#summary", "征收穿紫河沿岸棚户区住房约320户，实行货币补偿与产权调换相结合。");
			b.click("#decision-form button[type=submit]");
			b.waitForText(".error-box", "请填写决策机关");
			assertThat(b.find("#title").getAttribute("value")).isEqualTo("穿紫河沿岸棚户区改造征收");
			assertThat(new Select(b.find("#regionCode")).getFirstSelectedOption().getText()).isEqualTo("武陵区 / 穿紫河街道");
			b.screenshot("prevention-03-decision-refused");
			b.type("#decidingBody", "武陵区人民政府");
			b.click("#decision-form button[type=submit]");
			b.waitForText("h1", "穿紫河沿岸棚户区改造征收");
			assertThat(b.pageText()).contains("重大决策已登记", "待评估", "征地拆迁", "武陵区人民政府");

			b.type("#assessor", "武陵区委政法委");
			b.type("#method", "入户问卷、座谈走访、听证");
			b.type("#riskDescription0", "补偿标准");
			b.type("#riskDescription1", "部分住户对过渡安置期限有顾虑，可能集体上访");
			b.select("#riskLevel1", "高");
			b.select("#conclusion", "可实施");
			b.type("#measures", "公开补偿标准，一户一档，设立现场接待点，过渡期租金补贴。");
			b.click("#assessment-form button[type=submit]");
			b.waitForText(".error-box", "第1项风险的等级");
			assertThat(b.find("#riskDescription1").getAttribute("value")).contains("过渡安置期限");
			assertThat(new Select(b.find("#riskLevel1")).getFirstSelectedOption().getText()).isEqualTo("高");
			b.screenshot("prevention-04-assessment-refused");
			b.type("#riskDescription0", "补偿标准与周边项目不一致引发攀比");
			b.select("#riskLevel0", "中");
			b.click("#assessment-form button[type=submit]");
			b.waitForText(".flash", "评估已录入");
			assertThat(b.pageText()).contains("已评估", "评估结论：可实施", "中风险：补偿标准与周边项目不一致引发攀比", "高风险：部分住户对过渡安置期限有顾虑");
			b.screenshot("prevention-05-assessment-recorded");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single()).isEqualTo(keyPersonsBefore + 1);
		// the form's entry is the API's act: the same row, with the same audit
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'DECISION_ASSESSED' AND actor = 'wuling.registrar'")
			.query(Long.class).single()).isPositive();
	}

	/**
	 * The county bureau on a key person's page: a renewal with a date that is not a date (message, typed reason kept),
	 * then one that lost to a colleague's renewal meanwhile (409 message on the form, typed kept, nothing stored), then
	 * the renewal; a removal without a reason, then with one. On a decision: a number that is not there, then a petition.
	 */
	@Test
	void theCountyBureauRenewsAndRemovesAKeyPersonAndLinksAPetitionToADecision() {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("小区电梯长期停运", "再次反映小区电梯停运")) {
			var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，老人上下楼困难，物业以维修资金不足推诿。", "categoryCode", "URBAN", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "符桂英", "idNumber", IdNumber.withCheckCharacter("43070219580404567")))));
			numbers.add(r.body().get("number").asString());
		}
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		var kp = api.post("/api/v1/key-persons", registrar, Map.of("name", "符桂英", "countyCode", "430702", "basis", "REPEATED_PETITIONS",
				"basisRefs", numbers, "reason", "电梯停运问题多次信访，年高体弱，需包案化解。", "leaderUsername", "leader", "gridWorkerUsername",
				"grid.worker", "followUpDays", 15, "reviewOn", today.plusMonths(1).toString()));
		long id = kp.body().get("id").asLong();
		var decision = api.post("/api/v1/decisions", registrar, Map.of("regionCode", "430702", "title", "老旧小区加装电梯财政补助办法", "kind",
				"POLICY", "decidingBody", "武陵区人民政府", "summary", "对老旧小区加装电梯给予每台15万元的财政补助。"));
		long decisionId = decision.body().get("id").asLong();
		try (Browser b = new Browser(port, 1400, 1100)) {
			b.logInStaff("wuling.registrar", "Demo@2026");
			b.open("/console/key-persons/" + id);
			b.click("#renew-panel summary");
			b.type("#renewReviewOn", "下个月底");
			b.type("#renewReason", "电梯尚未恢复运行，继续包案跟进。");
			b.click("#renew-form button[type=submit]");
			b.waitForText("#renew-panel .error-box", "复核日期须晚于今天且不超过一年");
			assertThat(b.find("#renewReviewOn").getAttribute("value")).isEqualTo("下个月底");
			assertThat(b.find("#renewReason").getAttribute("value")).isEqualTo("电梯尚未恢复运行，继续包案跟进。");
			b.screenshot("prevention-06-renewal-refused");

			// a colleague renews through the API while the page is open: the page's version is now stale
			int version = api.get("/api/v1/key-persons/" + id, registrar).body().get("version").asInt();
			assertThat(api.post("/api/v1/key-persons/" + id + "/renewal", registrar, Map.of("reviewOn", today.plusMonths(2).toString(), "reason",
					"同事先行复核续期", "version", version)).status()).isEqualTo(200);
			b.type("#renewReviewOn", today.plusMonths(6).toString());
			b.click("#renew-form button[type=submit]");
			b.waitForText("#renew-panel .error-box", "已被他人修改");
			assertThat(b.find("#renewReason").getAttribute("value")).isEqualTo("电梯尚未恢复运行，继续包案跟进。");
			assertThat(b.pageText()).contains(today.plusMonths(2).toString(), "同事先行复核续期"); // the colleague's renewal is shown now
			b.screenshot("prevention-07-renewal-stale");
			assertThat(jdbc.sql("SELECT review_on FROM key_person WHERE id = ?").param(id).query(LocalDate.class).single())
				.isEqualTo(today.plusMonths(2));

			b.click("#renew-form button[type=submit]"); // sent again on the page as it is now
			b.waitForText(".flash", "已复核续期至" + today.plusMonths(6));
			assertThat(b.pageText()).contains("复核续期至" + today.plusMonths(6) + "：电梯尚未恢复运行，继续包案跟进。");
			b.screenshot("prevention-08-renewed");

			b.click("#remove-panel summary");
			b.click("#remove-form button[type=submit]");
			b.waitForText("#remove-panel .error-box", "请写明移出名单的理由");
			b.type("#removeReason", "电梯已修复并通过验收，本人表示息访。");
			b.click("#remove-form button[type=submit]");
			b.waitForText(".flash", "已移出重点人员名单");
			assertThat(b.pageText()).contains("已移出", "移出名单：电梯已修复并通过验收，本人表示息访。");
			b.screenshot("prevention-09-removed");

			b.open("/console/decisions/" + decisionId);
			b.select("#linkKind", "信访事项");
			b.type("#linkNumber", "XF430702999999999999");
			b.click("#link-form button[type=submit]");
			b.waitForText("#links-panel .error-box", "信访事项编号不存在或不在本辖区：XF430702999999999999");
			assertThat(b.find("#linkNumber").getAttribute("value")).isEqualTo("XF430702999999999999");
			b.screenshot("prevention-10-link-refused");
			b.type("#linkNumber", numbers.get(1));
			b.click("#link-form button[type=submit]");
			b.waitForText(".flash", "已关联信访事项 " + numbers.get(1));
			assertThat(b.text("#links")).contains(numbers.get(1));
			assertThat(b.pageText()).contains("关联的信访事项 1 件、矛盾纠纷 0 件");
			b.screenshot("prevention-11-linked");

			// 示范县创建进展: the county's staff land on their county, the city leader sees every county and opens one
			b.open("/console/prevention/model-county");
			b.waitForText("h1", "武陵区");
			assertThat(b.path()).startsWith("/console/prevention/model-county/430702");
			assertThat(b.pageText()).contains("进京访（件）", "一票否决", "持有“无上访村（社区）”称号的村（社区）占比", "调解成功率", "计算依据");
			b.screenshot("prevention-12-model-county");
			b.logOut();
			b.logInStaff("leader", "Demo@2026");
			b.open("/console/prevention/model-county");
			b.waitForText("h1", "全市信访工作示范县（市区）创建进展");
			assertThat(b.text("#counties")).contains("武陵区", "鼎城区", "桃源县", "安乡县");
			b.screenshot("prevention-13-model-counties");
			b.click("#county-430725 a");
			b.waitForText("h1", "桃源县");
			assertThat(b.pageText()).contains("← 全市各县市区", "辖区村（社区）");
			b.screenshot("prevention-14-model-county-taoyuan");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM decision_link WHERE decision_id = ?").param(decisionId).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT removed_reason FROM key_person WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("电梯已修复并通过验收，本人表示息访。");
	}

}
