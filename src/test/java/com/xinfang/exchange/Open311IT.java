package com.xinfang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every Open311 endpoint in both formats against GeoReport v2, keys, jurisdiction, positions, confidentiality. */
@IntegrationTest
class Open311IT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** 武陵区 (inside the county polygon), 津市市, and Beijing (outside Changde). */
	static final String[] WULING = { "29.0405", "111.6907" };

	static final String[] JINSHI = { "29.6054", "111.8775" };

	static final String[] BEIJING = { "39.9042", "116.4074" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Partners partners;

	final HttpClient http = HttpClient.newHttpClient();

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
	}

	Answer post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Answer send(HttpRequest request) {
		try {
			var r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> report(String key, String serviceCode, String[] position) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", key);
		form.put("jurisdiction_id", "changde");
		form.put("service_code", serviceCode);
		if (position != null) {
			form.put("lat", position[0]);
			form.put("long", position[1]);
		}
		form.put("description", "小区门口的下水道堵塞已经一个月，污水漫到路面，多次向物业反映没有处理。联系人手机13912345678。");
		form.put("first_name", "秀英");
		form.put("last_name", "覃");
		form.put("phone", "13912345678");
		form.put("email", "qin@example.cn");
		return form;
	}

	@Test
	void discoveryServicesAndDefinitionsFollowTheSpecificationInJsonAndXml() {
		var d = get("/open311/v2/discovery.json");
		assertThat(d.status()).isEqualTo(200);
		assertThat(d.contentType()).startsWith("application/json");
		GeoReportChecks.discovery(d.json());
		var dx = get("/open311/v2/discovery.xml");
		assertThat(dx.contentType()).startsWith("text/xml");
		assertThat(GeoReportChecks.xml(dx.body()).getTagName()).isEqualTo("discovery");

		var s = get("/open311/v2/services.json?jurisdiction_id=changde");
		assertThat(s.status()).isEqualTo(200);
		GeoReportChecks.services(s.json());
		assertThat(s.json().findValuesAsString("service_name")).contains("劳动社保", "城乡建设");
		GeoReportChecks.servicesXml(get("/open311/v2/services.xml").body());

		var def = get("/open311/v2/services/URBAN.json?jurisdiction_id=changde");
		assertThat(def.status()).isEqualTo(200);
		GeoReportChecks.definition(def.json());
		assertThat(def.json().get("attributes").findValuesAsString("code")).contains("region", "anonymous");
		GeoReportChecks.definitionXml(get("/open311/v2/services/URBAN.xml").body());

		var unknown = get("/open311/v2/services/NOPE.json");
		assertThat(unknown.status()).isEqualTo(404);
		GeoReportChecks.errors(unknown.json(), 404);
		var unknownXml = get("/open311/v2/services/NOPE.xml");
		assertThat(unknownXml.status()).isEqualTo(404);
		GeoReportChecks.errorsXml(unknownXml.body(), 404);
	}

	@Test
	void anotherJurisdictionIsNotFoundInBothFormats() {
		for (String path : new String[] { "/open311/v2/services.json?jurisdiction_id=changsha",
				"/open311/v2/requests.json?jurisdiction_id=changsha", "/open311/v2/services/URBAN.json?jurisdiction_id=x" }) {
			var r = get(path);
			assertThat(r.status()).as(path).isEqualTo(404);
			GeoReportChecks.errors(r.json(), 404);
		}
		var x = get("/open311/v2/services.xml?jurisdiction_id=changsha");
		assertThat(x.status()).isEqualTo(404);
		GeoReportChecks.errorsXml(x.body(), 404);
		var posted = post("/open311/v2/requests.json", Map.of("jurisdiction_id", "changsha", "api_key", "demo-open311-key"));
		assertThat(posted.status()).isEqualTo(404);
	}

	@Test
	void aReportBecomesAnOnlineMatterInItsCountyAndIsReadBackWithoutPersonalData() {
		var created = post("/open311/v2/requests.json", report("demo-open311-key", "URBAN", WULING));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		GeoReportChecks.created(created.json());
		String id = created.json().get(0).get("service_request_id").asString();
		assertThat(created.json().get(0).get("service_notice").asString()).contains(id).contains("查询码");
		var row = jdbc.sql("SELECT channel, region_code, category_code, registered_by FROM petition WHERE number = ?")
			.param(id)
			.query((rs, n) -> Map.of("channel", rs.getString(1), "region", rs.getString(2), "category", rs.getString(3),
					"by", rs.getLong(4)))
			.single();
		assertThat(row.get("channel")).isEqualTo("ONLINE");
		assertThat(row.get("region")).isEqualTo("430702");
		assertThat(row.get("category")).isEqualTo("URBAN");
		// the partner is the source: its service account registered it, and the audit log names it
		long partnerUser = partners.find("demo-app").orElseThrow().serviceUserId();
		assertThat(row.get("by")).isEqualTo(partnerUser);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'partner:demo-app' AND target = ? AND action = 'OPEN311_REQUEST'")
			.param(id).query(Long.class).single()).isEqualTo(1);

		var one = get("/open311/v2/requests/" + id + ".json?jurisdiction_id=changde");
		assertThat(one.status()).isEqualTo(200);
		GeoReportChecks.requests(one.json());
		JsonNode r = one.json().get(0);
		assertThat(r.get("service_request_id").asString()).isEqualTo(id);
		assertThat(r.get("status").asString()).isEqualTo("open");
		assertThat(r.get("service_code").asString()).isEqualTo("URBAN");
		assertThat(r.get("service_name").asString()).isEqualTo("城乡建设");
		assertThat(r.get("address").asString()).contains("武陵区");
		assertThat(r.get("agency_responsible").asString()).isNotBlank();
		assertThat(r.get("expected_datetime").isNull()).isFalse();
		// no personal data: no name, phone, e-mail, text or exact position
		for (String leak : new String[] { "覃", "秀英", "13912345678", "qin@example.cn", "下水道", "29.0405", "111.6907" }) {
			assertThat(one.body()).doesNotContain(leak);
		}
		var oneXml = get("/open311/v2/requests/" + id + ".xml");
		var items = GeoReportChecks.requestsXml(oneXml.body());
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("service_request_id")).isEqualTo(id);
		assertThat(oneXml.body()).doesNotContain("13912345678").doesNotContain("覃");

		var list = get("/open311/v2/requests.json?service_request_id=" + id + ",XF000");
		GeoReportChecks.requests(list.json());
		assertThat(list.json().findValuesAsString("service_request_id")).containsExactly(id);
		var open = get("/open311/v2/requests.json?status=open&service_code=URBAN");
		GeoReportChecks.requests(open.json());
		assertThat(open.json().findValuesAsString("service_request_id")).contains(id);
		assertThat(get("/open311/v2/requests.json?status=closed").json().findValuesAsString("service_request_id")).doesNotContain(id);
		GeoReportChecks.requestsXml(get("/open311/v2/requests.xml?start_date=2026-01-01T00:00:00%2B08:00").body());
		var badStatus = get("/open311/v2/requests.xml?status=pending");
		assertThat(badStatus.status()).isEqualTo(400);
		GeoReportChecks.errorsXml(badStatus.body(), 400);
		var missing = get("/open311/v2/requests/XF430702000000999999.xml");
		assertThat(missing.status()).isEqualTo(404);
		GeoReportChecks.errorsXml(missing.body(), 404);
	}

	@Test
	void aPostInXmlAnswersInXmlAndAPositionIsMappedToItsCounty() {
		var created = post("/open311/v2/requests.xml", report("demo-open311-key", "ENV", JINSHI));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.contentType()).startsWith("text/xml");
		var items = GeoReportChecks.items(GeoReportChecks.xml(created.body()), "service_requests", "request");
		assertThat(items.get(0).keySet()).contains("service_request_id", "service_notice", "account_id");
		String id = items.get(0).get("service_request_id");
		assertThat(jdbc.sql("SELECT region_code FROM petition WHERE number = ?").param(id).query(String.class).single())
			.isEqualTo("430781");
	}

	@Test
	void aPointOutsideChangdeOrNoPositionIsRefusedClearlyAndNothingIsStored() {
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		var outside = post("/open311/v2/requests.json", report("demo-open311-key", "URBAN", BEIJING));
		assertThat(outside.status()).isEqualTo(400);
		GeoReportChecks.errors(outside.json(), 400);
		assertThat(outside.json().get(0).get("description").asString()).contains("不在常德市范围内");
		var nowhere = post("/open311/v2/requests.xml", report("demo-open311-key", "URBAN", null));
		assertThat(nowhere.status()).isEqualTo(400);
		GeoReportChecks.errorsXml(nowhere.body(), 400);
		var byAddress = report("demo-open311-key", "URBAN", null);
		byAddress.put("address_string", "湖南省常德市石门县楚江街道宝峰路");
		var ok = post("/open311/v2/requests.json", byAddress);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		// several faults at once: each is its own error in the list
		var bad = report("demo-open311-key", "NOPE", BEIJING);
		var many = post("/open311/v2/requests.json", bad);
		assertThat(many.status()).isEqualTo(400);
		assertThat(many.json().size()).isEqualTo(2);
		var noText = report("demo-open311-key", "URBAN", WULING);
		noText.remove("description");
		noText.remove("first_name");
		noText.remove("last_name");
		var invalid = post("/open311/v2/requests.json", noText);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().findValuesAsString("description")).anyMatch(d -> d.startsWith("description"))
			.anyMatch(d -> d.startsWith("first_name/last_name"));
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void keysAreChecked() {
		var none = report("", "URBAN", WULING);
		none.remove("api_key");
		var missing = post("/open311/v2/requests.json", none);
		assertThat(missing.status()).isEqualTo(403);
		GeoReportChecks.errors(missing.json(), 403);
		var wrong = post("/open311/v2/requests.xml", report("not-a-key", "URBAN", WULING));
		assertThat(wrong.status()).isEqualTo(403);
		GeoReportChecks.errorsXml(wrong.body(), 403);
		// a partner without the right to file (the national system's key)
		assertThat(post("/open311/v2/requests.json", report("demo-national-key", "URBAN", WULING)).status()).isEqualTo(403);
		// a revoked key stops working at once; a rotated key replaces the old one
		Actor admin = new Actor(0, "test-admin", "测试管理员", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.ADMIN),
				DataScope.none());
		var issued = partners.register(new Partners.Registration("it-app-" + System.nanoTime() % 100000, "测试应用", "OPEN311_APP",
				null, null, EnumSet.of(Partner.Permission.FILE), 600), admin);
		assertThat(post("/open311/v2/requests.json", report(issued.apiKey(), "URBAN", WULING)).status()).isEqualTo(200);
		var rotated = partners.rotate(issued.partnerCode(), admin);
		assertThat(rotated.apiKey()).isNotEqualTo(issued.apiKey());
		assertThat(post("/open311/v2/requests.json", report(issued.apiKey(), "URBAN", WULING)).status()).isEqualTo(403);
		assertThat(post("/open311/v2/requests.json", report(rotated.apiKey(), "URBAN", WULING)).status()).isEqualTo(200);
		partners.revoke(issued.partnerCode(), admin);
		assertThat(post("/open311/v2/requests.json", report(rotated.apiKey(), "URBAN", WULING)).status()).isEqualTo(403);
		// only an administrator manages partners
		Actor registrar = new Actor(0, "x", "x", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR), DataScope.none());
		Assertions.assertThatThrownBy(() -> partners.rotate("demo-app", registrar))
			.isInstanceOf(DomainException.Forbidden.class);
	}

	@Test
	void aPartnerOverItsRateIsThrottled() {
		Actor admin = new Actor(0, "test-admin", "测试管理员", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.ADMIN),
				DataScope.none());
		var issued = partners.register(new Partners.Registration("it-slow-" + System.nanoTime() % 100000, "限流测试", "OPEN311_APP",
				null, null, EnumSet.of(Partner.Permission.FILE), 2), admin);
		var bad = report(issued.apiKey(), "NOPE", WULING); // refused after the key check: nothing stored
		assertThat(post("/open311/v2/requests.json", bad).status()).isEqualTo(400);
		assertThat(post("/open311/v2/requests.json", bad).status()).isEqualTo(400);
		var third = post("/open311/v2/requests.json", bad);
		assertThat(third.status()).isEqualTo(429);
		GeoReportChecks.errors(third.json(), 429);
	}

	@Test
	void anAccusationsExistenceIsNeverShownPublicly() {
		var created = post("/open311/v2/requests.json", report("demo-open311-key", "DISCIPLINE", WULING));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		String id = created.json().get(0).get("service_request_id").asString();
		assertThat(jdbc.sql("SELECT kind FROM petition WHERE number = ?").param(id).query(String.class).single())
			.isEqualTo("ACCUSATION");
		var one = get("/open311/v2/requests/" + id + ".json");
		assertThat(one.status()).isEqualTo(404);
		var unknown = get("/open311/v2/requests/XF430702000000999998.json");
		// the same answer as an id that never existed, apart from the id itself
		assertThat(one.body().replace(id, "ID")).isEqualTo(unknown.body().replace("XF430702000000999998", "ID"));
		assertThat(get("/open311/v2/requests.json?service_request_id=" + id).json().size()).isZero();
		assertThat(get("/open311/v2/requests.json").body()).doesNotContain(id);
		// a matter later classified as an accusation disappears from the public answers too
		var other = post("/open311/v2/requests.json", report("demo-open311-key", "GOV", WULING));
		String otherId = other.json().get(0).get("service_request_id").asString();
		assertThat(get("/open311/v2/requests/" + otherId + ".json").status()).isEqualTo(200);
		jdbc.sql("UPDATE petition SET kind = 'ACCUSATION' WHERE number = ?").param(otherId).update();
		assertThat(get("/open311/v2/requests/" + otherId + ".json").status()).isEqualTo(404);
	}

	@Test
	void unknownFormatIsNotFound() {
		assertThat(get("/open311/v2/services.csv").status()).isEqualTo(404);
	}

}
