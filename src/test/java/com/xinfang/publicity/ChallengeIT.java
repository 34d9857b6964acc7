package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.identity.VerificationCodes;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.PersonalDataCipher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public challenge against the real database: what the browser gets, what a forged or repeated
 * submission gets, the server's clock (moved by hand), the daily cap, the leaderboard's order,
 * certificates, and the bank's Excel import.
 */
@IntegrationTest
class ChallengeIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QuestionBank bank;

	@Autowired
	Leaderboard leaderboard;

	@Autowired
	Certificates certificates;

	@Autowired
	VerificationCodes codes;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	PublicityAccess access;

	/** The challenge on a clock of the test's own, with a cap of 3 rounds a day and 8 an hour per address. */
	Challenge challengeAt(MovableClock clock) {
		QuizProperties props = new QuizProperties(4, 2, 3, 1, Duration.ofMinutes(5), Duration.ofSeconds(3), 3, 8, 10, 80, 2);
		return new Challenge(jdbc, bank, leaderboard, new RateLimits(jdbc, clock), codes, cipher, directory, props, json, clock, tx);
	}

	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	static String visitor() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static String address() {
		return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	Map<Long, String> rightAnswers(List<Challenge.PlayQuestion> qs) {
		Map<Long, String> a = new HashMap<>();
		for (Question q : bank.byIds(qs.stream().map(Challenge.PlayQuestion::id).toList())) {
			a.put(q.id(), q.type() == QuestionType.FILL ? q.answer().split("\\|")[0] : q.answer());
		}
		return a;
	}

	@Test
	void theBrowserGetsNoAnswersAndForgedExtraOrRepeatedSubmissionsAreRefused() {
		var api = new TestApi(port);
		var started = api.post("/api/v1/public/quiz/rounds", null, Map.of());
		assertThat(started.status()).isEqualTo(201);
		String body = started.body().toString();
		assertThat(body).doesNotContain("answer").doesNotContain("explanation").doesNotContain("basis");
		String token = started.body().get("token").asString();
		List<Long> ids = new ArrayList<>();
		started.body().get("questions").forEach(q -> ids.add(q.get("id").asLong()));
		assertThat(ids).hasSize(10);
		Map<Long, String> right = new HashMap<>();
		bank.byIds(ids).forEach(q -> right.put(q.id(), q.type() == QuestionType.FILL ? q.answer().split("\\|")[0] : q.answer()));

		// a question that is not the round's: refused, nothing stored, the round stays open
		long foreign = jdbc.sql("SELECT id FROM quiz_question WHERE NOT (id = ANY(?)) LIMIT 1").param(ids.toArray(Long[]::new)).query(Long.class).single();
		Map<String, Object> extra = new HashMap<>();
		right.forEach((k, v) -> extra.put(k.toString(), v));
		extra.put(Long.toString(foreign), "A");
		var refused = api.post("/api/v1/public/quiz/rounds/" + token + "/submit", null, Map.of("answers", extra));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asString()).contains("不属于本轮");
		assertThat(api.get("/api/v1/public/quiz/rounds/" + token + "/result", null).status()).isEqualTo(409);

		// an answer that cannot be an answer to the question (a letter beyond its options)
		long single = bank.byIds(ids).stream().filter(q -> q.type() == QuestionType.SINGLE).findFirst().orElseThrow().id();
		Map<String, Object> forged = new HashMap<>();
		forged.put(Long.toString(single), "Z");
		assertThat(api.post("/api/v1/public/quiz/rounds/" + token + "/submit", null, Map.of("answers", forged)).status()).isEqualTo(400);

		// a made-up round
		assertThat(api.post("/api/v1/public/quiz/rounds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/submit", null, Map.of("answers", Map.of())).status())
			.isEqualTo(404);

		Map<String, Object> honest = new HashMap<>();
		right.forEach((k, v) -> honest.put(k.toString(), v));
		var scored = api.post("/api/v1/public/quiz/rounds/" + token + "/submit", null, Map.of("answers", honest));
		assertThat(scored.status()).isEqualTo(200);
		assertThat(scored.body().get("score").asInt()).isEqualTo(100);
		assertThat(scored.body().get("items").get(0).get("explanation").asString()).isNotBlank();
		assertThat(scored.body().get("items").get(0).get("basis").asString()).startsWith("《信访工作条例》");
		// all right within a second: flagged for review, kept off the leaderboard
		assertThat(scored.body().get("flagged").asBoolean()).isTrue();

		// replayed: refused
		var replay = api.post("/api/v1/public/quiz/rounds/" + token + "/submit", null, Map.of("answers", honest));
		assertThat(replay.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/public/quiz/rounds/" + token + "/answers/" + single, null, Map.of("answer", "A")).status())
			.isIn(405, 409);
	}

	@Test
	void theServersClockDecidesWhatCountsAndALateSubmissionCountsOnlyWhatArrivedInTime() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-01T02:00:00Z"));
		Challenge c = challengeAt(clock);
		Challenge.Started s = inTx(() -> c.start(visitor(), address(), null));
		assertThat(s.secondsLeft()).isEqualTo(300);
		Map<Long, String> right = rightAnswers(s.questions());
		Challenge.PlayQuestion first = s.questions().get(0);
		Challenge.PlayQuestion second = s.questions().get(1);

		clock.advance(Duration.ofSeconds(40));
		inTx(() -> {
			c.answer(s.token(), first.id(), right.get(first.id()));
			return null;
		});
		clock.advance(Duration.ofSeconds(262)); // 302 s: inside the 3 s allowance
		inTx(() -> {
			c.answer(s.token(), second.id(), right.get(second.id()));
			return null;
		});
		clock.advance(Duration.ofSeconds(30)); // well past the limit
		assertThatThrownBy(() -> inTx(() -> {
			c.answer(s.token(), s.questions().get(2).id(), right.get(s.questions().get(2).id()));
			return null;
		})).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("时间已到");

		Challenge.Result r = inTx(() -> c.submit(s.token(), right)); // every answer right, but late
		assertThat(r.late()).isTrue();
		assertThat(r.correct()).isEqualTo(2);
		assertThat(r.score()).isEqualTo(20);
		assertThat(r.durationMs()).isEqualTo(300_000); // the time taken stops at the limit
		assertThat(r.flagged()).isFalse();
	}

	@Test
	void roundsAreCappedPerBrowserPerDayAndPerAddressPerHour() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-02T03:00:00Z"));
		Challenge c = challengeAt(clock);
		String me = visitor();
		String addr = address();
		for (int i = 0; i < 3; i++) {
			inTx(() -> c.start(me, addr, null));
		}
		assertThatThrownBy(() -> inTx(() -> c.start(me, addr, null))).isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("3次挑战机会已用完");
		// the next Beijing day starts at 16:00 UTC
		clock.advance(Duration.ofHours(13));
		inTx(() -> c.start(me, addr, null));
		// one address, many browsers: 8 rounds an hour
		String busy = address();
		for (int i = 0; i < 8; i++) {
			inTx(() -> c.start(visitor(), busy, null));
		}
		assertThatThrownBy(() -> inTx(() -> c.start(visitor(), busy, null))).isInstanceOf(DomainException.Throttled.class);
	}

	String player(String phone, String nickname, String county) {
		String token = Tokens.fresh();
		jdbc.sql("INSERT INTO quiz_player (token_hash, phone_index, phone_mask, nickname, county_code, verified_at, expires_at) VALUES (?,?,?,?,?,now(),now() + interval '1 day')")
			.params(Tokens.hash(token), cipher.blindIndex("phone", phone), Masking.phone(phone), nickname, county)
			.update();
		return token;
	}

	@Test
	void aVerifiedPhoneIsCappedTooAndItsBestRoundIsOnTheLeaderboardByScoreThenTime() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-03T01:00:00Z"));
		Challenge c = challengeAt(clock);
		String fast = player("13900000101", "快手", "430702");
		String slow = player("13900000102", "慢工", "430703");
		String low = player("13900000103", "低分", "430702");
		// slow: all right in 4 minutes; fast: all right in 2 minutes; low: half right in 1 minute
		Challenge.Started s1 = inTx(() -> c.start(visitor(), address(), slow));
		Challenge.Started s2 = inTx(() -> c.start(visitor(), address(), fast));
		Challenge.Started s3 = inTx(() -> c.start(visitor(), address(), low));
		clock.advance(Duration.ofMinutes(1));
		Map<Long, String> half = new HashMap<>();
		rightAnswers(s3.questions()).entrySet().stream().limit(5).forEach(e -> half.put(e.getKey(), e.getValue()));
		inTx(() -> c.submit(s3.token(), half));
		clock.advance(Duration.ofMinutes(1));
		inTx(() -> c.submit(s2.token(), rightAnswers(s2.questions())));
		clock.advance(Duration.ofMinutes(2));
		inTx(() -> c.submit(s1.token(), rightAnswers(s1.questions())));
		// fast plays again and does worse: the board keeps the best round
		Challenge.Started again = inTx(() -> c.start(visitor(), address(), fast));
		clock.advance(Duration.ofMinutes(1));
		inTx(() -> c.submit(again.token(), Map.of()));

		List<Leaderboard.Entry> day = leaderboard.top(Leaderboard.day(LocalDate.of(2026, 12, 3)), null, 10);
		assertThat(day).extracting(Leaderboard.Entry::nickname).containsExactly("快手", "慢工", "低分");
		assertThat(day.get(0).phoneMask()).isEqualTo("139****0101");
		assertThat(day.get(0).score()).isEqualTo(100);
		assertThat(leaderboard.top(Leaderboard.day(LocalDate.of(2026, 12, 3)), "430702", 10))
			.extracting(Leaderboard.Entry::nickname).containsExactly("快手", "低分");
		// fast's third round of the day is the cap (3), on any browser
		inTx(() -> c.start(visitor(), address(), fast));
		assertThatThrownBy(() -> inTx(() -> c.start(visitor(), address(), fast))).isInstanceOf(DomainException.Conflict.class);
	}

	@Test
	void aClaimedPassingRoundGetsOneCertificateThatAnyoneCanVerify() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-04T02:00:00Z"));
		Challenge c = challengeAt(clock);
		Challenge.Started s = inTx(() -> c.start(visitor(), address(), null));
		clock.advance(Duration.ofMinutes(2));
		Challenge.Result anonymous = inTx(() -> c.submit(s.token(), rightAnswers(s.questions())));
		assertThat(anonymous.claimed()).isFalse();
		assertThat(anonymous.certificateEligible()).isFalse();
		assertThatThrownBy(() -> certificates.issueForRound(anonymous)).isInstanceOf(DomainException.Conflict.class);

		String p = player("13900000201", "证书人", "430721");
		Challenge.Result claimed = inTx(() -> c.claim(s.token(), p));
		assertThat(claimed.claimed()).isTrue();
		assertThat(claimed.certificateEligible()).isTrue();
		Certificates.Certificate cert = certificates.issueForRound(claimed);
		assertThat(certificates.issueForRound(inTx(() -> c.result(s.token()))).number()).isEqualTo(cert.number());
		assertThat(cert.number()).matches("XF\\d{4}-[A-Z0-9]{8}");

		var http = HttpClient.newHttpClient();
		String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quiz/certificates/" + cert.number())).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("真实有效").contains("证书人（139****0201）").contains(cert.number());
		String missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quiz/certificates/XF2026-22222222")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(missing).contains("未找到编号为 XF2026-22222222 的证书");
		var png = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quiz/certificates/" + cert.number() + ".png")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		var api = new TestApi(port);
		assertThat(api.get("/api/v1/public/quiz/certificates/" + cert.number(), null).body().get("holder").asString()).contains("证书人");
	}

	@Test
	void pageViewsAndDistinctVisitorsAreCountedPerDay() throws Exception {
		var http = HttpClient.newHttpClient();
		long before = jdbc.sql("SELECT coalesce(sum(views),0) FROM quiz_visit").query(Long.class).single();
		long visitorsBefore = jdbc.sql("SELECT count(*) FROM quiz_visit").query(Long.class).single();
		String v = visitor();
		for (int i = 0; i < 3; i++) {
			http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quiz")).header("Cookie", "xf_quiz_v=" + v).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quiz/leaderboard")).header("Cookie", "xf_quiz_v=" + visitor()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(jdbc.sql("SELECT coalesce(sum(views),0) FROM quiz_visit").query(Long.class).single()).isEqualTo(before + 4);
		assertThat(jdbc.sql("SELECT count(*) FROM quiz_visit").query(Long.class).single()).isEqualTo(visitorsBefore + 2);
	}

	@Test
	void anExcelFileWithBadRowsImportsNothingAndSaysWhichRowsAreWrong() throws Exception {
		var admin = Actor.class;
		var bureau = new Actor(1, "city.registrar", "李登记", Actor.Kind.STAFF, "CD-XFJ", "430700",
				Set.of(Role.REGISTRAR), DataScope.region("4307"));
		long before = jdbc.sql("SELECT count(*) FROM quiz_question").query(Long.class).single();
		byte[] bad = workbook(List.of(
				List.of("单选", "Excel导入测试题一", "甲", "乙", "丙", "", "B", "解析", "《信访工作条例》", "第十九条", "第三章", "中", "导入"),
				List.of("多选", "Excel导入测试题二", "甲", "乙", "", "", "A", "解析", "《信访工作条例》", "第十九条", "第三章", "中", ""),
				List.of("判断", "Excel导入测试题三", "", "", "", "", "也许", "", "《信访工作条例》", "第十九条", "第三章", "中", "")));
		QuestionSheet.Result r = bank.importExcel(new ByteArrayInputStream(bad), bureau);
		assertThat(r.ok()).isFalse();
		assertThat(r.errors()).hasSize(2);
		assertThat(r.errors().get(0)).startsWith("第3行：").contains("多选题至少有两个正确选项");
		assertThat(r.errors().get(1)).startsWith("第4行：").contains("判断题答案").contains("解析为空");
		assertThat(jdbc.sql("SELECT count(*) FROM quiz_question").query(Long.class).single()).isEqualTo(before);

		byte[] good = workbook(List.of(
				List.of("单选", "Excel导入测试题一", "甲", "乙", "丙", "", "B", "解析", "《信访工作条例》", "第十九条", "第三章", "中", "导入")));
		assertThat(bank.importExcel(new ByteArrayInputStream(good), bureau).ok()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM quiz_question").query(Long.class).single()).isEqualTo(before + 1);
		// the same file again: the stem is already in the bank
		assertThat(bank.importExcel(new ByteArrayInputStream(good), bureau).errors()).singleElement().asString().contains("题库中已有");
		var officer = new Actor(2, "hr.officer", "王承办", Actor.Kind.STAFF, "CD-HRSS", "430700",
				Set.of(Role.CASE_OFFICER), DataScope.unit("CD-HRSS"));
		assertThatThrownBy(() -> bank.importExcel(new ByteArrayInputStream(good), officer)).isInstanceOf(DomainException.Forbidden.class);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		bank.exportExcel(out);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(200);
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("题型");
		}
	}

	static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet();
			var header = sheet.createRow(0);
			for (int i = 0; i < QuestionSheet.HEADER.size(); i++) {
				header.createCell(i).setCellValue(QuestionSheet.HEADER.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(rows.get(r).get(i));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

}
