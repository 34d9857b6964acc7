package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.platform.TrustedProxies;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Login throttling by account however the phone is spelt; client addresses and HTTPS believed
 * only from a trusted proxy; API tokens ended by logout and by disabling the account (with its
 * sessions); the security headers on every answer.
 */
@IntegrationTest
class SessionsTokensAndHeadersIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void sixBadPasswordsBlockTheAccountHoweverThePhoneIsSpelt() {
		String from = "203.0.113.7";
		for (int i = 0; i < 6; i++) {
			assertThat(token("13800000001", "Wrong@2026", from).statusCode()).isEqualTo(401);
		}
		for (String spelling : new String[] { "13800000001", "138 0000 0001", "+8613800000001", "138-0000-0001", "+86 138 0000 0001" }) {
			var r = token(spelling, "Demo@2026", from);
			assertThat(r.statusCode()).as(spelling).isEqualTo(429);
			assertThat(body(r).get("detail").asString()).contains("分钟后再试");
		}
		// another client behind the same trusted proxy is not locked out by these typos
		assertThat(token("138 0000 0001", "Demo@2026", "203.0.113.8").statusCode()).isEqualTo(200);
	}

	@Test
	void forwardedHeadersCountOnlyFromATrustedProxy() {
		var proxies = new TrustedProxiesProbe("10.0.0.0/8, 192.168.1.5");
		assertThat(proxies.client("10.1.2.3", "198.51.100.1, 10.0.0.9")).isEqualTo("198.51.100.1");
		assertThat(proxies.client("192.168.1.6", "198.51.100.1")).as("not a trusted peer: header ignored").isEqualTo("192.168.1.6");
		assertThat(proxies.client("192.168.1.5", "198.51.100.66, 198.51.100.1")).as("right-most untrusted hop")
			.isEqualTo("198.51.100.1");
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysTheRequestWasHttps() throws Exception {
		var https = send(HttpRequest.newBuilder(uri("/console/login")).header("X-Forwarded-Proto", "https").GET().build());
		assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("Secure"));
		var plain = send(HttpRequest.newBuilder(uri("/console/login")).GET().build());
		assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
	}

	@Test
	void aTokenEndsAtLogout() {
		var api = new TestApi(port);
		String token = api.token("hr.officer", "Demo@2026");
		assertThat(api.get("/api/v1/petitions?size=1", token).status()).isEqualTo(200);
		assertThat(post("/api/v1/auth/logout", token, "{}").statusCode()).isEqualTo(204);
		var after = api.get("/api/v1/petitions?size=1", token);
		assertThat(after.status()).isEqualTo(401);
		String fresh = api.token("hr.officer", "Demo@2026");
		assertThat(api.get("/api/v1/petitions?size=1", fresh).status()).isEqualTo(200);
	}

	@Test
	void disablingAnAccountEndsItsTokensAndSessionsAndItsLogin() throws Exception {
		accounts.createStaff("it.leaving", "Leave@2026x", "离职人员", "CD-HRSS", EnumSet.of(Role.CASE_OFFICER));
		var api = new TestApi(port);
		String token = api.token("it.leaving", "Leave@2026x");
		var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(uri("/console/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "portal=staff&username=it.leaving&password=" + URLEncoder.encode("Leave@2026x", StandardCharsets.UTF_8)
				+ "&_csrf=" + csrf.group(1);
		var login = browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/console");
		assertThat(browser.send(HttpRequest.newBuilder(uri("/console")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);

		String citizen = api.token("13800000001", "Demo@2026");
		assertThat(post("/api/v1/admin/accounts/it.leaving/disable", citizen, "{}").statusCode()).isEqualTo(403);
		assertThat(post("/api/v1/admin/accounts/it.leaving/disable", api.token("admin", "Demo@2026"), "{}").statusCode())
			.isEqualTo(204);

		assertThat(api.get("/api/v1/petitions?size=1", token).status()).isEqualTo(401);
		var console = browser.send(HttpRequest.newBuilder(uri("/console")).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location").orElse("")).contains("/console/login");
		var again = token("it.leaving", "Leave@2026x", "203.0.113.20");
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(body(again).get("detail").asString()).contains("停用");
	}

	@Test
	void everyAnswerCarriesAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
		for (String path : new String[] { "/", "/console/login", "/query", "/api/v1/categories", "/no-such-page" }) {
			var r = send(HttpRequest.newBuilder(uri(path)).GET().build());
			String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).as(path).contains("script-src 'self'").contains("default-src 'self'").doesNotContain("unsafe-eval");
			assertThat(csp.replaceAll("style-src-attr [^;]*", "")).as(path).doesNotContain("unsafe-inline");
			assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
		}
	}

	@Test
	void thePagesHaveNoInlineScriptForThePolicyToBlock() throws Exception {
		for (String path : new String[] { "/", "/console/login", "/query", "/login" }) {
			String html = send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
			assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>")
				.doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("javascript:");
		}
	}

	private HttpResponse<String> token(String login, String password, String from) {
		return send(HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Content-Type", "application/json")
			.header("X-Forwarded-For", from)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", login, "password", password))))
			.build());
	}

	private HttpResponse<String> post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static JsonNode body(HttpResponse<String> r) {
		return JSON.readTree(r.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The proxy rule on its own, as a request from a given peer would meet it. */
	private record TrustedProxiesProbe(String config) {

		String client(String peer, String forwardedFor) {
			var request = new MockHttpServletRequest();
			request.setRemoteAddr(peer);
			request.addHeader("X-Forwarded-For", forwardedFor);
			var seen = new String[1];
			try {
				TrustedProxies.forTest(config)
					.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen[0] = req.getRemoteAddr());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return seen[0];
		}

	}

}
