package com.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two people act on the same thing at the same moment: exactly one succeeds and the other is told
 * (409), and what is stored is the winner's text, never an overwrite by the loser.
 */
@IntegrationTest
class ExactlyOneWinnerIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoWhistlesTwoReportInsAndTwoCombinedRepliesAtOnceHaveOneWinnerEach() throws Exception {
		var api = new TestApi(port);
		String number = transferredToLabourBureau(api);
		String officer = api.token("hr.officer", "Demo@2026");
		String head = api.token("hr.head", "Demo@2026");
		String housingOfficer = api.token("housing.officer", "Demo@2026");
		String housingHead = api.token("housing.head", "Demo@2026");

		var whistles = race(() -> api.post("/api/v1/petitions/" + number + "/joint", officer,
				Map.of("unitCodes", List.of("CD-ZJJ"), "reason", "需要住建局核查工地用工", "reportDays", 3)).status(),
				() -> api.post("/api/v1/petitions/" + number + "/joint", head,
						Map.of("unitCodes", List.of("CD-ZJJ"), "reason", "需要住建局核查工地用工", "reportDays", 3)).status());
		assertThat(whistles).containsExactlyInAnyOrder(201, 409);

		var reportIns = race(() -> api.post("/api/v1/petitions/" + number + "/joint/report-in", housingOfficer,
				Map.of("text", "吴承办：负责核查工地")).status(),
				() -> api.post("/api/v1/petitions/" + number + "/joint/report-in", housingHead, Map.of("text", "郑局长：负责核查工地"))
					.status());
		assertThat(reportIns).containsExactlyInAnyOrder(200, 409);
		String part = jdbc.sql("SELECT part FROM joint_participant j JOIN petition p ON p.id = j.petition_id WHERE p.number = ?")
			.param(number).query(String.class).single();
		String reporter = jdbc.sql("SELECT reported_by FROM joint_participant j JOIN petition p ON p.id = j.petition_id WHERE p.number = ?")
			.param(number).query(String.class).single();
		// the stored part is the winner's own, not the loser's over the winner's name
		assertThat(reporter).isEqualTo(part.startsWith("吴承办") ? "housing.officer" : "housing.head");

		assertThat(api.post("/api/v1/petitions/" + number + "/joint/contribution", housingOfficer,
				Map.of("text", "已核查工地用工情况并将结果反馈牵头单位")).status()).isEqualTo(200);
		var replies = race(() -> api.post("/api/v1/petitions/" + number + "/joint/reply", officer,
				Map.of("text", "承办人的综合答复：已督促公司支付工资。")).status(),
				() -> api.post("/api/v1/petitions/" + number + "/joint/reply", head, Map.of("text", "负责人的综合答复：已督促公司支付工资。"))
					.status());
		assertThat(replies).containsExactlyInAnyOrder(200, 409);
		// after the combined reply a contribution is refused, not written under it
		assertThat(api.post("/api/v1/petitions/" + number + "/joint/contribution", housingOfficer,
				Map.of("text", "补充：已再次核查工地用工情况并反馈")).status()).isEqualTo(409);
	}

	@Test
	void twoCaseOwnershipAssignmentsAtOnceNeverOverwriteUnseen() throws Exception {
		var api = new TestApi(port);
		String number = transferredToLabourBureau(api);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		String leader = api.token("leader", "Demo@2026");
		var statuses = race(() -> api.post("/api/v1/petitions/" + number + "/ownership", supervisor,
				Map.of("leaderUsername", "leader", "workingGroup", "督查专班", "plan", "督查室的化解方案：约谈企业", "followUpOwner", "督查员"))
			.status(),
				() -> api.post("/api/v1/petitions/" + number + "/ownership", leader,
						Map.of("leaderUsername", "leader", "workingGroup", "领导专班", "plan", "领导的化解方案：现场协调", "followUpOwner", "领导秘书"))
					.status());
		assertThat(statuses).isSubsetOf(200, 409).contains(200);
		long winners = statuses.stream().filter(s -> s == 200).count();
		// each accepted assignment moved the version once from the one it read: none was lost unseen
		assertThat(jdbc.sql("SELECT o.version FROM case_ownership o JOIN petition p ON p.id = o.petition_id WHERE p.number = ?")
			.param(number).query(Integer.class).single()).isEqualTo((int) winners - 1);
	}

	@Test
	void twoRepliesToOneSupervisionOrderAtOnceHaveOneWinner() throws Exception {
		var api = new TestApi(port);
		String number = transferredToLabourBureau(api);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		var order = api.post("/api/v1/petitions/" + number + "/supervision", supervisor,
				Map.of("kind", "SUPERVISE", "reason", "群众反映办理迟缓", "replyDays", 5));
		assertThat(order.status()).isEqualTo(201);
		long id = order.body().get("id").asLong();
		String officer = api.token("hr.officer", "Demo@2026");
		String head = api.token("hr.head", "Demo@2026");
		var replies = race(() -> api.post("/api/v1/supervision-orders/" + id + "/reply", officer,
				Map.of("text", "承办人回复：已约谈用人单位。")).status(),
				() -> api.post("/api/v1/supervision-orders/" + id + "/reply", head, Map.of("text", "负责人回复：已约谈用人单位。")).status());
		assertThat(replies).containsExactlyInAnyOrder(200, 409);
		String reply = jdbc.sql("SELECT reply FROM supervision_order WHERE id = ?").param(id).query(String.class).single();
		String by = jdbc.sql("SELECT replied_by FROM supervision_order WHERE id = ?").param(id).query(String.class).single();
		assertThat(by).isEqualTo(reply.startsWith("承办人") ? "hr.officer" : "hr.head");
	}

	@Test
	void twoRepliesToOneRecommendationAtOnceHaveOneWinner() throws Exception {
		var api = new TestApi(port);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		var r = api.post("/api/v1/recommendations", supervisor, Map.of("kind", "POLICY", "unitCode", "CD-HRSS", "title",
				"关于完善欠薪预警的建议", "content", "建议建立欠薪预警机制，及早发现、及早处置。", "replyDays", 30));
		assertThat(r.status()).isEqualTo(201);
		long id = r.body().get("id").asLong();
		String officer = api.token("hr.officer", "Demo@2026");
		String head = api.token("hr.head", "Demo@2026");
		var replies = race(() -> api.post("/api/v1/recommendations/" + id + "/reply", officer,
				Map.of("text", "承办人回复：已起草欠薪预警办法。")).status(),
				() -> api.post("/api/v1/recommendations/" + id + "/reply", head, Map.of("text", "负责人回复：已起草欠薪预警办法。")).status());
		assertThat(replies).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("SELECT count(*) FROM recommendation WHERE id = ? AND reply IS NOT NULL").param(id).query(Long.class)
			.single()).isEqualTo(1);
	}

	private static String transferredToLabourBureau(TestApi api) {
		String registrar = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "LETTER", "regionCode", "430702001", "title",
				"工地欠薪", "content", "工地拖欠农民工工资两个月，多次讨要未果。", "categoryCode", "LABOR", "petitioners",
				List.of(Map.of("name", "周大勇"))));
		assertThat(created.status()).isEqualTo(201);
		String number = created.body().get("number").asString();
		assertThat(api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "version",
				created.body().get("version").asInt(), "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收"))).status()).isEqualTo(200);
		return number;
	}

	/** Runs both at the same instant (as far as two threads can) and returns their statuses. */
	private static List<Integer> race(Supplier<Integer> a, Supplier<Integer> b) throws InterruptedException {
		var start = new CountDownLatch(1);
		var done = new CountDownLatch(2);
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		for (Supplier<Integer> act : List.of(a, b)) {
			new Thread(() -> {
				try {
					start.await();
					statuses.add(act.get());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		start.countDown();
		assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
		return statuses;
	}

}
