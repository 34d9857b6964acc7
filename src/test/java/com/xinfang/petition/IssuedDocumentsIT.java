package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.documents.DocumentNumber;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.PersonalDataCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The documents the acts issue, as a clerk and a petitioner get them: the issuing body's full
 * name, its own 发文字号 in sequence, the request quoted in full; and the public query's links,
 * which download as listed and only as listed.
 */
@IntegrationTest
class IssuedDocumentsIT {

	@Autowired
	Clock clock;

	/** The application's clock: the links it checks are timed on it. */
	@Autowired
	Clock appClock;

	/** Longer than the 200 and 300 characters the opinion and the slip used to keep. */
	static final String CONTENT = "本人于2024年3月至2025年10月在常德某建筑劳务有限公司承建的武陵区丹阳街道安置房项目务工，担任钢筋班组长，"
			+ "公司按月记工但一直未足额发放工资，累计拖欠工资四万六千八百元，另有加班费和高温补贴未按规定发放。本人多次找项目部和公司负责人协商，"
			+ "对方均以总承包单位未拨付工程款为由推脱，并称工程结算后再付。2025年11月本人向劳动保障监察大队投诉，至今未收到处理结果。"
			+ "请求：一、责令公司足额支付拖欠的工资四万六千八百元；二、按规定补发加班费和高温补贴；三、对总承包单位未按规定落实工资专用账户和"
			+ "工资保证金制度的问题依法查处；四、将处理结果书面告知本人。以上请求按规定补发到位为盼。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	TestApi api;

	String registrar;

	String officer;

	String head;

	String reviewer;

	@BeforeEach
	void logIn() {
		api = new TestApi(port);
		registrar = api.token("city.registrar", "Demo@2026");
		officer = api.token("hr.officer", "Demo@2026");
		head = api.token("hr.head", "Demo@2026");
		reviewer = api.token("city.reviewer", "Demo@2026");
	}

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	record Matter(String number, String queryCode) {
	}

	Matter register(String idPrefix17, String title, String content) {
		var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "LETTER", "regionCode", "430702002", "title", title,
				"content", content, "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "COMPLEX", "petitioners",
				List.of(Map.of("name", "向德成", "idNumber", IdNumber.withCheckCharacter(idPrefix17)))));
		assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
		return new Matter(r.body().get("number").asString(), r.body().get("queryCode").asString());
	}

	void act(String token, String number, Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.put("version", api.get("/api/v1/petitions/" + number, reviewer).body().get("version").asInt());
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, body);
		assertThat(r.status()).as(fields + " -> " + r.body()).isEqualTo(200);
	}

	/** Through to the approved 处理意见书. */
	Matter repliedByHr(String idPrefix17, String title, String content) {
		Matter m = register(idPrefix17, title, content);
		act(registrar, m.number(), Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
				Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收")));
		act(officer, m.number(), Map.of("action", "ACCEPT"));
		act(officer, m.number(), Map.of("action", "REPLY", "result", "SUPPORT", "opinion", "经调查核实，情况属实，已责令该公司于十日内足额支付拖欠工资。"));
		act(head, m.number(), Map.of("action", "APPROVE", "note", "同意"));
		return m;
	}

	/** The staff's list of the matter's documents: short name → PDF text. */
	Map<String, String> documents(String number) {
		Map<String, String> texts = new HashMap<>();
		for (JsonNode d : api.get("/api/v1/petitions/" + number + "/documents", reviewer).body()) {
			String name = d.get("name").asString();
			String kind = name.replaceAll("^[^_]+_([^_]+)_.*$", "$1");
			byte[] pdf = api.bytes(d.get("url").asString(), reviewer);
			write(name, pdf);
			texts.put(kind, TestApi.pdfText(pdf));
		}
		return texts;
	}

	/** Kept under target/documents to look at. */
	static void write(String name, byte[] pdf) {
		try {
			Files.createDirectories(Path.of("target", "documents"));
			Files.write(Path.of("target", "documents", "it_" + name), pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The HTTP status of a GET without login, whatever the body. */
	int status(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static DocumentNumber numberIn(String text, String agencyCode) {
		var m = Pattern.compile(Pattern.quote(agencyCode) + "〔\\d{4}〕[1-9]\\d*号").matcher(text);
		assertThat(m.find()).as("a 发文字号 of %s in %s", agencyCode, text).isTrue();
		return DocumentNumber.parse(m.group()).orElseThrow();
	}

	@Test
	void eachDocumentIsIssuedUnderTheFullNameWithItsOwnNumberAndQuotesTheRequestInFull() {
		Matter m = repliedByHr("43070219820517531", "建筑劳务公司拖欠钢筋班组工资四万余元", CONTENT);
		Map<String, String> docs = documents(m.number());
		assertThat(docs).containsKeys("转送单", "受理告知书", "处理意见书");

		String slip = docs.get("转送单");
		assertThat(slip).startsWith("常德市信访局信访事项转送单").contains("常德市人力资源和社会保障局：")
			.doesNotContain("〔2026〕第" + m.number());
		numberIn(slip, "常信访");
		assertThat(slip.replaceAll("\\s", "")).contains(CONTENT.replaceAll("\\s", ""));

		String notice = docs.get("受理告知书");
		String opinion = docs.get("处理意见书");
		assertThat(notice).startsWith("常德市人力资源和社会保障局信访事项受理告知书");
		assertThat(opinion).startsWith("常德市人力资源和社会保障局信访事项处理意见书")
			.contains("一、信访请求" + CONTENT)
			.doesNotContain(CONTENT.substring(0, 200) + "…")
			.contains("常德市人力资源和社会保障局" + LocalDate.now(clock)
				.format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
		DocumentNumber accepted = numberIn(notice, "常人社信");
		DocumentNumber replied = numberIn(opinion, "常人社信");
		assertThat(replied.year()).isEqualTo(accepted.year());
		assertThat(replied.sequence()).as("the unit's next number, no gap").isEqualTo(accepted.sequence() + 1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM petition_document d JOIN petition p ON p.id = d.petition_id
				WHERE p.number = ? AND d.document_number IS NOT NULL""").param(m.number()).query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void theListedDocumentLinksDownloadAsGivenAndOnlyForTheirOwnMatter() {
		Matter m = repliedByHr("43070219850923662", "劳务公司拖欠钢筋工工资未结清", "在某劳务公司做钢筋工拖欠工资一万二千元，请求督促支付。");
		Matter other = repliedByHr("43070219900101873", "装修公司拖欠油漆工工资", "在某装修公司做油漆工被拖欠工资八千元，多次讨要未果，请求处理。");

		var pub = api.get("/api/v1/public/petitions/" + m.number() + "?queryCode=" + m.queryCode(), null).body();
		String url = null;
		for (JsonNode d : pub.get("documents")) {
			if (d.get("name").asString().contains("处理意见书")) {
				url = d.get("url").asString();
			}
		}
		assertThat(url).isNotNull().doesNotContain(m.queryCode()).doesNotContain("queryCode");
		// as given: no code appended by hand
		assertThat(TestApi.pdfText(api.bytes(url, null))).contains("信访事项处理意见书").contains(m.number());
		assertThat(status(url)).isEqualTo(200);

		String tampered = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
		assertThat(status(tampered)).isEqualTo(404);
		String noToken = url.substring(0, url.lastIndexOf('/'));
		assertThat(status(noToken)).as("the bare URL still needs the code").isEqualTo(404);

		long id = Long.parseLong(url.replaceAll("^.*/documents/(\\d+)/.*$", "$1"));
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(status("/api/v1/public/petitions/" + other.number() + "/documents/" + id + "/" + token))
			.as("the link on another matter's number").isEqualTo(404);
		// even a genuine signature for another matter's number and this document finds nothing
		var links = new PublicDocumentLinks(cipher, appClock);
		assertThat(status(links.url(other.number(), id))).isEqualTo(404);
		long otherId = jdbc.sql("""
				SELECT d.id FROM petition_document d JOIN petition p ON p.id = d.petition_id
				WHERE p.number = ? AND NOT d.public""").param(other.number()).query(Long.class).list().get(0);
		assertThat(status(links.url(other.number(), otherId))).as("an internal slip is never public").isEqualTo(404);

		// expired: a link made more than its validity ago
		var past = new PublicDocumentLinks(cipher, Clock.offset(appClock,
				PublicDocumentLinks.VALIDITY.plus(Duration.ofMinutes(1)).negated()));
		assertThat(status(past.url(m.number(), id))).isEqualTo(404);
		var fresh = new PublicDocumentLinks(cipher, appClock);
		assertThat(status(fresh.url(m.number(), id))).isEqualTo(200);
	}

}
