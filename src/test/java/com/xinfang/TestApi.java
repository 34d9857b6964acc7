package com.xinfang;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API, as a mobile app or the 12345 bridge would call it. */
public final class TestApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public TestApi(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, JsonNode body, String contentType) {
	}

	public String token(String username, String password) {
		Response r = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new AssertionError("login failed for " + username + ": " + r);
		}
		return r.body().get("accessToken").asString();
	}

	public Response get(String path, String token) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return send(builder.build());
	}

	public byte[] bytes(String path, String token) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		try {
			var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET " + path + " -> " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The text of a PDF, as a reader would copy it. */
	public static String pdfText(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			// lines are joined: a Chinese word may be broken across two lines
			return new PDFTextStripper().getText(doc).replaceAll("\\s*\\R\\s*", "");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Response post(String path, String token, Object body) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return send(builder.build());
	}

	private Response send(HttpRequest request) {
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String text = response.body();
			JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
			return new Response(response.statusCode(), node, response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
