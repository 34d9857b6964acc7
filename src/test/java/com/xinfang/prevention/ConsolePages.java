package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's pages as a browser without a browser uses them (for the page tests of this
 * package): a staff log-in with its session cookie, a page asked for as HTML, and a form posted
 * with the CSRF token of the page that carries it.
 */
final class ConsolePages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private ConsolePages() {
	}

	static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** A session of a demo staff account (password Demo@2026), redirects not followed. */
	static HttpClient logIn(int port, String username) throws Exception {
		var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
		String page = get(port, browser, "/console/login").body();
		var csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "portal=staff&username=" + username + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8) + "&_csrf="
				+ csrf.group(1);
		var login = browser.send(HttpRequest.newBuilder(uri(port, "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return browser;
	}

	static HttpResponse<String> get(int port, HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The form's fields posted to {@code action} with the CSRF token of {@code tokenPage}. */
	static HttpResponse<String> post(int port, HttpClient browser, String tokenPage, String action, Map<String, String> fields)
			throws Exception {
		String page = get(port, browser, tokenPage).body();
		var csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("a CSRF token on " + tokenPage).isTrue();
		var all = new LinkedHashMap<String, String>(fields);
		all.put("_csrf", csrf.group(1));
		String body = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(uri(port, action)).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
