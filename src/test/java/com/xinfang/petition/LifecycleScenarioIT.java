package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.SmsOutbox;
import com.xinfang.privacy.IdNumber;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each path of the lifecycle, end to end through the API, by the roles the law gives the acts to. */
@IntegrationTest
class LifecycleScenarioIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestApi api;

	String registrar;

	String officer;

	String head;

	String reviewer;

	@BeforeEach
	void logIn() {
		api = new TestApi(port);
		registrar = api.token("city.registrar", "Demo@2026");
		officer = api.token("hr.officer", "Demo@2026");
		head = api.token("hr.head", "Demo@2026");
		reviewer = api.token("city.reviewer", "Demo@2026");
	}

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	record Matter(String number, String queryCode) {
	}

	Matter register(String idPrefix17, String category, String kind, Map<String, Object> accused) {
		var body = new HashMap<String, Object>(Map.of("channel", "VISIT", "regionCode", "430702005", "title", "工程款拖欠导致工资未发",
				"content", "本人在某建筑公司务工八个月，公司以工程款未结为由拖欠工资两万余元，请求督促支付。", "categoryCode", category,
				"kind", kind, "complexity", "COMPLEX", "petitioners",
				List.of(Map.of("name", "彭正清", "idNumber", IdNumber.withCheckCharacter(idPrefix17), "phone", "13574260001"))));
		if (accused != null) {
			body.put("accused", accused);
		}
		var r = api.post("/api/v1/petitions", registrar, body);
		assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
		return new Matter(r.body().get("number").asString(), r.body().get("queryCode").asString());
	}

	JsonNode act(String token, String number, Map<String, Object> fields, int expectedStatus) {
		// the version is read by the city reviewer, who can always read the matter (a department cannot before it is theirs)
		var current = api.get("/api/v1/petitions/" + number, reviewer);
		assertThat(current.status()).as("reading " + number).isEqualTo(200);
		var body = new HashMap<String, Object>(fields);
		body.putIfAbsent("version", current.body().get("version").asInt());
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, body);
		assertThat(r.status()).as(fields + " -> " + r.body()).isEqualTo(expectedStatus);
		return r.body();
	}

	static Map<String, Object> transferTo(String unit) {
		return Map.of("action", "TRANSFER", "unitCode", unit, "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收并按期办理"));
	}

	Matter acceptedByHr(String idPrefix) {
		Matter m = register(idPrefix, "LABOR", "CLAIM", null);
		act(registrar, m.number(), transferTo("CD-HRSS"), 200);
		act(officer, m.number(), Map.of("action", "ACCEPT"), 200);
		return m;
	}

	void replyApproveDeliver(Matter m) {
		act(officer, m.number(), Map.of("action", "REPLY", "result", "SUPPORT", "opinion", "经调查核实，情况属实，已责令该公司于十日内足额支付拖欠工资。"), 200);
		act(officer, m.number(), Map.of("action", "APPROVE"), 403);
		act(head, m.number(), Map.of("action", "APPROVE", "note", "同意"), 200);
		act(officer, m.number(), Map.of("action", "DELIVER", "method", "直接送达，信访人签收"), 200);
	}

	@Test
	void supportedReplyIsApprovedDeliveredVisitedAndClosedByTheTwoReviews() {
		Matter m = acceptedByHr("43070219700101511");
		var accepted = api.get("/api/v1/petitions/" + m.number(), officer).body();
		assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(LocalDate.parse(accepted.get("deadlines").get("handleStatutory").asString()))
			.isAfter(LocalDate.parse(accepted.get("deadlines").get("handleTarget").asString()));
		replyApproveDeliver(m);
		act(officer, m.number(), Map.of("action", "VISIT_BACK", "satisfaction", "SATISFIED", "note", "电话回访"), 200);
		act(officer, m.number(), Map.of("action", "APPROVE"), 403);
		var closed = act(reviewer, m.number(), Map.of("action", "APPROVE", "note", "审核认定办结"), 200);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

		var history = api.get("/api/v1/petitions/" + m.number() + "/history", reviewer).body();
		assertThat(history.findValuesAsString("action")).containsExactly("REGISTER", "TRANSFER", "ACCEPT", "REPLY", "APPROVE",
				"DELIVER", "VISIT_BACK", "APPROVE");
		// the petitioner is told by SMS at the milestones (sent after commit, from the event registry)
		assertThat(waitForSms(m.number(), "已受理")).isTrue();
		assertThat(waitForSms(m.number(), "已出具信访处理意见书")).isTrue();
		var pub = api.get("/api/v1/public/petitions/" + m.number() + "?queryCode=" + m.queryCode(), null).body();
		assertThat(pub.get("milestones").findValuesAsString("name")).containsSubsequence("登记", "转交", "受理告知", "意见书", "送达");

		// the documents: the slip for the unit, the notice and the opinion for the petitioner
		var staffDocs = api.get("/api/v1/petitions/" + m.number() + "/documents", reviewer).body();
		assertThat(staffDocs.findValuesAsString("name")).anyMatch(n -> n.contains("转送单"))
			.anyMatch(n -> n.contains("受理告知书")).anyMatch(n -> n.contains("处理意见书"));
		assertThat(pub.get("documents").findValuesAsString("name")).noneMatch(n -> n.contains("转送单"))
			.anyMatch(n -> n.contains("处理意见书"));
		String opinionUrl = null;
		for (var d : pub.get("documents")) {
			if (d.get("name").asString().contains("处理意见书")) {
				opinionUrl = d.get("url").asString();
			}
		}
		String text = TestApi.pdfText(api.bytes(opinionUrl + "?queryCode=" + m.queryCode(), null));
		assertThat(text).contains("信访事项处理意见书").contains(m.number()).contains("予以支持").contains("30日内").contains("请求复查");
	}

	@Autowired
	SmsOutbox outbox;

	boolean waitForSms(String number, String words) {
		for (int i = 0; i < 100; i++) {
			if (outbox.recent(200).stream().anyMatch(m -> m.text().contains(number) && m.text().contains(words))) {
				return true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	@Test
	void aStaleVersionOrAWrongStateIsA409AndNothingChanges() {
		Matter m = register("43070219700101522", "LABOR", "CLAIM", null);
		int version = api.get("/api/v1/petitions/" + m.number(), registrar).body().get("version").asInt();
		act(registrar, m.number(), Map.of("action", "CLASSIFY", "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE"), 200);
		var stale = api.post("/api/v1/petitions/" + m.number() + "/actions", registrar,
				Map.of("action", "CLASSIFY", "version", version, "categoryCode", "URBAN"));
		assertThat(stale.status()).isEqualTo(409);
		act(registrar, m.number(), Map.of("action", "DELIVER", "method", "邮寄"), 403);
		act(reviewer, m.number(), Map.of("action", "DECIDE", "result", "SUPPORT", "opinion", "复查意见"), 409);
		assertThat(api.get("/api/v1/petitions/" + m.number(), registrar).body().get("categoryCode").asString()).isEqualTo("LABOR");
	}

	@Test
	void aTransferNeedsTheOfflineCommunicationRecord() {
		Matter m = register("43070219700101533", "LABOR", "CLAIM", null);
		var r = act(registrar, m.number(), Map.of("action", "TRANSFER", "unitCode", "CD-HRSS"), 400);
		assertThat(r.get("errors").get(0).get("field").asString()).isEqualTo("communication");
		assertThat(api.get("/api/v1/petitions/" + m.number(), registrar).body().get("status").asString()).isEqualTo("REGISTERED");
	}

	@Test
	void notAcceptedWithTheLegalChannelNamed() {
		Matter m = register("43070219700101544", "LEGAL", "CLAIM", null);
		act(registrar, m.number(), Map.of("action", "REJECT"), 400);
		var r = act(registrar, m.number(), Map.of("action", "REJECT", "reason", "该事项已由人民法院作出生效判决", "legalChannel", "LITIGATION"), 200);
		assertThat(r.get("status").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(r.get("legalChannel").asString()).isEqualTo("LITIGATION");
		var doc = api.get("/api/v1/petitions/" + m.number() + "/documents", registrar).body().get(0);
		assertThat(TestApi.pdfText(api.bytes(doc.get("url").asString(), registrar))).contains("不予受理告知书")
			.contains("诉讼").contains("生效判决");
	}

	@Test
	void divertedToArbitration() {
		Matter m = acceptedOrRegistered();
		var r = act(registrar, m.number(), Map.of("action", "DIVERT", "legalChannel", "ARBITRATION", "note", "劳动争议，请向劳动人事争议仲裁委员会申请仲裁"), 200);
		assertThat(r.get("status").asString()).isEqualTo("DIVERTED");
	}

	Matter acceptedOrRegistered() {
		return register("43070219700101555", "LABOR", "CLAIM", null);
	}

	@Test
	void theUnitHeadExtendsOnceByAtMostThirtyDays() {
		Matter m = acceptedByHr("43070219700101566");
		String before = api.get("/api/v1/petitions/" + m.number(), officer).body().get("deadlines").get("handleStatutory").asString();
		act(officer, m.number(), Map.of("action", "EXTEND", "days", 20, "reason", "需要现场勘验"), 403);
		act(head, m.number(), Map.of("action", "EXTEND", "days", 31, "reason", "需要现场勘验"), 400);
		var r = act(head, m.number(), Map.of("action", "EXTEND", "days", 20, "reason", "需要现场勘验并组织听证"), 200);
		var docs = api.get("/api/v1/petitions/" + m.number() + "/documents", head).body();
		assertThat(docs.findValuesAsString("name")).anyMatch(n -> n.contains("延期告知书"));
		assertThat(LocalDate.parse(r.get("deadlines").get("handleStatutory").asString())).isAfter(LocalDate.parse(before));
		assertThat(r.get("handling").get("extendedDays").asInt()).isEqualTo(20);
		act(head, m.number(), Map.of("action", "EXTEND", "days", 5, "reason", "再次延期"), 409);
	}

	@Test
	void anUnsatisfiedRatingOpensAReCheckBeforeClosure() {
		Matter m = acceptedByHr("43070219700101577");
		act(officer, m.number(), Map.of("action", "RECORD", "recordKind", "MEDIATION", "note", "组织双方调解，未达成一致"), 200);
		replyApproveDeliver(m);
		act(officer, m.number(), Map.of("action", "VISIT_BACK", "satisfaction", "UNSATISFIED", "note", "认为金额不足"), 200);
		var refused = act(reviewer, m.number(), Map.of("action", "APPROVE"), 409);
		assertThat(refused.get("detail").asString()).contains("复核查");
		act(officer, m.number(), Map.of("action", "RECHECK", "note", "复核工资台账，金额无误，维持原意见", "rehandle", false), 200);
		assertThat(act(reviewer, m.number(), Map.of("action", "APPROVE"), 200).get("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void reexaminationThenReviewThenFinalAndTheSameMatterIsNotAcceptedAgain() {
		Matter m = acceptedByHr("43070219700101588");
		replyApproveDeliver(m);
		act(officer, m.number(), Map.of("action", "VISIT_BACK", "satisfaction", "BASIC"), 200);
		act(reviewer, m.number(), Map.of("action", "APPROVE"), 200);

		var review = api.post("/api/v1/public/petitions/" + m.number() + "/review", null, Map.of("queryCode", m.queryCode(), "reason", "不服"));
		assertThat(review.status()).as("复核 only after 复查").isEqualTo(409);
		var reexam = api.post("/api/v1/public/petitions/" + m.number() + "/reexamination", null,
				Map.of("queryCode", m.queryCode(), "reason", "对处理意见不服，请求复查"));
		assertThat(reexam.status()).isEqualTo(201);
		assertThat(reexam.body().get("status").asString()).isEqualTo("REEXAMINATION");
		// a hearing's days do not count towards the 30-day decision limit (Art 35)
		String due = api.get("/api/v1/petitions/" + m.number(), reviewer).body().get("deadlines").get("handleStatutory").asString();
		act(officer, m.number(), Map.of("action", "RECORD", "recordKind", "HEARING", "note", "组织听证", "days", 5), 403);
		act(reviewer, m.number(), Map.of("action", "RECORD", "recordKind", "MEDIATION", "note", "调解"), 400);
		var heard = act(reviewer, m.number(), Map.of("action", "RECORD", "recordKind", "HEARING", "note", "组织听证，双方到场陈述", "days", 5), 200);
		assertThat(LocalDate.parse(heard.get("deadlines").get("handleStatutory").asString()))
			.isAfterOrEqualTo(LocalDate.parse(due).plusDays(5));
		act(reviewer, m.number(), Map.of("action", "DECIDE", "result", "NOT_SUPPORT", "opinion", "经复查，原处理意见认定事实清楚，予以维持。"), 200);
		review = api.post("/api/v1/public/petitions/" + m.number() + "/review", null,
				Map.of("queryCode", m.queryCode(), "reason", "对复查意见不服，请求复核"));
		assertThat(review.status()).isEqualTo(201);
		var fin = act(reviewer, m.number(), Map.of("action", "DECIDE", "result", "NOT_SUPPORT", "opinion", "经复核，维持复查意见。本意见为终结意见。"), 200);
		assertThat(fin.get("status").asString()).isEqualTo("FINAL");
		var again = api.post("/api/v1/public/petitions/" + m.number() + "/reexamination", null,
				Map.of("queryCode", m.queryCode(), "reason", "再次申请"));
		assertThat(again.status()).isEqualTo(409);

		Matter repeat = register("43070219700101588", "LABOR", "CLAIM", null);
		var refused = act(registrar, repeat.number(), Map.of("action", "ACCEPT"), 409);
		assertThat(refused.get("detail").asString()).contains(m.number()).contains("第三十六条");
		act(registrar, repeat.number(), Map.of("action", "REJECT", "reason", "同一事实和理由已复核终结，不再受理"), 200);
		var notice = api.get("/api/v1/petitions/" + repeat.number() + "/documents", registrar).body().get(0);
		assertThat(TestApi.pdfText(api.bytes(notice.get("url").asString(), registrar))).contains("不再受理").contains(m.number());
		var finalDocs = api.get("/api/v1/petitions/" + m.number() + "/documents", reviewer).body();
		assertThat(finalDocs.findValuesAsString("name")).anyMatch(n -> n.contains("复查意见书")).anyMatch(n -> n.contains("复核意见书"));
	}

	@Test
	void anAccusationNeverReachesTheAccusedAndHidesTheAccuserFromOtherUnits() {
		Matter m = register("43070219700101599", "DISCIPLINE", "ACCUSATION", Map.of("unit", "市人力资源和社会保障局社保科", "person", "科长王某"));
		var refused = act(registrar, m.number(), transferTo("CD-HRSS"), 400);
		assertThat(refused.get("detail").asString()).contains("第三十条");

		Matter other = register("43070219700101600", "LABOR", "ACCUSATION", Map.of("unit", "某建筑公司项目部", "person", "项目经理李某"));
		act(registrar, other.number(), transferTo("CD-HRSS"), 200);
		var seenByHr = api.get("/api/v1/petitions/" + other.number(), officer).body();
		assertThat(seenByHr.get("petitioners").get(0).get("name").asString()).isEqualTo("（检举人信息依法保密）");
		assertThat(seenByHr.toString()).doesNotContain("彭正清").doesNotContain("1357");
		var list = api.get("/api/v1/petitions?q=" + other.number(), officer).body();
		assertThat(list.toString()).doesNotContain("彭正清");
		var slip = api.get("/api/v1/petitions/" + other.number() + "/documents", officer).body().get(0);
		String slipText = TestApi.pdfText(api.bytes(slip.get("url").asString(), officer));
		assertThat(slipText).contains("转送单").contains(other.number()).doesNotContain("彭正清");
		var seenByBureau = api.get("/api/v1/petitions/" + other.number(), registrar).body();
		assertThat(seenByBureau.get("petitioners").get(0).get("name").asString()).isEqualTo("彭正清");
	}

}
