package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is fit to generate a client from, checked here in Java by the rules of a
 * standard linter's recommended set (Redocly: info-license and its url, security-defined,
 * operation-summary, operation-operationId-unique and url-safe, operation-4xx-response,
 * path-parameters-defined, tag-description, no-server-example.com, no-unused-components) plus our
 * own: every 4xx is problem+json, every secured operation says it can answer 401 and 403. The
 * document is written to target/openapi.json so tools/lint-openapi.sh can run Redocly on it
 * where Node.js is installed (not needed by ./mvnw verify).
 */
@IntegrationTest
class OpenApiDocumentIT {

	@LocalServerPort
	int port;

	static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

	@Test
	void theDocumentSaysWhatTheApiIsHowToAuthenticateAndWhatCanGoWrong() throws Exception {
		var answer = new TestApi(port).get("/v3/api-docs", null);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode doc = answer.body();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), doc.toString());

		JsonNode info = doc.get("info");
		assertThat(info.get("title").asString()).isEqualTo("XinFang 智慧信访 API").isNotEqualTo("OpenAPI definition");
		assertThat(info.get("version").asString()).isNotEqualTo("v0").matches("\\d+\\.\\d+\\.\\d+");
		assertThat(info.get("description").asString()).contains("Bearer").contains("X-Api-Key").contains("problem+json");
		assertThat(info.get("license").get("name").asString()).isNotBlank();
		assertThat(info.get("license").get("url").asString()).startsWith("https://");
		for (JsonNode server : doc.path("servers")) {
			assertThat(server.get("url").asString()).doesNotContain("example.com");
		}

		JsonNode schemes = doc.get("components").get("securitySchemes");
		assertThat(schemes.get("bearerAuth").get("type").asString()).isEqualTo("http");
		assertThat(schemes.get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.get("partnerKey").get("type").asString()).isEqualTo("apiKey");
		assertThat(schemes.get("partnerKey").get("in").asString()).isEqualTo("header");
		assertThat(schemes.get("partnerKey").get("name").asString()).isEqualTo("X-Api-Key");
		boolean globalSecurity = doc.path("security").size() > 0;

		Set<String> operationIds = new HashSet<>();
		Set<String> usedTags = new HashSet<>();
		List<String> faults = new ArrayList<>();
		int operations = 0;
		int bearerOps = 0;
		int partnerOps = 0;
		for (var pathEntry : doc.get("paths").properties()) {
			String path = pathEntry.getKey();
			Set<String> pathParams = new HashSet<>();
			Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
			while (m.find()) {
				pathParams.add(m.group(1));
			}
			for (var opEntry : pathEntry.getValue().properties()) {
				if (!METHODS.contains(opEntry.getKey())) {
					continue;
				}
				operations++;
				String where = opEntry.getKey().toUpperCase() + " " + path;
				JsonNode op = opEntry.getValue();
				if (!op.hasNonNull("summary") || op.get("summary").asString().isBlank()) {
					faults.add(where + ": no summary");
				}
				String id = op.path("operationId").asString("");
				if (id.isEmpty() || !operationIds.add(id) || !id.matches("[A-Za-z0-9_.~:-]+")) {
					faults.add(where + ": operationId missing, repeated or not url-safe: " + id);
				}
				op.path("tags").forEach(t -> usedTags.add(t.asString()));
				JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
				if (!op.has("security") && !globalSecurity) {
					faults.add(where + ": security not defined");
				}
				boolean secured = security.size() > 0;
				String scheme = secured ? security.get(0).propertyNames().iterator().next() : null;
				if ("bearerAuth".equals(scheme)) {
					bearerOps++;
				}
				if ("partnerKey".equals(scheme)) {
					partnerOps++;
				}
				JsonNode responses = op.get("responses");
				List<String> codes = new ArrayList<>();
				responses.propertyNames().forEach(codes::add);
				if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
					faults.add(where + ": no 4xx response");
				}
				if (!codes.contains("400")) {
					faults.add(where + ": no 400");
				}
				if (secured && !(codes.contains("401") && codes.contains("403"))) {
					faults.add(where + ": secured but no 401/403");
				}
				if (!pathParams.isEmpty() && !codes.contains("404")) {
					faults.add(where + ": identifier in path but no 404");
				}
				for (String code : codes) {
					if (code.startsWith("4")) {
						JsonNode r = responses.get(code);
						if (r.has("$ref")) {
							String name = r.get("$ref").asString().replace("#/components/responses/", "");
							r = doc.get("components").get("responses").get(name);
						}
						if (r == null || !r.path("content").has("application/problem+json")) {
							faults.add(where + ": " + code + " is not problem+json");
						}
					}
				}
				Set<String> declared = new HashSet<>();
				op.path("parameters").forEach(p -> {
					if ("path".equals(p.path("in").asString())) {
						declared.add(p.get("name").asString());
					}
				});
				pathEntry.getValue().path("parameters").forEach(p -> {
					if ("path".equals(p.path("in").asString())) {
						declared.add(p.get("name").asString());
					}
				});
				if (!declared.containsAll(pathParams)) {
					faults.add(where + ": path parameters not declared " + pathParams + " vs " + declared);
				}
			}
		}
		assertThat(faults).isEmpty();
		assertThat(operations).isGreaterThan(50);
		assertThat(bearerOps).isGreaterThan(30);
		assertThat(partnerOps).isGreaterThanOrEqualTo(1);
		// tag-description, and no tag or component left unused
		Set<String> described = new HashSet<>();
		doc.path("tags").forEach(t -> {
			assertThat(t.path("description").asString("")).as("tag %s", t.path("name")).isNotBlank();
			described.add(t.get("name").asString());
		});
		assertThat(described).containsAll(usedTags);
		String text = doc.toString();
		for (String name : doc.get("components").get("responses").propertyNames()) {
			assertThat(text).as("response %s used", name).contains("#/components/responses/" + name);
		}
		// examples for the problem answers
		assertThat(doc.get("components").get("responses").get("BadRequest").toString()).contains("examples").contains("errors");
		// the public token endpoint needs no token; the partner endpoint its key
		assertThat(doc.get("paths").get("/api/v1/auth/token").get("post").get("security").size()).isZero();
		assertThat(doc.get("paths").get("/api/v1/exchange/partner/12345/orders").get("post").get("security").get(0).has("partnerKey"))
			.isTrue();
	}

}
