package com.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.documents.DocumentNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 督办 through the API: the supervisor's 督办单, the unit's written reply, the refusals. */
@IntegrationTest
class SupervisionOrdersIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void theSupervisorSupervisesTheUnitRepliesOnceAndOthersAreRefused() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		String supervisor = api.token("city.supervisor", "Demo@2026");
		String officer = api.token("hr.officer", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "LETTER", "regionCode", "430703001", "title",
				"社保补缴迟迟未办", "content", "申请补缴养老保险半年未办理，请督促。", "categoryCode", "LABOR", "petitioners",
				List.of(Map.of("name", "谢国平"))));
		String number = created.body().get("number").asString();
		int version = created.body().get("version").asInt();
		var transfer = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "version",
				version, "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		assertThat(transfer.status()).isEqualTo(200);

		assertThat(api.post("/api/v1/petitions/" + number + "/supervision", officer,
				Map.of("kind", "SUPERVISE", "reason", "逾期未受理")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/petitions/" + number + "/supervision", supervisor,
				Map.of("kind", "SUPERVISE", "reason", "")).status()).isEqualTo(400);

		var order = api.post("/api/v1/petitions/" + number + "/supervision", supervisor,
				Map.of("kind", "SUPERVISE", "reason", "群众反映办理迟缓", "replyDays", 5));
		assertThat(order.status()).isEqualTo(201);
		long id = order.body().get("id").asLong();
		assertThat(order.body().get("replyDue").isNull()).isFalse();
		String text = TestApi.pdfText(api.bytes("/api/v1/supervision-orders/" + id + "/pdf", officer));
		assertThat(text).contains("信访事项督办单").contains(number).contains("常德市人力资源和社会保障局：").contains("第四十条");
		// 督办 rests on Art 40 (Art 38 is 专项督查 of the work as a whole, Art 39 the yearly assessment)
		assertThat(text).doesNotContain("第三十八条").doesNotContain("第三十九条");
		// its own 发文字号 from the city bureau's sequence, and the bureau's full name above the date
		String orderNumber = order.body().get("documentNumber").asString();
		assertThat(orderNumber).matches("常信访〔\\d{4}〕[1-9]\\d*号");
		assertThat(text).contains("信访事项督办单" + orderNumber).contains("常德市信访局" + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
		var second = api.post("/api/v1/petitions/" + number + "/supervision", supervisor,
				Map.of("kind", "URGE", "reason", "再次催促尽快办理", "replyDays", 3));
		var next = DocumentNumber.parse(second.body().get("documentNumber").asString()).orElseThrow();
		assertThat(next.sequence()).as("every 督办单 its own number, in sequence")
			.isEqualTo(DocumentNumber.parse(orderNumber).orElseThrow().sequence() + 1);
		var interview = api.post("/api/v1/petitions/" + number + "/supervision", supervisor,
				Map.of("kind", "INTERVIEW", "reason", "约谈承办单位负责人")).body().get("documentNumber");
		assertThat(interview == null || interview.isNull()).as("约谈 issues no document and takes no number").isTrue();

		assertThat(api.post("/api/v1/supervision-orders/" + id + "/reply", registrar, Map.of("text", "已经处理完毕，情况如下略。")).status())
			.isEqualTo(403);
		var reply = api.post("/api/v1/supervision-orders/" + id + "/reply", officer, Map.of("text", "已受理并约谈用人单位，预计本周内完成补缴。"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("reply").asString()).contains("补缴");
		assertThat(api.post("/api/v1/supervision-orders/" + id + "/reply", officer, Map.of("text", "再次回复的内容不应被接受。")).status())
			.isEqualTo(409);
		var rates = api.get("/api/v1/supervision/reply-rates", supervisor).body();
		assertThat(rates.toString()).contains("CD-HRSS");
	}


	@Test
	void aRecommendationIsAnsweredInWritingOnceByTheUnitAndCountsInItsReplyRate() {
		var api = new TestApi(port);
		String supervisor = api.token("city.supervisor", "Demo@2026");
		String head = api.token("hr.head", "Demo@2026");
		assertThat(api.post("/api/v1/recommendations", head, Map.of("kind", "POLICY", "unitCode", "CD-HRSS", "title", "x",
				"content", "自己给自己提建议是不允许的")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/recommendations", supervisor, Map.of("kind", "WISH", "unitCode", "CD-HRSS", "title", "x",
				"content", "类别不对的建议应当被拒绝")).status()).isEqualTo(400);
		var r = api.post("/api/v1/recommendations", supervisor, Map.of("kind", "IMPROVEMENT", "unitCode", "CD-HRSS", "title",
				"关于改进工伤认定时效的建议", "content", "近期工伤认定类信访集中，建议优化认定流程，压缩办理时限。", "replyDays", 30));
		assertThat(r.status()).isEqualTo(201);
		long id = r.body().get("id").asLong();
		assertThat(api.get("/api/v1/recommendations", head).body().findValuesAsString("title")).contains("关于改进工伤认定时效的建议");
		assertThat(api.post("/api/v1/recommendations/" + id + "/reply", head, Map.of("text", "已修订工伤认定工作规程，平均时限缩短至40日。"))
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/recommendations/" + id + "/reply", head, Map.of("text", "重复回复应被拒绝的内容。")).status())
			.isEqualTo(409);
		var rates = api.get("/api/v1/recommendations/reply-rates", supervisor).body();
		for (var rate : rates) {
			if ("CD-HRSS".equals(rate.get("unitCode").asString())) {
				assertThat(rate.get("onTime").asLong()).isPositive();
			}
		}
	}


	@Test
	void aLeaderOwnsAMatterWithAFiveForOneTeamAndTheBureauFlagsIt() {
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		String supervisor = api.token("city.supervisor", "Demo@2026");
		String leader = api.token("leader", "Demo@2026");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430703002", "title",
				"水库移民后扶资金多年未发", "content", "本组三十余户水库移民后期扶持资金多年未足额发放，多次到省进京反映。", "categoryCode", "WATER",
				"petitioners", List.of(Map.of("name", "黄德明")), "personCount", 8));
		String number = created.body().get("number").asString();

		assertThat(api.post("/api/v1/petitions/" + number + "/flags", leader, Map.of("flags", List.of("TO_BEIJING"))).status())
			.isEqualTo(403);
		var flags = api.post("/api/v1/petitions/" + number + "/flags", registrar,
				Map.of("flags", List.of("TO_BEIJING", "CROSS_LEVEL", "PERSON_PLACE_SEPARATED")));
		assertThat(flags.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/petitions/" + number + "/flags", supervisor).body().toString()).contains("TO_BEIJING");

		assertThat(api.post("/api/v1/petitions/" + number + "/ownership", supervisor, Map.of("leaderUsername", "city.registrar",
				"workingGroup", "专班", "plan", "方案", "followUpOwner", "某人")).status()).as("must be a leader").isEqualTo(400);
		var owned = api.post("/api/v1/petitions/" + number + "/ownership", supervisor, Map.of("leaderUsername", "leader",
				"workingGroup", "市水利局、鼎城区政府联合专班", "plan", "核实应发资金，三个月内补发到户", "lawyer", "公益律师 邓律师",
				"followUpOwner", "石公桥镇党委副书记"));
		assertThat(owned.status()).isEqualTo(200);
		assertThat(owned.body().get("leaderName").asString()).isEqualTo("孙市长");
		api.post("/api/v1/petitions/" + number + "/ownership/progress", leader, Map.of("note", "召开专题会，明确补发方案"));
		var board = api.get("/api/v1/leader/cases", leader).body();
		assertThat(board.toString()).contains(number).contains("召开专题会");
	}

}
