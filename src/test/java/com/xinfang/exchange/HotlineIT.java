package com.xinfang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 12345 exchange: orders in (idempotent, every fault listed), milestones out as signed webhooks. */
@IntegrationTest
class HotlineIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Actor ADMIN = new Actor(0, "test-admin", "测试管理员", Actor.Kind.STAFF, "CD-XFJ", "430700",
			Set.of(Role.ADMIN), DataScope.none());

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Partners partners;

	final HttpClient http = HttpClient.newHttpClient();

	HttpServer receiver;

	/** What the fake hotline got: every request, and which it accepted. */
	final List<Map<String, String>> got = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger failuresLeft = new AtomicInteger(2);

	Credentials hotline;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", receiverHandler());
		receiver.start();
		hotline = partners.register(new Partners.Registration("it-hotline-" + System.nanoTime() % 1_000_000, "测试12345热线",
				"HOTLINE_12345", "值班室", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
				EnumSet.of(Partner.Permission.FILE, Partner.Permission.RECEIVE), 100_000), ADMIN);
	}

	com.sun.net.httpserver.HttpHandler receiverHandler() {
		return exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = failuresLeft.getAndDecrement() > 0;
			Map<String, String> r = new HashMap<>();
			r.put("body", body);
			r.put("eventId", exchange.getRequestHeaders().getFirst("X-XinFang-Event-Id"));
			r.put("signature", exchange.getRequestHeaders().getFirst("X-XinFang-Signature"));
			r.put("accepted", Boolean.toString(!fail));
			got.add(r);
			byte[] answer = (fail ? "busy" : "ok").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		};
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
		jdbc.sql("DELETE FROM throttle").update();
	}

	record Answer(int status, JsonNode body) {
	}

	Answer postOrder(String key, String body) {
		try {
			var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exchange/partner/12345/orders"))
				.header("Content-Type", "application/json")
				.header("X-Api-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	String order(String orderId, String content) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("orderId", orderId);
		o.put("receivedAt", OffsetDateTime.now(clock).minusHours(2).withNano(0).toString());
		o.put("caller", Map.of("name", "向春花", "phone", "13974260011"));
		o.put("request", Map.of("title", "小区物业拖欠保洁员工资", "content", content));
		o.put("category", "LABOR");
		o.put("place", Map.of("regionCode", "430702", "address", "武陵区丹阳街道某小区"));
		o.put("urgency", "URGENT");
		return JSON.writeValueAsString(o);
	}

	static String newId() {
		return "12345-IT-" + System.nanoTime();
	}

	@Test
	void milestonesReachTheHotlineOnceInOrderSignedAfterTwoFailures() throws Exception {
		var created = postOrder(hotline.apiKey(), order(newId(), "物业公司拖欠保洁员三个月工资共计一万二千元，请求督促支付。"));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		String number = created.body().get("number").asString();
		assertThat(jdbc.sql("SELECT channel FROM petition WHERE number = ?").param(number).query(String.class).single())
			.isEqualTo("HOTLINE_12345");

		// the act does not wait for the partner: the receiver is failing while the matter moves on
		var api = new TestApi(port);
		String registrar = api.token("city.registrar", "Demo@2026");
		String officer = api.token("hr.officer", "Demo@2026");
		int version = api.get("/api/v1/petitions/" + number, registrar).body().get("version").asInt();
		var transfer = api.post("/api/v1/petitions/" + number + "/actions", registrar, Map.of("action", "TRANSFER", "unitCode",
				"CD-HRSS", "version", version, "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", OffsetDateTime.now(clock).minusMinutes(5).withNano(0).toString(), "summary", "电话沟通，同意接收")));
		assertThat(transfer.status()).as(String.valueOf(transfer.body())).isEqualTo(200);
		var accept = api.post("/api/v1/petitions/" + number + "/actions", officer,
				Map.of("action", "ACCEPT", "version", transfer.body().get("version").asInt()));
		assertThat(accept.status()).as(String.valueOf(accept.body())).isEqualTo(200);

		// the first failure is retried after the backoff (2 s by default), not at once
		long outboxId = waitFor(() -> jdbc.sql("SELECT id FROM exchange_outbox WHERE petition_number = ? AND event_type = 'REGISTERED' AND attempts >= 2")
			.param(number).query(Long.class).optional().orElse(null));
		List<OffsetDateTime> tries = jdbc.sql("SELECT at FROM exchange_attempt WHERE outbox_id = ? ORDER BY id")
			.param(outboxId).query(OffsetDateTime.class).list();
		assertThat(Duration.between(tries.get(0), tries.get(1))).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));

		// fast-forward the backoff until the three milestones are accepted
		waitFor(() -> {
			jdbc.sql("UPDATE exchange_outbox SET next_attempt_at = ? WHERE petition_number = ? AND delivered_at IS NULL")
				.params(OffsetDateTime.now(clock), number).update();
			return got.stream().filter(r -> r.get("accepted").equals("true")).count() >= 3 ? true : null;
		});
		Thread.sleep(1500); // nothing more arrives
		List<Map<String, String>> all = new ArrayList<>(got);
		assertThat(all).hasSize(5);
		List<Map<String, String>> accepted = all.stream().filter(r -> r.get("accepted").equals("true")).toList();
		List<String> types = accepted.stream().map(r -> JSON.readTree(r.get("body")).get("type").asString()).toList();
		assertThat(types).containsExactly("REGISTERED", "TRANSFERRED", "ACCEPTED");
		assertThat(accepted.stream().map(r -> r.get("eventId")).distinct()).hasSize(3);
		// the two failures were the first event, tried again with the same event id
		assertThat(all.get(0).get("eventId")).isEqualTo(accepted.get(0).get("eventId"));
		assertThat(all.get(1).get("eventId")).isEqualTo(accepted.get(0).get("eventId"));
		for (var r : all) {
			assertThat(Webhooks.verify(hotline.signingSecret(), r.get("signature"), r.get("body"), Instant.now(clock))).isTrue();
			assertThat(Webhooks.verify("another-secret", r.get("signature"), r.get("body"), Instant.now(clock))).isFalse();
			assertThat(Webhooks.verify(hotline.signingSecret(), r.get("signature"), r.get("body") + " ", Instant.now(clock))).isFalse();
			JsonNode body = JSON.readTree(r.get("body"));
			assertThat(body.get("number").asString()).isEqualTo(number);
			assertThat(body.get("eventId").asString()).isEqualTo(r.get("eventId"));
		}
		// every attempt is on record with the answer
		List<Integer> statuses = jdbc.sql("SELECT http_status FROM exchange_attempt WHERE outbox_id = ? ORDER BY id")
			.param(outboxId).query(Integer.class).list();
		assertThat(statuses).containsExactly(503, 503, 200);
	}

	@Test
	void anEventClaimedByANodeThatDiedIsSentOnceItsLeaseRunsOut() throws Exception {
		failuresLeft.set(0);
		// the receiver is unreachable while the order comes in, so the event stays in the outbox
		receiver.stop(0);
		var created = postOrder(hotline.apiKey(), order(newId(), "节点在推送途中宕机，租约到期后应由其他节点补发。"));
		String number = created.body().get("number").asString();
		waitFor(() -> jdbc.sql("SELECT attempts FROM exchange_outbox WHERE petition_number = ? AND attempts >= 1 AND lease_until IS NULL")
			.param(number).query(Integer.class).optional().orElse(null));
		// a node claims the event and dies before sending: the row keeps its lease
		// times on the application's clock, which the dispatcher compares them with
		jdbc.sql("UPDATE exchange_outbox SET lease_until = ?, next_attempt_at = ? WHERE petition_number = ?")
			.params(OffsetDateTime.now(clock).plusSeconds(30), OffsetDateTime.now(clock), number).update();
		startReceiverAgain();
		Thread.sleep(1500);
		assertThat(got).isEmpty(); // nobody else sends it while the lease holds
		// the lease runs out (as after a restart): the event is sent, once
		jdbc.sql("UPDATE exchange_outbox SET lease_until = ? WHERE petition_number = ?")
			.params(OffsetDateTime.now(clock).minusSeconds(1), number).update();
		waitFor(() -> got.isEmpty() ? null : true);
		Thread.sleep(1000);
		assertThat(got).hasSize(1);
		assertThat(jdbc.sql("SELECT delivered_at IS NOT NULL FROM exchange_outbox WHERE petition_number = ?").param(number)
			.query(Boolean.class).single()).isTrue();
	}

	void startReceiverAgain() throws IOException {
		int port = URI.create(partners.find(hotline.partnerCode()).orElseThrow().callbackUrl()).getPort();
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		receiver.createContext("/hook", receiverHandler());
		receiver.start();
	}

	@Test
	void theSameOrderPostedAtOnceGivesOneMatter() throws Exception {
		String id = newId();
		String body = order(id, "同一工单并发提交十次，只应登记一件信访事项。");
		int n = 10;
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Answer>> answers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return postOrder(hotline.apiKey(), body);
			}));
		}
		start.countDown();
		List<Answer> results = new ArrayList<>();
		for (var f : answers) {
			results.add(f.get());
		}
		pool.shutdown();
		assertThat(results.stream().map(Answer::status).filter(s -> s == 201)).hasSize(1);
		assertThat(results.stream().map(Answer::status).filter(s -> s == 200)).hasSize(n - 1);
		assertThat(results.stream().map(a -> a.body().get("number").asString()).distinct()).hasSize(1);
		assertThat(results.stream().map(a -> a.body().get("queryCode").asString()).distinct()).hasSize(1);
		String number = results.get(0).body().get("number").asString();
		assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE content LIKE ?").param("%" + id + "%").query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM exchange_outbox WHERE petition_number = ?").param(number).query(Long.class).single())
			.isEqualTo(1);
		// the same id with another body is refused
		var other = postOrder(hotline.apiKey(), order(id, "另一件事"));
		assertThat(other.status()).isEqualTo(409);
	}

	@Test
	void aMalformedOrderListsEveryFieldAtFaultAndStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		String body = """
				{"orderId": "bad id!", "receivedAt": "yesterday", "caller": {"phone": "12ab", "idNumber": "430702198001011234"},
				 "request": {"title": ""}, "category": "NOPE", "place": {}, "urgency": "SOON"}""";
		var r = postOrder(hotline.apiKey(), body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("orderId", "receivedAt",
				"caller.name", "caller.phone", "caller.idNumber", "request.content", "category", "urgency", "place");
		assertThat(r.body().get("title").asString()).isEqualTo("提交的内容有误");
		assertThat(postOrder(hotline.apiKey(), "not json").status()).isEqualTo(400);
		assertThat(postOrder(hotline.apiKey(), "[]").status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void keysAreCheckedForOrders() {
		assertThat(postOrder("wrong-key", order(newId(), "内容")).status()).isEqualTo(401);
		assertThat(postOrder("", order(newId(), "内容")).status()).isEqualTo(401);
		assertThat(postOrder("demo-national-key", order(newId(), "内容")).status()).isEqualTo(403);
		assertThat(postOrder("demo-open311-key", order(newId(), "内容")).status()).isEqualTo(201);
	}

	@Test
	void theDemoHotlinesWebhooksArriveSignedAtTheDevelopmentReceiverAndTheAdminPagesShowThem() throws Exception {
		var created = postOrder("demo-12345-key", order(newId(), "演示：热线工单的推送应出现在开发接收端。"));
		assertThat(created.status()).isEqualTo(201);
		String number = created.body().get("number").asString();
		waitFor(() -> jdbc.sql("SELECT signature_ok FROM exchange_dev_received WHERE body LIKE ?")
			.param("%" + number + "%").query(Boolean.class).optional().orElse(null));
		assertThat(jdbc.sql("SELECT bool_and(signature_ok) FROM exchange_dev_received WHERE body LIKE ?")
			.param("%" + number + "%").query(Boolean.class).single()).isTrue();
		// the answer is recorded by the dispatcher's next round, a moment after the receiver has the event
		waitFor(() -> jdbc.sql("SELECT true FROM exchange_outbox WHERE petition_number = ? AND event_type = 'REGISTERED' AND delivered_at IS NOT NULL")
			.param(number).query(Boolean.class).optional().orElse(null));

		var cookies = new CookieManager();
		var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
		String base = "http://127.0.0.1:" + port;
		String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(m.find()).isTrue();
		String form = "portal=staff&username=admin&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		var partnersPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/exchange")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(partnersPage.statusCode()).isEqualTo(200);
		assertThat(partnersPage.body()).contains("常德市12345政务服务便民热线（演示）").doesNotContain("demo-12345-key");
		var outbox = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/exchange/outbox?number=" + number)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(outbox.statusCode()).isEqualTo(200);
		assertThat(outbox.body()).contains(number).contains("REGISTERED").contains("已送达");
		var received = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/exchange/dev-receiver")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(received.statusCode()).isEqualTo(200);
		assertThat(received.body()).contains(number).contains("有效");
	}

	static <T> T waitFor(Supplier<T> probe) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(150);
		}
		throw new AssertionError("timed out waiting");
	}

}
