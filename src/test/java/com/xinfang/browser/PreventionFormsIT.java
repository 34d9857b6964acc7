package com.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
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

}
