package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.platform.BeijingTime;
import com.xinfang.privacy.IdNumber;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console pages of prevention and of 访调结合 render for the people they are for (and not for others). */
@IntegrationTest
class PreventionPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	HttpClient logIn(String username) throws Exception {
		var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(uri("/console/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "portal=staff&username=" + username + "&password=" + URLEncoder.encode("Demo@2026", StandardCharsets.UTF_8) + "&_csrf="
				+ csrf.group(1);
		var login = browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return browser;
	}

	HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void thePagesRenderForThePeopleTheyAreFor() throws Exception {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43070219720202345");
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("房屋漏水物业不修", "再次反映房屋漏水")) {
			var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，物业公司推诿，多次反映未果，请求督促维修。", "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "郑玉兰", "idNumber", id))));
			numbers.add(r.body().get("number").asString());
		}
		var kp = api.post("/api/v1/key-persons", registrar, Map.of("name", "郑玉兰", "countyCode", "430702", "basis", "REPEATED_PETITIONS",
				"basisRefs", numbers, "reason", "房屋漏水问题多次信访未解决，情绪激动。", "leaderUsername", "leader", "gridWorkerUsername",
				"grid.worker", "followUpDays", 10, "reviewOn", LocalDate.now(BeijingTime.ZONE).plusMonths(2).toString()));
		assertThat(kp.status()).isEqualTo(201);
		long kpId = kp.body().get("id").asLong();

		var bureau = logIn("wuling.registrar");
		var list = get(bureau, "/console/key-persons");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("重点人员包案", "郑玉兰", "不是监控");
		var detail = get(bureau, "/console/key-persons/" + kpId);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("记录走访", "每10天");
		assertThat(get(bureau, "/console/decisions").statusCode()).isEqualTo(200);
		var villages = get(logIn("wuling.center"), "/console/prevention/villages?county=430702&year=2025");
		assertThat(villages.statusCode()).isEqualTo(200);
		assertThat(villages.body()).contains("紫桥社区", "一票否决");
		// a township's 矛调中心 does not know the key person
		assertThat(get(logIn("czh.center"), "/console/key-persons/" + kpId).statusCode()).isEqualTo(404);

		// 访调结合: the handling unit's form from the case page
		String reviewer = api.token("city.reviewer", "Demo@2026");
		String n = numbers.get(0);
		act(api, registrar, reviewer, n, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收")));
		act(api, api.token("hr.officer", "Demo@2026"), reviewer, n, Map.of("action", "ACCEPT"));
		var officer = logIn("hr.officer");
		assertThat(get(officer, "/console/petitions/" + n).body()).contains("/console/petitions/" + n + "/mediation");
		var form = get(officer, "/console/petitions/" + n + "/mediation");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("访调结合", "穿紫河街道人民调解委员会");
	}

	void act(TestApi api, String token, String reader, String number, Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.put("version", api.get("/api/v1/petitions/" + number, reader).body().get("version").asInt());
		assertThat(api.post("/api/v1/petitions/" + number + "/actions", token, body).status()).isEqualTo(200);
	}

}
