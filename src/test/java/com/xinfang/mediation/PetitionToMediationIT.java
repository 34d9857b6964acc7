package com.xinfang.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
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

/**
 * 访调结合、调解先行: the handling unit sends a petition it handles to mediation from the case (API);
 * refusals store nothing; the reply waits for the outcome; the mediator's agreement comes back into the
 * petition's handling records (through the petition module's public API) and the reply can then be drafted.
 */
@IntegrationTest
class PetitionToMediationIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestApi api;

	String registrar, officer, reviewer, mediator;

	@BeforeEach
	void logIn() {
		api = new TestApi(port);
		registrar = api.token("city.registrar", "Demo@2026");
		officer = api.token("hr.officer", "Demo@2026");
		reviewer = api.token("city.reviewer", "Demo@2026");
		mediator = api.token("mediator", "Demo@2026");
	}

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	String register(String idPrefix17, String kind) {
		var body = new HashMap<String, Object>(Map.of("channel", "VISIT", "regionCode", "430702001", "title", "装修工程款拖欠工资",
				"content", "本人在紫桥社区某装修队务工三个月，包工头以业主未结款为由拖欠工资八千元，请求协调支付。", "categoryCode", "LABOR",
				"kind", kind, "complexity", "SIMPLE", "petitioners",
				List.of(Map.of("name", "彭正清", "idNumber", IdNumber.withCheckCharacter(idPrefix17), "phone", "13574260011"))));
		if (kind.equals("ACCUSATION")) {
			body.put("accused", Map.of("unit", "某装修队", "person", "包工头"));
		}
		var r = api.post("/api/v1/petitions", registrar, body);
		assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
		return r.body().get("number").asString();
	}

	int version(String number) {
		return api.get("/api/v1/petitions/" + number, reviewer).body().get("version").asInt();
	}

	JsonNode act(String token, String number, Map<String, Object> fields, int expected) {
		var body = new HashMap<String, Object>(fields);
		body.putIfAbsent("version", version(number));
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, body);
		assertThat(r.status()).as(fields + " -> " + r.body()).isEqualTo(expected);
		return r.body();
	}

	String acceptedByHr(String idPrefix17) {
		String number = register(idPrefix17, "CLAIM");
		act(registrar, number, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收")), 200);
		act(officer, number, Map.of("action", "ACCEPT"), 200);
		return number;
	}

	long disputes() {
		return jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single();
	}

	@Test
	void theHandlingUnitSendsAMatterToMediationAndTheAgreementComesBackIntoItsHandlingRecords() {
		String number = acceptedByHr("43070219700303321");
		long org = jdbc.sql("SELECT id FROM mediation_org WHERE name = '穿紫河街道人民调解委员会'").query(Long.class).single();
		long before = disputes();
		int v = version(number);

		// bad input: 400 with the fields, nothing stored on either side
		var bad = api.post("/api/v1/petitions/" + number + "/mediation", officer, Map.of("regionCode", "430703", "respondentName", "x",
				"version", v));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("typeCode", "regionCode", "respondentName");
		assertThat(bad.body().get("title").asString() + bad.body().get("errors").toString()).containsPattern("\\p{IsHan}");
		// the bureau's registrar is not the handling unit (403); another department does not know the matter (404)
		Map<String, Object> good = Map.of("typeCode", "LABOR", "respondentName", "某装修队", "orgId", org, "version", v);
		assertThat(api.post("/api/v1/petitions/" + number + "/mediation", registrar, good).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/petitions/" + number + "/mediation", api.token("housing.officer", "Demo@2026"), good).status())
			.isEqualTo(404);
		// a stale version loses (409) and stores no dispute
		var stale = new HashMap<>(good);
		stale.put("version", v - 1);
		assertThat(api.post("/api/v1/petitions/" + number + "/mediation", officer, stale).status()).isEqualTo(409);
		assertThat(disputes()).isEqualTo(before);
		assertThat(version(number)).isEqualTo(v);

		var referred = api.post("/api/v1/petitions/" + number + "/mediation", officer, good);
		assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
		String dispute = referred.body().get("number").asString();
		assertThat(referred.body().get("source").asString()).isEqualTo("PETITION");
		assertThat(referred.body().get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(referred.body().get("orgName").asString()).isEqualTo("穿紫河街道人民调解委员会");
		assertThat(referred.body().get("petitionNumber").asString()).isEqualTo(number);
		assertThat(referred.body().get("parties").findValuesAsString("name")).containsExactly("彭正清", "某装修队");
		// the petitioner's particulars stay with the petition: the dispute holds the masks only
		assertThat(jdbc.sql("SELECT count(*) FROM dispute_party p JOIN dispute d ON d.id = p.dispute_id WHERE d.number = ? AND (p.id_number_enc IS NOT NULL OR p.phone_enc IS NOT NULL)")
			.param(dispute).query(Long.class).single()).isZero();
		assertThat(version(number)).isEqualTo(v + 1);
		// the referral is the matter's 调解 handling record; a second one while it waits is refused
		var records = api.get("/api/v1/petitions/" + number, officer);
		assertThat(records.status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT r.outcome FROM petition_record r JOIN petition p ON p.id = r.petition_id WHERE p.number = ? AND r.kind = 'MEDIATION'")
			.param(number).query(String.class).list()).containsExactly("REFERRED");
		var again = new HashMap<>(good);
		again.put("version", v + 1);
		assertThat(api.post("/api/v1/petitions/" + number + "/mediation", officer, again).status()).isEqualTo(409);
		// the reply waits for the mediation's outcome
		var early = act(officer, number, Map.of("action", "REPLY", "result", "SUPPORT", "opinion", "经调解，双方已达成协议，工资已支付。"), 409);
		assertThat(early.get("detail").asString()).contains("调解结果回告后");

		// the township committee's mediator sees it (the handling unit's registrar of another county would not), mediates, agrees
		LocalDate today = LocalDate.now(clock);
		int dv = referred.body().get("version").asInt();
		dv = api.post("/api/v1/disputes/" + dispute + "/sessions", mediator, Map.of("heldOn", today.toString(),
				"record", "双方到场，包工头承认欠薪，同意分两次支付。", "version", dv)).body().get("version").asInt();
		var agreed = api.post("/api/v1/disputes/" + dispute + "/agreement", mediator, Map.of("form", "ORAL",
				"terms", "某装修队于十日内支付彭正清工资八千元。", "effectiveOn", today.toString(), "version", dv));
		assertThat(agreed.status()).isEqualTo(200);

		// the outcome is in the petition's handling records and timeline, and the reply can now be drafted
		List<String> outcomes = jdbc.sql("SELECT r.outcome || ':' || r.summary FROM petition_record r JOIN petition p ON p.id = r.petition_id WHERE p.number = ? AND r.kind = 'MEDIATION' ORDER BY r.id")
			.param(number).query(String.class).list();
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes.get(1)).startsWith("AGREED:穿紫河街道人民调解委员会调解达成协议").contains("支付彭正清工资八千元");
		assertThat(api.get("/api/v1/petitions/" + number + "/history", officer).body().findValuesAsString("note"))
			.anyMatch(n -> n.contains("调解结果回告") && n.contains(dispute));
		act(officer, number, Map.of("action", "REPLY", "result", "SUPPORT", "opinion", "经人民调解，双方达成协议，某装修队于十日内支付工资。"), 200);
	}

	@Test
	void anAccusationIsNeverSentToMediation() {
		String number = register("43070219700303347", "ACCUSATION");
		var r = api.post("/api/v1/petitions/" + number + "/mediation", api.token("jw.officer", "Demo@2026"),
				Map.of("typeCode", "LABOR", "respondentName", "某装修队", "version", version(number)));
		// the registrar's own matter: whoever may see it is refused with 409, an outsider gets 404
		assertThat(r.status()).isIn(404, 409);
		assertThat(api.post("/api/v1/petitions/" + number + "/mediation", registrar,
				Map.of("typeCode", "LABOR", "respondentName", "某装修队", "version", version(number))).status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM dispute WHERE petition_number = ?").param(number).query(Long.class).single()).isZero();
	}

}
