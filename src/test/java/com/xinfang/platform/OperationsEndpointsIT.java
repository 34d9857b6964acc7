package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Probes, metrics and the request id, as a balancer, Kubernetes and Prometheus see them. */
@IntegrationTest
class OperationsEndpointsIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Request-Id", "probe-42").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void livenessAndReadinessGroupsAnswerUpAndReadinessWatchesTheDatabaseAndDisk() throws Exception {
		var live = get("/actuator/health/liveness");
		assertThat(live.statusCode()).isEqualTo(200);
		assertThat(live.body()).contains("\"UP\"");
		var ready = get("/actuator/health/readiness");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"UP\"");
	}

	@Test
	void prometheusScrapesRequestsPoolAndEventBacklog() throws Exception {
		get("/api/v1/regions");
		var metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
				"xinfang_events_incomplete", "xinfang_unavailable_responses_total", "jvm_memory_used_bytes");
	}

	@Test
	void everyAnswerCarriesTheRequestIdForTheLogs() throws Exception {
		assertThat(get("/actuator/health/liveness").headers().firstValue("X-Request-Id")).contains("probe-42");
		var generated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(16));
	}

}
