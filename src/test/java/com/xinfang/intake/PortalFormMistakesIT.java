package com.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.petition.AttachmentSafetyTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen's mistakes on the 我要信访 form come back on the form, in Chinese, with what was typed
 * kept and nothing stored: the 承诺 box not ticked, a file over 10 MB, a picture too large.
 */
@IntegrationTest
class PortalFormMistakesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private HttpClient browser;

	private String csrf;

	@BeforeEach
	void logInAsTheDemoCitizen() throws Exception {
		browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
		csrf = csrf(get("/login").body());
		var login = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "198.51.100.77")
			.POST(HttpRequest.BodyPublishers.ofString("portal=citizen&username=13800000001&password="
					+ URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8) + "&_csrf=" + csrf))
			.build());
		assertThat(login.statusCode()).isEqualTo(302);
		csrf = csrf(get("/petition/new").body());
	}

	@Test
	void withoutThePromiseTheFormComesBackWithTheMessageAndTheText() throws Exception {
		long before = count();
		var r = submit(Map.of("title", "小区路灯坏了半年", "content", "小区门口路灯坏了半年无人维修，晚上出行很不方便。", "county", "430702"),
				null, null);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(r.body()).contains("请确认所反映的情况真实").contains("小区路灯坏了半年").contains("晚上出行很不方便")
			.doesNotContain("Invalid request content");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFileOverTheLimitIsAMessageOnTheFormNotABare413() throws Exception {
		long before = count();
		byte[] big = new byte[11 * 1024 * 1024];
		big[0] = '%';
		big[1] = 'P';
		big[2] = 'D';
		big[3] = 'F';
		var r = submit(Map.of("title", "噪音扰民", "content", "楼下商铺每晚播放音乐到深夜，严重影响休息。", "county", "430702",
				"truthful", "true"), "录音截图.pdf", big);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("超过10MB").contains("噪音扰民").contains("严重影响休息");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aPictureTooLargeToShowIsAMessageOnTheForm() throws Exception {
		long before = count();
		var r = submit(Map.of("title", "违章搭建", "content", "邻居在楼顶违章搭建彩钢房，存在安全隐患。", "county", "430702", "truthful",
				"true"), "现场.png", AttachmentSafetyTestSupport.pngHeader(20_000, 20_000));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("尺寸过大").contains("违章搭建");
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
	}

	private HttpResponse<String> submit(Map<String, String> fields, String fileName, byte[] file) throws IOException {
		String boundary = "----xf" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		for (var e : all.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		if (file != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(file);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/petition/new"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private static String csrf(String html) {
		var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
