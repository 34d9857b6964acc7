package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13 item 7: a client retrying a registration with the same Idempotency-Key gets the original 201. */
@IntegrationTest
class IdempotencyIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String token;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		token = new TestApi(port).token("city.registrar", "Demo@2026");
	}

	static String letter(String title) {
		return """
				{"channel":"LETTER","receivedAt":"2026-11-20T09:00:00+08:00","regionCode":"430703003","title":"%s",
				 "content":"本人在鼎城区某工地务工，项目部拖欠工资共计38600元，请求责令支付。","categoryCode":"LABOR",
				 "petitioners":[{"name":"赵铁柱","phone":"13907360002"}]}""".formatted(title);
	}

	HttpResponse<String> post(String key, String body) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/petitions"))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token);
		if (key != null) {
			builder.header("Idempotency-Key", key);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	long count(String title) {
		return jdbc.sql("SELECT count(*) FROM petition WHERE title = ?").param(title).query(Long.class).single();
	}

	@Test
	void aRetryWithTheSameKeyAnswersTheOriginal201AndStoresOneMatter() throws Exception {
		String key = UUID.randomUUID().toString();
		String title = "幂等重试" + key.substring(0, 8);
		var first = post(key, letter(title));
		assertThat(first.statusCode()).isEqualTo(201);
		var again = post(key, letter(title));
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(count(title)).isEqualTo(1);
		byte[] stored = jdbc.sql("SELECT body_enc FROM idempotency_key WHERE idem_key = ?").param(key).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).as("the answer holds the query code: stored encrypted")
			.doesNotContain("queryCode");
	}

	@Test
	void concurrentRetriesWithOneKeyStoreOneMatter() throws Exception {
		String key = UUID.randomUUID().toString();
		String title = "幂等并发" + key.substring(0, 8);
		var futures = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(() -> {
			try {
				return post(key, letter(title));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).toList();
		var numbers = futures.stream().map(CompletableFuture::join).map(r -> {
			assertThat(r.statusCode()).isEqualTo(201);
			return r.body();
		}).distinct().toList();
		assertThat(numbers).hasSize(1);
		assertThat(count(title)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedInChineseAndStoresNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		String title = "幂等冲突" + key.substring(0, 8);
		assertThat(post(key, letter(title)).statusCode()).isEqualTo(201);
		var other = post(key, letter(title + "改"));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(other.body()).contains("Idempotency-Key").contains("内容不同");
		assertThat(count(title + "改")).isZero();
	}

	@Test
	void aRefusedRequestStoresNoKeySoTheCorrectedRetryWithItIsRegistered() throws Exception {
		String key = UUID.randomUUID().toString();
		String title = "幂等更正" + key.substring(0, 8);
		var bad = post(key, letter(title).replace("\"430703003\"", "\"999999999\""));
		assertThat(bad.statusCode()).isBetween(400, 499);
		assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idem_key = ?").param(key).query(Long.class).single()).isZero();
		assertThat(post(key, letter(title)).statusCode()).isEqualTo(201);
		assertThat(post("short", letter(title)).statusCode()).isEqualTo(400);
	}

}
