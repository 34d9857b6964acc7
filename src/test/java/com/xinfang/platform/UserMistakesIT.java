package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fuzz of issue 11, kept: every POST endpoint of the API with a NUL character and with a
 * 1 MB value in each of its string fields in turn, with the wrong Content-Type and an empty body;
 * the query strings with NUL characters and absurd page numbers; requests Tomcat refuses itself.
 * A user's mistake is never a 500, and always answered in Chinese.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserMistakesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	/** Longer than any column; a full megabyte costs seconds per case and proves nothing more. */
	private static final String MEGABYTE = "长".repeat(100_000);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private String number;

	@BeforeAll
	void aMatterTransferredToTheLabourBureau() {
		var api = new TestApi(port);
		String registrar = token("city.registrar");
		var created = api.post("/api/v1/petitions", registrar, Map.of("channel", "LETTER", "regionCode", "430702001", "title",
				"工资拖欠三个月", "content", "某公司拖欠工资三个月，多次讨要未果，请求督促支付。", "categoryCode", "LABOR", "petitioners",
				List.of(Map.of("name", "刘建华"))));
		assertThat(created.status()).isEqualTo(201);
		number = created.body().get("number").asString();
		var transfer = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "version",
				created.body().get("version").asInt(), "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "人社局 刘科长", "at", "2026-11-28T10:00:00+08:00", "summary", "同意接收")));
		assertThat(transfer.status()).isEqualTo(200);
	}

	private String token(String user) {
		return tokens.computeIfAbsent(user, u -> new TestApi(port).token(u, "Demo@2026"));
	}

	/** Each POST endpoint with a body that is valid in shape; {n} is the matter's number. */
	static List<Object[]> endpoints() {
		return List.of(new Object[] { null, "/api/v1/auth/token", "{\"username\":\"hr.officer\",\"password\":\"wrong\"}" },
				new Object[] { "city.registrar", "/api/v1/petitions",
						"{\"channel\":\"LETTER\",\"regionCode\":\"430702\",\"title\":\"标题\",\"content\":\"内容内容内容内容\",\"categoryCode\":\"LABOR\",\"petitioners\":[{\"name\":\"王五\",\"phone\":\"13800000009\",\"address\":\"武陵区\"}],\"accused\":{\"unit\":\"某单位\",\"person\":\"某人\"}}" },
				new Object[] { "hr.officer", "/api/v1/petitions/{n}/actions", "{\"action\":\"ACCEPT\",\"version\":0,\"reason\":\"理由\"}" },
				new Object[] { "city.registrar", "/api/v1/text/similar", "{\"content\":\"拖欠工资\",\"name\":\"张三\",\"regionCode\":\"4307\"}" },
				new Object[] { "city.registrar", "/api/v1/text/classify", "{\"title\":\"工资\",\"content\":\"拖欠工资三个月\"}" },
				new Object[] { "hr.officer", "/api/v1/petitions/{n}/joint", "{\"unitCodes\":[\"CD-ZJJ\"],\"reason\":\"需要住建局配合核查\",\"reportDays\":3}" },
				new Object[] { "housing.officer", "/api/v1/petitions/{n}/joint/report-in", "{\"text\":\"负责核查工地情况\"}" },
				new Object[] { "housing.officer", "/api/v1/petitions/{n}/joint/contribution", "{\"text\":\"已核查工地用工情况并反馈\"}" },
				new Object[] { "hr.officer", "/api/v1/petitions/{n}/joint/reply", "{\"text\":\"综合答复内容综合答复内容\"}" },
				new Object[] { "city.supervisor", "/api/v1/petitions/{n}/findings", "{\"kind\":\"SHOULD_HAVE_HANDLED\",\"reason\":\"未实际办理\"}" },
				new Object[] { "city.supervisor", "/api/v1/receptions", "{\"day\":\"2026-12-20\",\"place\":\"市信访局接待大厅\",\"regionCode\":\"4307\",\"topic\":\"劳动保障\"}" },
				new Object[] { "city.supervisor", "/api/v1/receptions/1/visits", "{\"number\":\"{n}\",\"instructions\":\"请人社局限期办理\"}" },
				new Object[] { "city.supervisor", "/api/v1/joint-meetings",
						"{\"heldOn\":\"2026-11-20\",\"title\":\"联席会议\",\"regionCode\":\"4307\",\"participants\":\"各单位\",\"summary\":\"研究欠薪问题的处理办法和分工\",\"matters\":[\"{n}\"],\"decisions\":[{\"decision\":\"人社局牵头\",\"ownerUnitCode\":\"CD-HRSS\",\"due\":\"2026-12-31\"}]}" },
				new Object[] { "hr.head", "/api/v1/joint-meetings/decisions/1/done", "{\"text\":\"已落实\"}" },
				new Object[] { "city.supervisor", "/api/v1/prohibited-conduct",
						"{\"number\":\"{n}\",\"personName\":\"赵六\",\"idNumber\":\"\",\"regionCode\":\"430702\",\"behaviour\":\"DISRUPTING_RECEPTION\",\"occurredAt\":\"2026-11-20T09:00:00+08:00\",\"place\":\"接待大厅\",\"facts\":\"在接待场所滞留滋事两小时\",\"handling\":\"劝阻批评教育\"}" },
				new Object[] { "city.supervisor", "/api/v1/prohibited-conduct/search", "{\"idNumber\":\"430702199001011234\"}" },
				new Object[] { "city.supervisor", "/api/v1/petitions/{n}/flags", "{\"flags\":[\"BYPASS\"]}" },
				new Object[] { "city.supervisor", "/api/v1/petitions/{n}/ownership",
						"{\"leaderUsername\":\"leader\",\"workingGroup\":\"专班\",\"plan\":\"化解方案\",\"lawyer\":\"律师\",\"followUpOwner\":\"责任人\"}" },
				new Object[] { "city.supervisor", "/api/v1/petitions/{n}/ownership/progress", "{\"note\":\"进展情况说明\"}" },
				new Object[] { "city.supervisor", "/api/v1/recommendations",
						"{\"kind\":\"IMPROVEMENT\",\"unitCode\":\"CD-HRSS\",\"title\":\"建议\",\"content\":\"建议内容建议内容建议内容\",\"replyDays\":30}" },
				new Object[] { "hr.head", "/api/v1/recommendations/1/reply", "{\"text\":\"回复内容回复内容回复内容\"}" },
				new Object[] { "city.supervisor", "/api/v1/petitions/{n}/supervision", "{\"kind\":\"URGE\",\"reason\":\"请加快办理\",\"replyDays\":5}" },
				new Object[] { "hr.officer", "/api/v1/supervision-orders/1/reply", "{\"text\":\"办理情况办理情况办理情况\"}" },
				new Object[] { null, "/api/v1/public/petitions/{n}/rating", "{\"queryCode\":\"ABCDEF\",\"satisfaction\":\"SATISFIED\"}" },
				new Object[] { null, "/api/v1/public/petitions/{n}/reexamination", "{\"queryCode\":\"ABCDEF\",\"reason\":\"不服\"}" },
				new Object[] { null, "/api/v1/public/petitions/{n}/review", "{\"queryCode\":\"ABCDEF\",\"reason\":\"不服\"}" });
	}

	/** For every endpoint: each string field in turn with a NUL, and with a megabyte of text. */
	Stream<Arguments> mutatedBodies() {
		List<Arguments> cases = new ArrayList<>();
		for (Object[] e : endpoints()) {
			JsonNode body = JSON.readTree((String) e[2]);
			for (String field : stringFields(body, "")) {
				cases.add(Arguments.of(e[0], e[1], field, "NUL", mutate(body, field, "前\u0000后")));
				cases.add(Arguments.of(e[0], e[1], field, "1MB", mutate(body, field, MEGABYTE)));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "[{index}] POST {1} with {3} in {2}")
	@MethodSource("mutatedBodies")
	void aMutatedFieldIsAChineseProblemNeverA500(String user, String path, String field, String mutation, String body) {
		var r = send("POST", path, user, "application/json", body);
		assertChineseProblem(r, "POST " + path + " " + field + "=" + mutation);
		if ("NUL".equals(mutation) && r.statusCode() != 401 && r.statusCode() != 403 && r.statusCode() != 404) {
			assertThat(r.statusCode()).as(path).isEqualTo(400);
		}
	}

	Stream<Arguments> endpointList() {
		return endpoints().stream().map(e -> Arguments.of(e[0], e[1]));
	}

	@ParameterizedTest(name = "[{index}] POST {1} as text/plain and empty")
	@MethodSource("endpointList")
	void aWrongContentTypeIs415AndAnEmptyBodyIs400InChinese(String user, String path) {
		var plain = send("POST", path, user, "text/plain", "hello");
		assertChineseProblem(plain, "text/plain " + path);
		if (plain.statusCode() != 401) {
			assertThat(plain.statusCode()).as(path).isEqualTo(415);
		}
		var empty = send("POST", path, user, "application/json", "");
		assertChineseProblem(empty, "empty " + path);
		var garbage = send("POST", path, user, "application/json", "{\"a\":");
		assertChineseProblem(garbage, "garbage " + path);
	}

	static Stream<Arguments> queries() {
		return Stream.of(Arguments.of("city.registrar", "/api/v1/petitions?q=%00"),
				Arguments.of("city.registrar", "/api/v1/petitions?status=%00&regionCode=43%0007"),
				Arguments.of("city.registrar", "/api/v1/petitions?page=2147483647"),
				Arguments.of("city.registrar", "/api/v1/petitions?page=2147483647&size=2147483647"),
				Arguments.of("city.registrar", "/api/v1/petitions?page=-2147483648&size=-5"),
				Arguments.of("city.registrar", "/api/v1/petitions?page=abc"),
				Arguments.of("city.registrar", "/api/v1/petitions/%00"),
				Arguments.of("city.registrar", "/api/v1/petitions/x%00y/history"),
				Arguments.of("leader", "/api/v1/stats/indicators?from=2026-01-01&to=2026-12-31&regionCode=%00"),
				Arguments.of("leader", "/api/v1/stats/indicators?from=2026-13-01"),
				Arguments.of("leader", "/api/v1/stats/matters.csv?from=2026-01-01&to=2026-12-31&regionCode=43%00"),
				Arguments.of("leader", "/api/v1/stats/series?regionCode=%00"),
				Arguments.of("city.supervisor", "/api/v1/accountability/rates?from=2026-01-01&to=2026-12-31&unitCode=%00"),
				Arguments.of("city.supervisor", "/api/v1/accountability/rates?from=2026-01-01"),
				Arguments.of("city.supervisor", "/api/v1/accountability/rates"),
				Arguments.of("city.supervisor", "/api/v1/backlog/counts?year=%00"),
				Arguments.of("city.supervisor", "/api/v1/backlog/counts"),
				Arguments.of(null, "/api/v1/regions?parent=%00"),
				Arguments.of(null, "/api/v1/public/petitions/X?queryCode=%00"),
				Arguments.of(null, "/api/v1/auth/token?username=%00"),
				Arguments.of("city.registrar", "/api/v1/no-such-thing"),
				Arguments.of("city.registrar", "/api/v2/petitions"),
				Arguments.of(null, "/query?number=%00"),
				Arguments.of(null, "/no-such-page?x=%00"));
	}

	@ParameterizedTest(name = "[{index}] GET {1}")
	@MethodSource("queries")
	void aQueryStringMistakeIsAChineseAnswerNeverA500(String user, String path) {
		var r = send("GET", path, user, null, null);
		assertThat(r.statusCode()).as(path + " -> " + r.body()).isNotEqualTo(500).isLessThan(500);
		if (r.statusCode() < 400) {
			return; // a right answer (an empty page far beyond the last) is fine too
		}
		assertThat(r.body()).as(path).containsPattern(CHINESE).doesNotContain("Bad Request", "Not Found", "No static resource",
				"Whitelabel", "Required parameter", "HTTP Status");
		if (path.startsWith("/api/") && r.statusCode() >= 400) {
			assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
		}
		if (path.contains("%00")) {
			assertThat(r.statusCode()).as(path).isIn(400, 404);
		}
	}

	@Test
	void anUnknownApiPathIsAChinese404ForAnyone() {
		var r = send("GET", "/api/v1/no-such-thing", "city.registrar", null, null);
		assertThat(r.statusCode()).isEqualTo(404);
		assertChineseProblem(r, "unknown path");
	}

	@Test
	void aMissingRequiredParameterIsNamedInChinese() {
		var r = send("GET", "/api/v1/accountability/rates?from=2026-01-01", "city.supervisor", null, null);
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(json(r).get("detail").asString()).contains("缺少必填参数").contains("to");
	}

	@Test
	void aTooLongValueNamesTheFieldAndItsLimit() {
		var r = send("POST", "/api/v1/petitions/" + number + "/ownership", "city.supervisor", "application/json",
				"{\"leaderUsername\":\"leader\",\"workingGroup\":\"" + "组".repeat(301)
						+ "\",\"plan\":\"化解方案\",\"followUpOwner\":\"责任人\"}");
		assertThat(r.statusCode()).isEqualTo(400);
		JsonNode body = json(r);
		assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("workingGroup");
		assertThat(body.get("detail").asString()).isEqualTo("工作专班不能超过300字");
	}

	@Test
	void aNameLongerThanItsLimitSaysSo() {
		var r = send("POST", "/api/v1/petitions", "city.registrar", "application/json",
				"{\"channel\":\"LETTER\",\"regionCode\":\"430702\",\"title\":\"标题\",\"content\":\"内容内容内容内容\",\"petitioners\":[{\"name\":\""
						+ "张".repeat(31) + "\"}]}");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("信访人姓名不能超过30字").doesNotContain("请填写信访人姓名");
	}

	@Test
	void aMalformedRequestLineRefusedByTomcatIsAnsweredInChinese() throws IOException {
		for (String target : List.of("/api/v1/petitions?q=a|b{c}", "/console/petitions?q=a|b{c}", "/api/v1/petitions/%zz")) {
			String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsPattern(CHINESE).doesNotContain("HTTP Status",
					"Apache Tomcat", "Invalid character");
			if (target.endsWith("%zz")) { // the request line was read, so the address is known
				assertThat(answer).as(target).contains("application/problem+json");
			}
		}
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			var received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				received.write(buffer, 0, n);
				String text = received.toString(StandardCharsets.UTF_8);
				int end = text.indexOf("\r\n\r\n");
				var length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
				if (end > 0 && length.find() && received.size() >= end + 4 + Integer.parseInt(length.group(1))) {
					break; // the whole answer is there; do not wait for Tomcat to close the connection
				}
			}
			return received.toString(StandardCharsets.UTF_8);
		}
	}

	private void assertChineseProblem(HttpResponse<String> r, String what) {
		assertThat(r.statusCode()).as(what + " -> " + abbreviate(r.body())).isLessThan(500).isGreaterThanOrEqualTo(200);
		if (r.statusCode() >= 400) {
			assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).contains("application/problem+json");
			JsonNode body = json(r);
			assertThat(body.get("title").asString()).as(what).containsPattern(CHINESE);
			assertThat(body.get("detail").asString()).as(what).containsPattern(CHINESE);
		}
	}

	private static String abbreviate(String s) {
		return s == null || s.length() < 300 ? s : s.substring(0, 300) + "…";
	}

	private static JsonNode json(HttpResponse<String> r) {
		return JSON.readTree(r.body());
	}

	private HttpResponse<String> send(String method, String path, String user, String contentType, String body) {
		String resolved = path.replace("{n}", number);
		var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + resolved)).header("Accept", "application/json");
		if (user != null) {
			builder.header("Authorization", "Bearer " + token(user));
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body.replace("{n}", number), StandardCharsets.UTF_8));
		try {
			return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Paths of the string values, e.g. "title", "petitioners.0.name". */
	private static List<String> stringFields(JsonNode node, String prefix) {
		List<String> fields = new ArrayList<>();
		if (node.isObject()) {
			for (var e : node.properties()) {
				fields.addAll(stringFields(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey()));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				fields.addAll(stringFields(node.get(i), prefix + "." + i));
			}
		}
		else if (node.isString()) {
			fields.add(prefix);
		}
		return fields;
	}

	private static String mutate(JsonNode body, String path, String value) {
		JsonNode copy = body.deepCopy();
		String[] parts = path.split("\\.");
		JsonNode parent = copy;
		for (int i = 0; i < parts.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
		}
		String last = parts[parts.length - 1];
		if (parent.isArray()) {
			((ArrayNode) parent).set(Integer.parseInt(last), value);
		}
		else {
			((ObjectNode) parent).put(last, value);
		}
		return JSON.writeValueAsString(copy);
	}

}
