package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.organization.Directory;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A registrar's 分类 that differs from the suggestion is kept, and the next model learns from it. */
@IntegrationTest
class ClassificationFeedbackIT {

	static final String TEXT = "我家门口这条巷子的路灯坏了三个多月，晚上黑漆漆的，老人出门摔了两次，反映了几回都没人来修，请尽快安排维修。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClassificationService classification;

	TestApi api;

	@BeforeEach
	void setUp() {
		api = new TestApi(port);
	}

	@AfterEach
	void forgetTheLesson() {
		jdbc.sql("DELETE FROM classification_feedback WHERE content = ?").param(TEXT).update();
		classification.retrain();
	}

	@Test
	void aCorrectionIsStoredAndTheRetrainedModelLeansTowardsIt() {
		String token = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", token, Map.of("channel", "VISIT", "regionCode", "430703", "title", "路灯坏了",
				"content", TEXT, "petitioners",
				List.of(Map.of("name", "周小梅", "idNumber", IdNumber.withCheckCharacter("43070319750505222")))));
		assertThat(created.status()).isEqualTo(201);
		String suggested = created.body().get("suggestions").get("categories").get(0).get("code").asString();
		String chosen = "TRANSPORT".equals(suggested) ? "GOV" : "TRANSPORT";
		double before = score(chosen);
		assertThat(jdbc.sql("SELECT count(*) FROM classification_feedback WHERE content = ?").param(TEXT).query(Long.class).single())
			.as("no category given at registration: nothing decided yet")
			.isZero();

		String number = created.body().get("number").asString();
		var classified = api.post("/api/v1/petitions/" + number + "/actions", token, Map.of("action", "CLASSIFY", "version",
				created.body().get("version").asInt(), "categoryCode", chosen, "kind", "CLAIM", "complexity", "SIMPLE"));
		assertThat(classified.status()).isEqualTo(200);

		var row = jdbc.sql("""
				SELECT petition_number, suggested_category, chosen_category, chosen_kind, corrected, decided_by
				FROM classification_feedback WHERE content = ?""").param(TEXT).query().singleRow();
		assertThat(row.get("petition_number")).isEqualTo(number);
		assertThat(row.get("suggested_category")).isEqualTo(suggested);
		assertThat(row.get("chosen_category")).isEqualTo(chosen);
		assertThat(row.get("chosen_kind")).isEqualTo("CLAIM");
		assertThat(row.get("corrected")).isEqualTo(true);
		assertThat((String) row.get("decided_by")).isNotBlank();

		int trainedOn = classification.retrain();
		assertThat(trainedOn).isGreaterThan(Corpus.training().size());
		assertThat(score(chosen)).as("the corrected category scores higher after retraining").isGreaterThan(before);
	}

	@Autowired
	Directory directory;

	@Autowired
	Clock clock;

	/** Training time grows with the decisions (3.5 ms a text): a model learns from the most recent ones only. */
	@Test
	void aModelLearnsFromTheMostRecentDecisionsOnly() {
		for (int i = 0; i < 5; i++) {
			// the two oldest are corrections, which count twice: they change the count if they are read
			jdbc.sql("""
					INSERT INTO classification_feedback (petition_number, title, content, suggested_category, suggested_score,
					    chosen_category, chosen_kind, corrected, decided_by, decided_at)
					VALUES (?, '路灯坏了', ?, 'GOV', 0.5, 'TRANSPORT', NULL, ?, '测试', now())""")
				.params("T-" + i, TEXT, i < 2)
				.update();
		}
		int corpus = Corpus.training().size();
		assertThat(new ClassificationService(directory, jdbc, clock, 3).retrain()).isEqualTo(corpus + 3);
		assertThat(new ClassificationService(directory, jdbc, clock, 5).retrain()).isEqualTo(corpus + 7);
	}

	@Test
	void aRefusedClassificationStoresNothing() {
		String token = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", token, Map.of("channel", "VISIT", "regionCode", "430703", "content", TEXT,
				"petitioners", List.of(Map.of("name", "周小梅", "idNumber", IdNumber.withCheckCharacter("43070319750505222")))));
		String number = created.body().get("number").asString();
		var refused = api.post("/api/v1/petitions/" + number + "/actions", token,
				Map.of("action", "CLASSIFY", "version", created.body().get("version").asInt(), "categoryCode", "NO_SUCH"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM classification_feedback WHERE content = ?").param(TEXT).query(Long.class).single())
			.isZero();
	}

	private double score(String category) {
		return classification.classify("路灯坏了", TEXT, null)
			.categories()
			.stream()
			.filter(s -> s.value().equals(category))
			.mapToDouble(Classification.Suggestion::score)
			.findFirst()
			.orElse(0.0);
	}

}
