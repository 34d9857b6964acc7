package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/text/classify (api-contract.md, "Text intelligence") and the suggestions of a registration. */
@IntegrationTest
class ClassifyApiIT {

	static final String WAGES = "我在武陵区丹阳街道一个工地做了八个月，包工头姓刘的拖欠我们十二个人的工资共计3.8万元，"
			+ "2025年12月说过年前给，到现在还没给，请劳动监察部门帮我们讨回工钱。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestApi api;

	@BeforeEach
	void setUp() {
		api = new TestApi(port);
	}

	@Test
	void aRegistrarGetsCategoriesKindChannelUnitAndEntities() {
		String token = api.token("wuling.registrar", "Demo@2026");
		var r = api.post("/api/v1/text/classify", token, Map.of("title", "工地拖欠工资", "content", WAGES));
		assertThat(r.status()).isEqualTo(200);
		JsonNode body = r.body();
		JsonNode categories = body.get("categories");
		assertThat(categories.size()).isGreaterThanOrEqualTo(3);
		assertThat(categories.get(0).get("code").asString()).isEqualTo("LABOR");
		List<Double> scores = new ArrayList<>();
		categories.forEach(c -> scores.add(c.get("score").asDouble()));
		assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allMatch(s -> s >= 0 && s <= 1);
		assertThat(body.get("kind").get("value").asString()).isEqualTo("CLAIM");
		assertThat(body.get("kind").get("score").asDouble()).isBetween(0.0, 1.0);
		assertThat(body.get("legalChannel").has("value")).isTrue();
		assertThat(body.get("legalChannel").get("value").isNull()).as("wage arrears not yet in arbitration").isTrue();
		// 武陵区's bureau sends it to 武陵区's own human-resources bureau, not to the city's
		assertThat(body.get("unitCode").asString()).isEqualTo("WL-HRSS");
		String city = api.token("city.registrar", "Demo@2026");
		var fromCity = api.post("/api/v1/text/classify", city, Map.of("title", "工地拖欠工资", "content", WAGES));
		assertThat(fromCity.body().get("unitCode").asString()).as("the city bureau sends to city departments").isEqualTo("CD-HRSS");
		JsonNode entities = body.get("entities");
		assertThat(entities.get("regionCode").asString()).isEqualTo("430702002");
		assertThat(entities.get("amounts").get(0).get("yuan").asDouble()).isEqualTo(38000.0);
		assertThat(entities.get("persons").get(0).asString()).isEqualTo("包工头刘某");
		assertThat(entities.get("dates").get(0).get("date").asString()).isEqualTo("2025-12-01");
	}

	@Test
	void anAccusationGoesToTheDisciplineBody() {
		String token = api.token("wuling.registrar", "Demo@2026");
		var r = api.post("/api/v1/text/classify", token, Map.of("content",
				"举报鼎城区某局副局长王某，经常开公车接送孩子，周末开公车去钓鱼，还在酒店大办升学宴收礼金，请纪委查处。"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body().get("categories").get(0).get("code").asString()).isEqualTo("DISCIPLINE");
		assertThat(r.body().get("kind").get("value").asString()).isEqualTo("ACCUSATION");
		assertThat(r.body().get("unitCode").asString()).isEqualTo("CD-JWJW");
	}

	@Test
	void emptyContentIsRefusedInChinese() {
		String token = api.token("city.registrar", "Demo@2026");
		var r = api.post("/api/v1/text/classify", token, Map.of("title", "只有标题", "content", "  "));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).contains("problem+json");
		assertThat(r.body().toString()).contains("请填写信访内容");
	}

	@Test
	void citizensMayNotUseIt() {
		String token = api.token("13800000001", "Demo@2026");
		var r = api.post("/api/v1/text/classify", token, Map.of("content", WAGES));
		assertThat(r.status()).isEqualTo(403);
	}

	@Test
	void anonymousCallersMustLogIn() {
		var r = api.post("/api/v1/text/classify", null, Map.of("content", WAGES));
		assertThat(r.status()).isEqualTo(401);
	}

	@Test
	void aRegistrationAnswersWithCategorySuggestions() {
		String token = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", token,
				Map.of("channel", "LETTER", "regionCode", "430702", "title", "工地拖欠工资", "content", WAGES, "petitioners",
						List.of(Map.of("name", "刘建军", "idNumber", IdNumber.withCheckCharacter("43070219800101123")))));
		assertThat(created.status()).isEqualTo(201);
		JsonNode categories = created.body().get("suggestions").get("categories");
		assertThat(categories.size()).isGreaterThanOrEqualTo(3);
		assertThat(categories.get(0).get("code").asString()).isEqualTo("LABOR");
	}

	@Test
	void onlyAnAdministratorRetrainsTheModel() {
		var refused = api.post("/api/v1/text/classifier/retrain", api.token("city.registrar", "Demo@2026"), Map.of());
		assertThat(refused.status()).isEqualTo(403);
		var done = api.post("/api/v1/text/classifier/retrain", api.token("admin", "Demo@2026"), Map.of());
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body().get("trainedOn").asInt()).isGreaterThanOrEqualTo(Corpus.training().size());
		assertThat(done.body().get("decisions").asLong()).isGreaterThanOrEqualTo(done.body().get("corrections").asLong());
	}

}
