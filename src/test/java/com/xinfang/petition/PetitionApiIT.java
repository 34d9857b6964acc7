package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API's core (api-contract.md) and each of its error classes: 400, 401, 403, 404, 429. */
@IntegrationTest
class PetitionApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestApi api;

	@BeforeEach
	void setUp() {
		api = new TestApi(port);
	}

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	static Map<String, Object> letter(String region, String idNumber) {
		return Map.of("channel", "LETTER", "receivedAt", "2026-11-20T09:00:00+08:00", "regionCode", region, "title",
				"工地拖欠工资", "content", "本人在鼎城区某工地务工，项目部拖欠工资共计38600元，请求责令支付。", "categoryCode", "LABOR",
				"petitioners", List.of(Map.of("name", "王建国", "idNumber", idNumber, "phone", "13907360001")));
	}

	long petitionCount() {
		return jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
	}

	@Test
	void aRegistrarRegistersALetterAndGetsTheNumberAndQueryCodeOnce() {
		String token = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43070319800101123");
		var created = api.post("/api/v1/petitions", token, letter("430703003", id));
		assertThat(created.status()).isEqualTo(201);
		var body = created.body();
		assertThat(body.get("number").asString()).startsWith("XF430703261120");
		assertThat(body.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(body.get("receivedAt").asString()).isEqualTo("2026-11-20T09:00:00+08:00");
		assertThat(body.get("queryCode").asString()).hasSize(8);
		assertThat(body.get("petitioners").get(0).get("idNumberMasked").asString())
			.isEqualTo("430703********" + id.substring(14));
		assertThat(body.toString()).doesNotContain(id);
		assertThat(body.get("petitioners").get(0).get("phoneMasked").asString()).isEqualTo("139****0001");
		assertThat(body.toString()).doesNotContain("13907360001");

		String number = body.get("number").asString();
		var fetched = api.get("/api/v1/petitions/" + number, token);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body().has("queryCode")).as("the code is shown only once").isFalse();

		var history = api.get("/api/v1/petitions/" + number + "/history", token);
		assertThat(history.body().get(0).get("action").asString()).isEqualTo("REGISTER");
		assertThat(history.body().get(0).get("toStatus").asString()).isEqualTo("REGISTERED");

		var pub = api.get("/api/v1/public/petitions/" + number + "?queryCode=" + body.get("queryCode").asString(), null);
		assertThat(pub.status()).isEqualTo(200);
		assertThat(pub.body().get("milestones").get(0).get("name").asString()).isEqualTo("登记");
	}

	@Test
	void badIdCheckDigitEmptyContentAndUnknownRegionAre400WithChineseFieldErrorsAndNothingStored() {
		String token = api.token("city.registrar", "Demo@2026");
		long before = petitionCount();
		var badId = api.post("/api/v1/petitions", token, letter("430702001", "430702198001011230"));
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.contentType()).startsWith("application/problem+json");
		assertThat(badId.body().get("errors").get(0).get("field").asString()).isEqualTo("petitioners[0].idNumber");
		assertThat(badId.body().get("errors").get(0).get("message").asString()).contains("校验位");

		var body = new HashMap<>(letter("999999", IdNumber.withCheckCharacter("43070219800101123")));
		body.put("content", "   ");
		var both = api.post("/api/v1/petitions", token, body);
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.body().get("errors").findValuesAsString("field")).contains("content", "regionCode");
		assertThat(both.body().get("errors").findValuesAsString("message")).allMatch(m -> m.codePoints().anyMatch(
				c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
		assertThat(petitionCount()).isEqualTo(before);
	}

	@Test
	void withoutATokenOrWithAWrongPasswordTheAnswerIs401() {
		assertThat(api.get("/api/v1/petitions", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/petitions", "not-a-token").status()).isEqualTo(401);
		var wrong = api.post("/api/v1/auth/token", null, Map.of("username", "city.registrar", "password", "wrong-password1"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body().get("detail").asString()).isEqualTo("账号或密码错误");
	}

	@Test
	void aCaseOfficerMayNotRegisterAndTheRefusalIsA403() {
		String token = api.token("hr.officer", "Demo@2026");
		long before = petitionCount();
		var refused = api.post("/api/v1/petitions", token, letter("430702001", IdNumber.withCheckCharacter("43070219800101123")));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("detail").asString()).contains("登记员");
		assertThat(petitionCount()).isEqualTo(before);
	}

	@Test
	void aMatterOutsideTheCallersScopeIsNotFoundLikeAnUnknownOne() {
		String city = api.token("city.registrar", "Demo@2026");
		String number = api.post("/api/v1/petitions", city, letter("430703002", IdNumber.withCheckCharacter("43070319700101123")))
			.body().get("number").asString();
		String wuling = api.token("wuling.registrar", "Demo@2026");
		var outside = api.get("/api/v1/petitions/" + number, wuling);
		var unknown = api.get("/api/v1/petitions/XF000000000000000000", wuling);
		assertThat(outside.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/petitions?regionCode=430703", wuling).body().get("total").asLong()).isZero();
	}

	@Test
	void aCountyRegistrarCannotRegisterAMatterOfAnotherCounty() {
		String wuling = api.token("wuling.registrar", "Demo@2026");
		var r = api.post("/api/v1/petitions", wuling, letter("430703002", IdNumber.withCheckCharacter("43070319700101123")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("regionCode");
	}

	@Test
	void aWrongQueryCodeAndAnUnknownNumberLookTheSameAndRepeatedFailuresAreThrottled() {
		String token = api.token("city.registrar", "Demo@2026");
		String number = api.post("/api/v1/petitions", token, letter("430702002", IdNumber.withCheckCharacter("43070219900101123")))
			.body().get("number").asString();
		var wrongCode = api.get("/api/v1/public/petitions/" + number + "?queryCode=AAAAAAAA", null);
		var unknown = api.get("/api/v1/public/petitions/XF430702261120999999?queryCode=AAAAAAAA", null);
		assertThat(wrongCode.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wrongCode.body().get("detail")).isEqualTo(unknown.body().get("detail"));
		int status = 0;
		for (int i = 0; i < PublicLookup.FREE_FAILURES + 1 && status != 429; i++) {
			status = api.get("/api/v1/public/petitions/" + number + "?queryCode=BBBBBBBB", null).status();
		}
		assertThat(status).isEqualTo(429);
	}

	@Test
	void referenceDataIsPublicAndFollowsTheContract() {
		var categories = api.get("/api/v1/categories", null);
		assertThat(categories.body().findValuesAsString("code")).hasSize(16).contains("URBAN", "LABOR", "DISCIPLINE", "GOV");
		var counties = api.get("/api/v1/regions?parent=430700", null);
		assertThat(counties.body().findValuesAsString("code")).contains("430702", "430781", "430771");
		var units = api.get("/api/v1/units", null);
		assertThat(units.body().findValuesAsString("code")).contains("CD-HRSS", "CD-SFSS", "CD-JWJW");
	}

}
