package com.xinfang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Accounts;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.petition.Upload;
import com.xinfang.privacy.IdNumber;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The national hand-over: export validates against the checked-in schema; import reproduces the matter, once. */
@IntegrationTest
class HandOverIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PetitionRegistration registration;

	@Autowired
	Accounts accounts;

	final HttpClient http = HttpClient.newHttpClient();

	record Answer(int status, JsonNode body) {
	}

	Answer call(String method, String path, String key, String body) {
		try {
			var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", key);
			if (body != null) {
				b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	MiniJsonSchema schema() throws Exception {
		try (InputStream in = new ClassPathResource("exchange/handover-v1.schema.json").getInputStream()) {
			return new MiniJsonSchema(JSON.readTree(in));
		}
	}

	String matterWithHistoryDocumentsAndAttachment() {
		return matterWithHistoryDocumentsAndAttachment("彭德明", "43070319750203123");
	}

	/** A matter of its own petitioner (one person's second matter on the same facts would be a repeat). */
	String matterWithHistoryDocumentsAndAttachment(String name, String id17) {
		var registrar = accounts.actorByUsername("city.registrar").orElseThrow();
		Upload file = new Upload() {
			@Override
			public String fileName() {
				return "工资条.pdf";
			}

			@Override
			public long size() {
				return PDF.length;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(PDF);
			}
		};
		var cmd = new RegisterPetition("LETTER", OffsetDateTime.now(clock).minusDays(2).withNano(0), "430703", "砖厂拖欠工资",
				"本人在鼎城区某砖厂务工，砖厂拖欠工资两万三千元至今未付，请求督促支付。", "LABOR", "CLAIM", "SIMPLE",
				List.of(new RegisterPetition.PetitionerInput(name, IdNumber.withCheckCharacter(id17),
						"1380736" + id17.substring(13), "鼎城区武陵镇某村", true)), 1, new RegisterPetition.Accused("某砖厂", null), null);
		String number = registration.registerAt(cmd, List.of(file), registrar, Instant.now(clock)).petition().number();
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		String officer = api.token("hr.officer", "Demo@2026");
		int v = api.get("/api/v1/petitions/" + number, token).body().get("version").asInt();
		var t = api.post("/api/v1/petitions/" + number + "/actions", token, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS",
				"version", v, "communication", Map.of("contact", "刘科长", "at", OffsetDateTime.now(clock).minusMinutes(3).withNano(0).toString(), "summary", "同意接收")));
		assertThat(t.status()).as(String.valueOf(t.body())).isEqualTo(200);
		var a = api.post("/api/v1/petitions/" + number + "/actions", officer, Map.of("action", "ACCEPT", "version", t.body().get("version").asInt()));
		assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
		return number;
	}

	@Test
	void exportValidatesAgainstTheSchemaAndImportReproducesTheMatterOnce() throws Exception {
		String number = matterWithHistoryDocumentsAndAttachment();
		var exported = call("GET", "/api/v1/exchange/partner/handover/matters/" + number, "demo-national-key", null);
		assertThat(exported.status()).as(String.valueOf(exported.body())).isEqualTo(200);
		JsonNode pkg = exported.body();
		assertThat(schema().validate(pkg)).isEmpty();
		JsonNode m = pkg.get("matters").get(0);
		assertThat(m.get("number").asString()).isEqualTo(number);
		assertThat(m.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(m.get("history").findValuesAsString("action")).containsExactly("REGISTER", "TRANSFER", "ACCEPT");
		assertThat(m.get("history").get(0).get("actor").asString()).isEqualTo("李登记");
		assertThat(m.get("documents").size()).isGreaterThan(0);
		assertThat(m.get("petitioners").get(0).get("idNumber").asString()).hasSize(18);
		assertThat(m.get("attachments").get(0).get("contentBase64").asString())
			.isEqualTo(Base64.getEncoder().encodeToString(PDF));

		// the schema is not a rubber stamp
		ObjectNode broken = (ObjectNode) JSON.readTree(pkg.toString());
		((ObjectNode) broken.get("matters").get(0)).put("status", "LOST");
		((ObjectNode) broken.get("matters").get(0)).remove("history");
		assertThat(schema().validate(broken)).hasSize(2);

		// import as a package from another system: a new matter with the same substance
		ObjectNode fromProvince = (ObjectNode) JSON.readTree(pkg.toString());
		((ObjectNode) fromProvince.get("source")).put("system", "hunan-province");
		var imported = call("POST", "/api/v1/exchange/partner/handover/import", "demo-national-key", fromProvince.toString());
		assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
		JsonNode result = imported.body().get("results").get(0);
		assertThat(result.get("status").asString()).isEqualTo("CREATED");
		String copy = result.get("number").asString();
		assertThat(copy).isNotEqualTo(number);
		JsonNode again = call("GET", "/api/v1/exchange/partner/handover/matters/" + copy, "demo-national-key", null).body();
		assertThat(schema().validate(again)).isEmpty();
		JsonNode c = again.get("matters").get(0);
		for (String field : List.of("channel", "receivedAt", "regionCode", "categoryCode", "kind", "complexity", "title", "content",
				"personCount", "firstTime", "accused", "petitioners")) {
			assertThat(c.get(field)).as(field).isEqualTo(m.get(field));
		}
		assertThat(c.get("attachments").get(0).get("sha256")).isEqualTo(m.get("attachments").get(0).get("sha256"));
		assertThat(c.get("attachments").get(0).get("contentBase64")).isEqualTo(m.get("attachments").get(0).get("contentBase64"));
		// the copy starts its own lifecycle at registration, with its statutory clock from the original receipt
		assertThat(c.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(c.get("deadlines").get("acceptStatutory").asString())
			.isLessThanOrEqualTo(LocalDate.now(clock).plusDays(20).toString());

		// the same package again: nothing new
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		var replay = call("POST", "/api/v1/exchange/partner/handover/import", "demo-national-key", fromProvince.toString());
		assertThat(replay.body().get("results").get(0).get("status").asString()).isEqualTo("UNCHANGED");
		assertThat(replay.body().get("results").get(0).get("number").asString()).isEqualTo(copy);
		// a changed package: the differences are reported, the city's matter is not overwritten
		((ObjectNode) fromProvince.get("matters").get(0)).put("content", "改动后的内容");
		((ObjectNode) fromProvince.get("matters").get(0)).put("regionCode", "430702");
		var conflict = call("POST", "/api/v1/exchange/partner/handover/import", "demo-national-key", fromProvince.toString());
		JsonNode r = conflict.body().get("results").get(0);
		assertThat(r.get("status").asString()).isEqualTo("CONFLICT");
		assertThat(r.get("conflicts").findValuesAsString("field")).containsExactlyInAnyOrder("content", "regionCode");
		assertThat(jdbc.sql("SELECT content FROM petition WHERE number = ?").param(copy).query(String.class).single())
			.isEqualTo(m.get("content").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before);

		// changed since a time
		String since = URLEncoder.encode(OffsetDateTime.now(clock).minusMinutes(5).withNano(0).toString(), StandardCharsets.UTF_8);
		var changed = call("GET", "/api/v1/exchange/partner/handover/matters?since=" + since, "demo-national-key", null);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(schema().validate(changed.body())).isEmpty();
		assertThat(changed.body().get("matters").findValuesAsString("number")).contains(number, copy);
	}

	/** The second system: the whole application again, on its own embedded PostgreSQL, data directory and keys. */
	static ConfigurableApplicationContext second;

	@AfterAll
	static void stopTheSecondSystem() {
		if (second != null) {
			second.close();
		}
	}

	Answer callSecond(String method, String path, String body) {
		int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
		try {
			var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort + path)).header("X-Api-Key", "demo-national-key");
			if (body != null) {
				b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void exportThenImportOnASecondDatabaseReproducesTheMatterWithItsHistoryRecordsAndDocuments() throws Exception {
		String number = matterWithHistoryDocumentsAndAttachment("龚春兰", "43070319820517246");
		JsonNode pkg = call("GET", "/api/v1/exchange/partner/handover/matters/" + number, "demo-national-key", null).body();
		JsonNode m = pkg.get("matters").get(0);
		assertThat(m.get("records").size()).as("the transfer's 双沟通 record").isGreaterThan(0);

		second = new SpringApplicationBuilder(com.xinfang.XinFangApplication.class).profiles("it")
			.run("--server.port=0", "--xinfang.db.embedded-server.directory=./target/it-db-second",
					"--xinfang.db.embedded-server.port=0", "--xinfang.crypto.key-file=./target/it-db-second/keys.properties",
					"--xinfang.attachments.directory=./target/it-db-second/attachments", "--xinfang.demo.petitions=0",
					// the second system's clock agrees with the first one's (both start from a fixed instant in the tests)
					"--xinfang.clock.start=" + OffsetDateTime.now(clock));
		JdbcClient jdbc2 = second.getBean(JdbcClient.class);
		// really another database (another server, another data directory), with keys of its own
		assertThat(jdbc2.sql("SELECT current_setting('data_directory')").query(String.class).single())
			.isNotEqualTo(jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single());
		assertThat(jdbc2.sql("SELECT count(*) FROM petition WHERE content = ?").param(m.get("content").asString()).query(Long.class).single())
			.isZero();

		var imported = callSecond("POST", "/api/v1/exchange/partner/handover/import", pkg.toString());
		assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(200);
		JsonNode result = imported.body().get("results").get(0);
		assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("CREATED");
		String copy = result.get("number").asString();
		JsonNode c = callSecond("GET", "/api/v1/exchange/partner/handover/matters/" + copy, null).body().get("matters").get(0);
		assertThat(schema().validate(callSecond("GET", "/api/v1/exchange/partner/handover/matters/" + copy, null).body())).isEmpty();
		for (String field : List.of("channel", "receivedAt", "regionCode", "categoryCode", "kind", "complexity", "title", "content",
				"personCount", "firstTime", "accused", "petitioners", "attachments")) {
			assertThat(c.get(field)).as(field).isEqualTo(m.get(field));
		}
		// the history replayed before the second system's own registration, step by step, in order
		JsonNode h = c.get("history");
		assertThat(h.findValuesAsString("action")).filteredOn(HandOver.REPLAYED::equals).hasSize(m.get("history").size());
		assertThat(h.get(m.get("history").size()).get("action").asString()).isEqualTo("REGISTER"); // then the city's own steps
		for (int i = 0; i < m.get("history").size(); i++) {
			JsonNode original = m.get("history").get(i);
			JsonNode replayed = h.get(i);
			assertThat(replayed.get("action").asString()).isEqualTo(HandOver.REPLAYED);
			assertThat(replayed.get("at")).isEqualTo(original.get("at"));
			assertThat(replayed.get("toStatus")).isEqualTo(original.get("toStatus"));
			assertThat(replayed.get("milestone")).isEqualTo(original.get("milestone"));
			assertThat(replayed.get("note").asString()).startsWith("来源系统 changde：").contains(original.get("actor").asString());
		}
		assertThat(h.get(1).get("note").asString()).contains("转送");
		assertThat(h.get(2).get("note").asString()).contains("受理");
		// records and documents, byte for byte
		assertThat(c.get("records").findValuesAsString("summary")).containsExactlyElementsOf(m.get("records").findValuesAsString("summary"));
		assertThat(c.get("records").findValuesAsString("at")).containsExactlyElementsOf(m.get("records").findValuesAsString("at"));
		assertThat(c.get("documents").findValuesAsString("contentBase64"))
			.containsAll(m.get("documents").findValuesAsString("contentBase64"));
		// the second system's own lifecycle starts at its registration; its duty figures see no 受理 of its own
		assertThat(c.get("status").asString()).isEqualTo("REGISTERED");
		assertThat(jdbc2.sql("SELECT count(*) FROM petition_history h JOIN petition p ON p.id = h.petition_id WHERE p.number = ? AND h.action = 'ACCEPT'")
			.param(copy).query(Long.class).single()).isZero();

		// the same package again: nothing new; a later package with one more step: that step only
		assertThat(callSecond("POST", "/api/v1/exchange/partner/handover/import", pkg.toString()).body().get("results").get(0)
			.get("status").asString()).isEqualTo("UNCHANGED");
		ObjectNode later = (ObjectNode) JSON.readTree(pkg.toString());
		ObjectNode step = (ObjectNode) JSON.readTree(m.get("history").get(2).toString());
		step.put("at", OffsetDateTime.now(clock).withNano(0).toString());
		step.put("action", "REPLY");
		step.put("note", "已出具处理意见书");
		((ArrayNode) later.get("matters").get(0).get("history")).add(step);
		var update = callSecond("POST", "/api/v1/exchange/partner/handover/import", later.toString()).body().get("results").get(0);
		assertThat(update.get("status").asString()).as(update.toString()).isEqualTo("UPDATED");
		assertThat(update.get("number").asString()).isEqualTo(copy);
		assertThat(callSecond("POST", "/api/v1/exchange/partner/handover/import", later.toString()).body().get("results").get(0)
			.get("status").asString()).isEqualTo("UNCHANGED");
		JsonNode h2 = callSecond("GET", "/api/v1/exchange/partner/handover/matters/" + copy, null).body().get("matters").get(0).get("history");
		assertThat(h2.size()).isEqualTo(h.size() + 1);
		assertThat(h2.findValuesAsString("note")).filteredOn(n -> n.contains("已出具处理意见书")).hasSize(1);
	}

	@Test
	void onlyAPartnerWithTheHandOverRightMayExchangeAndABadPackageIsRefused() {
		assertThat(call("GET", "/api/v1/exchange/partner/handover/matters/XF1", "demo-open311-key", null).status()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/exchange/partner/handover/matters/XF1", "nope", null).status()).isEqualTo(401);
		assertThat(call("GET", "/api/v1/exchange/partner/handover/matters/XF1", "demo-national-key", null).status()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/exchange/partner/handover/matters?since=yesterday", "demo-national-key", null).status())
			.isEqualTo(400);
		assertThat(call("POST", "/api/v1/exchange/partner/handover/import", "demo-national-key", "{\"format\":\"other\"}").status())
			.isEqualTo(400);
		var invalid = call("POST", "/api/v1/exchange/partner/handover/import", "demo-national-key",
				"{\"format\":\"xinfang-handover\",\"version\":\"1.0\",\"source\":{\"system\":\"x\"},\"matters\":[{\"number\":\"A1\",\"channel\":\"LETTER\",\"regionCode\":\"999999\",\"content\":\"\"}]}");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body().get("results").get(0).get("status").asString()).isEqualTo("INVALID");
	}

}
