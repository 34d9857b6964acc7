package com.xinfang.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Accounts;
import com.xinfang.petition.Unmasking;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 信访吹哨、部门报到 through the API: called-in units see the matter, report in, contribute; one misses. */
@IntegrationTest
class JointHandlingIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Unmasking unmasking;

	@Autowired
	JointHandling jointHandling;

	@Autowired
	Accounts accounts;

	@Test
	void anAccusationIsNeverSpreadByAWhistle() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "LETTER", "regionCode", "430702001", "title",
				"举报某局干部收受红包", "content", "举报某局某科长在办理审批时收受红包，请纪检部门调查。", "categoryCode", "DISCIPLINE", "kind",
				"ACCUSATION", "petitioners", List.of(Map.of("name", "匿名群众"))));
		String number = created.body().get("number").asString();
		api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "version",
				created.body().get("version").asInt(), "unitCode", "CD-JWJW", "communication",
				Map.of("contact", "纪委信访室", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		var refused = api.post("/api/v1/petitions/" + number + "/joint", api.token("city.supervisor", "Demo@2026"),
				Map.of("unitCodes", List.of("CD-ZJJ"), "reason", "需要住建部门配合调查"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().toString()).contains("第三十条");
	}

	@Test
	void calledInUnitsSeeTheMatterReportInAndContributeAndAMissedReportInIsCounted() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		String officer = api.token("hr.officer", "Demo@2026");
		String housing = api.token("housing.officer", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title",
				"安置小区欠薪与房屋质量问题", "content", "安置小区施工方拖欠农民工工资，且交付的房屋墙体开裂，多次反映无果。", "categoryCode", "LABOR",
				"petitioners", List.of(Map.of("name", "罗建军"))));
		String number = created.body().get("number").asString();
		var transfer = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "ASSIGN", "version",
				created.body().get("version").asInt(), "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意承办")));
		assertThat(transfer.status()).isEqualTo(200);

		// before the whistle the housing department cannot see the matter
		assertThat(api.get("/api/v1/petitions/" + number, housing).status()).isEqualTo(404);
		// unhappy paths: another unit may not blow the whistle, the lead unit cannot call itself, a reason is needed
		assertThat(api.post("/api/v1/petitions/" + number + "/joint", housing,
				Map.of("unitCodes", List.of("CD-ZJJ"), "reason", "需要住建部门参与")).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/petitions/" + number + "/joint", officer,
				Map.of("unitCodes", List.of("CD-HRSS"), "reason", "需要住建部门参与")).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/petitions/" + number + "/joint", officer,
				Map.of("unitCodes", List.of("CD-ZJJ"), "reason", "")).status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM joint_handling h JOIN petition p ON p.id = h.petition_id WHERE p.number = ?")
			.param(number).query(Long.class).single()).isZero();

		var whistle = api.post("/api/v1/petitions/" + number + "/joint", officer,
				Map.of("unitCodes", List.of("CD-ZJJ", "CD-SCJG"), "reason", "房屋质量需住建部门鉴定，施工企业需市场监管部门核查", "reportDays", 2));
		assertThat(whistle.status()).isEqualTo(201);
		assertThat(whistle.body().get("participants").findValuesAsString("reportInLabel")).containsOnly("待报到");

		// the called-in unit now sees the matter and its notice, but cannot act on the lifecycle
		assertThat(api.get("/api/v1/petitions/" + number, housing).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/petitions?q=" + number, housing).body().get("total").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/petitions/" + number + "/actions", housing,
				Map.of("action", "ACCEPT", "version", transfer.body().get("version").asInt())).status()).isEqualTo(403);

		// contributing before reporting in is refused; report in, then contribute
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/contribution", housing,
				Map.of("text", "已组织房屋质量鉴定，结论为局部墙体开裂需维修。")).status()).isEqualTo(409);
		var reported = api.post("/api/v1/petitions/" + number + "/joint/report-in", housing, Map.of("text", "负责房屋质量鉴定和维修督促"));
		assertThat(reported.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/report-in", housing, Map.of("text", "再次报到应被拒绝")).status())
			.isEqualTo(409);
		// the combined reply waits for the contribution of every unit that reported in
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/reply", officer,
				Map.of("text", "经联合办理，工资已全部支付，房屋已安排维修。")).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/contribution", housing,
				Map.of("text", "已组织房屋质量鉴定，结论为局部墙体开裂需维修，已责令开发商30日内维修。")).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/reply", housing,
				Map.of("text", "被召集单位不能作出综合答复的内容。")).status()).isEqualTo(403);

		// 市场监管局 never reports in: once the deadline has passed it is counted as missed
		jdbc.sql("UPDATE joint_handling SET report_due = ? WHERE petition_id = (SELECT id FROM petition WHERE number = ?)")
			.params(LocalDate.now(clock).minusDays(1), number)
			.update();
		// the lead unit is told once about the missed report-in, however often (and on however many nodes) the sweep runs
		jointHandling.noticeMissedReportIns(LocalDate.now(clock));
		jointHandling.noticeMissedReportIns(LocalDate.now(clock));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM staff_notice n JOIN petition p ON p.id = n.petition_id
				WHERE p.number = ? AND n.unit_code = 'CD-HRSS' AND n.role = 'CASE_OFFICER' AND n.text LIKE '%市市场监督管理局未在%报到'""")
			.param(number).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM staff_notice n JOIN petition p ON p.id = n.petition_id
				WHERE p.number = ? AND n.text LIKE '%住房和城乡建设局未在%'""")
			.param(number).query(Long.class).single()).as("a late report-in is not a missed one").isZero();
		var joint = api.get("/api/v1/petitions/" + number + "/joint", officer).body();
		assertThat(joint.get("participants").findValuesAsString("reportInLabel")).containsExactlyInAnyOrder("逾期报到", "未报到");
		// the report-in figures are the bureau's (a unit sees only its own row)
		var counts = api.get("/api/v1/joint/report-ins", api.token("city.supervisor", "Demo@2026")).body();
		boolean found = false;
		for (var c : counts) {
			if ("CD-SCJG".equals(c.get("unitCode").asString())) {
				assertThat(c.get("missed").asLong()).isGreaterThanOrEqualTo(1);
				found = true;
			}
		}
		assertThat(found).isTrue();

		// least privilege: the called-in unit sees the matter but not the petitioner's identity
		var housingActor = accounts.actorByUsername("housing.officer").orElseThrow();
		Assertions.assertThatThrownBy(() -> unmasking.reveal(number, 0, "需要联系信访人上门鉴定", housingActor))
			.isInstanceOf(DomainException.Forbidden.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'UNMASK_REFUSED' AND target = ? AND actor LIKE '%housing%'")
			.param(number).query(Long.class).single()).isEqualTo(1);
		var reply = api.post("/api/v1/petitions/" + number + "/joint/reply", officer,
				Map.of("text", "经人社、住建联合办理，拖欠工资已全部支付，房屋已安排维修，特此综合答复。"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("combinedReply").asString()).contains("联合办理");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'JOINT_WHISTLE' AND target = ?").param(number)
			.query(Long.class).single()).isEqualTo(1);
	}

}
