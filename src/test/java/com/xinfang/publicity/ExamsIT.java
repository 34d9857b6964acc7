package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.MovableClock;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Staff exams on a clock moved by hand: the server hands in a paper when time runs out, resits, who sees which results. */
@IntegrationTest
class ExamsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QuestionBank bank;

	@Autowired
	PublicityAccess access;

	@Autowired
	Certificates certificates;

	@Autowired
	Directory directory;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Accounts accounts;

	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	Actor staff(String username) {
		return accounts.actorByUsername(username).orElseThrow();
	}

	Map<Long, String> right(Exams exams, Exams.Attempt a) {
		Map<Long, String> m = new HashMap<>();
		for (Question q : exams.paper(a)) {
			m.put(q.id(), q.type() == QuestionType.FILL ? q.answer().split("\\|")[0] : q.answer());
		}
		return m;
	}

	@Test
	void anAttemptIsHandedInByTheServerWhenTimeRunsOutAndAFailedPersonMayResitUntilTheyPass() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-02T01:00:00Z"));
		Exams exams = new Exams(jdbc, bank, access, certificates, directory, json, tx, clock);
		Actor bureau = staff("city.registrar");
		Actor officer = staff("hr.officer");
		OffsetDateTime opens = OffsetDateTime.parse("2026-11-02T00:00:00Z");
		long examId = inTx(() -> exams.create(new Exams.ExamForm("条例测试（自动交卷）", false, List.of(), List.of(4, 0, 6, 0), List.of(10, 10, 10, 10),
				opens, opens.plusDays(3), 20, 60, 2), bureau));

		long first = inTx(() -> exams.start(examId, officer));
		assertThat(inTx(() -> exams.start(examId, officer))).isEqualTo(first);
		Exams.Attempt a = inTx(() -> exams.view(first, officer));
		Map<Long, String> right = right(exams, a);
		// two right answers saved in the first minute, then nothing: the time runs out
		clock.advance(Duration.ofMinutes(1));
		right.entrySet().stream().limit(2).forEach(e -> inTx(() -> {
			exams.answer(first, e.getKey(), e.getValue(), officer);
			return null;
		}));
		clock.advance(Duration.ofMinutes(25));
		assertThat(inTx(exams::sweep)).isGreaterThanOrEqualTo(1);
		Exams.Attempt done = inTx(() -> exams.view(first, officer));
		assertThat(done.open()).isFalse();
		assertThat(done.autoSubmitted()).isTrue();
		assertThat(done.score()).isEqualTo(20);
		assertThat(done.passed()).isFalse();
		assertThat(done.submittedAt().toInstant()).isEqualTo(Instant.parse("2026-11-02T01:20:00Z"));
		// a late hand-in changes nothing
		assertThatThrownBy(() -> inTx(() -> exams.submit(first, right, officer))).isInstanceOf(DomainException.Conflict.class);

		// the resit: all right, in time
		long second = inTx(() -> exams.start(examId, officer));
		assertThat(second).isNotEqualTo(first);
		Exams.Attempt resit = inTx(() -> exams.view(second, officer));
		clock.advance(Duration.ofMinutes(5));
		Exams.Attempt passed = inTx(() -> exams.submit(second, right(exams, resit), officer));
		assertThat(passed.autoSubmitted()).isFalse();
		assertThat(passed.score()).isEqualTo(100);
		assertThat(passed.passed()).isTrue();
		assertThatThrownBy(() -> inTx(() -> exams.start(examId, officer))).isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("已通过");
		Certificates.Certificate cert = inTx(() -> exams.certificate(second, officer));
		assertThat(certificates.find(cert.number())).isPresent();
		assertThat(cert.holder()).contains("刘承办").contains("市人力资源和社会保障局");
		assertThatThrownBy(() -> inTx(() -> exams.certificate(first, officer))).isInstanceOf(DomainException.Conflict.class);
		// someone else's attempt does not exist for them
		assertThatThrownBy(() -> inTx(() -> exams.view(second, staff("hr.head")))).isInstanceOf(DomainException.NotFound.class);
	}

	@Test
	void attemptsAreLimitedAndTheWindowIsKept() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-10T01:00:00Z"));
		Exams exams = new Exams(jdbc, bank, access, certificates, directory, json, tx, clock);
		Actor bureau = staff("city.registrar");
		Actor head = staff("housing.head");
		OffsetDateTime opens = OffsetDateTime.parse("2026-11-10T02:00:00Z");
		long examId = inTx(() -> exams.create(new Exams.ExamForm("一次机会", false, List.of(), List.of(2, 0, 0, 0), List.of(50, 5, 5, 5), opens,
				opens.plusHours(2), 60, 100, 1), bureau));
		assertThatThrownBy(() -> inTx(() -> exams.start(examId, head))).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("尚未开始");
		clock.advance(Duration.ofMinutes(90)); // 02:30: 60 minutes end at 03:30, before the window closes at 04:00
		long id = inTx(() -> exams.start(examId, head));
		assertThat(inTx(() -> exams.view(id, head)).deadlineAt().toInstant()).isEqualTo(Instant.parse("2026-11-10T03:30:00Z"));
		inTx(() -> exams.submit(id, Map.of(), head));
		assertThatThrownBy(() -> inTx(() -> exams.start(examId, head))).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("次数已用完");
		// invalid exams are refused with every problem named
		assertThatThrownBy(() -> inTx(() -> exams.create(new Exams.ExamForm("", false, List.of(), List.of(0, 0, 0, 0), List.of(5, 5, 5, 5), opens,
				opens.minusHours(1), 0, 0, 9), bureau))).isInstanceOfSatisfying(DomainException.Invalid.class,
						ex -> assertThat(ex.problems()).extracting(DomainException.FieldProblem::field)
							.contains("title", "closesAt", "durationMinutes", "maxAttempts", "counts"));
		assertThatThrownBy(() -> inTx(() -> exams.create(new Exams.ExamForm("非信访局", false, List.of(), List.of(1, 0, 0, 0), List.of(5, 5, 5, 5),
				opens, opens.plusHours(1), 10, 5, 1), head))).isInstanceOf(DomainException.Forbidden.class);
	}

	@Test
	void onlyStaffSitAndEachSeesTheResultsOfTheirScopeWithTheShareThatPassed() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-20T01:00:00Z"));
		Exams exams = new Exams(jdbc, bank, access, certificates, directory, json, tx, clock);
		OffsetDateTime opens = OffsetDateTime.parse("2026-11-20T00:00:00Z");
		long examId = inTx(() -> exams.create(new Exams.ExamForm("范围测试", false, List.of(), List.of(1, 0, 1, 0), List.of(50, 5, 50, 5), opens,
				opens.plusDays(1), 10, 50, 1), staff("city.registrar")));
		Actor citizen = accounts.actorByPhone("13800000001").orElseThrow();
		assertThatThrownBy(() -> inTx(() -> exams.start(examId, citizen))).isInstanceOf(DomainException.Forbidden.class);
		for (String u : List.of("hr.officer", "hr.head")) {
			Actor a = staff(u);
			long id = inTx(() -> exams.start(examId, a));
			Exams.Attempt at = inTx(() -> exams.view(id, a));
			inTx(() -> exams.submit(id, u.equals("hr.head") ? right(exams, at) : Map.of(), a));
		}
		Exams.Results city = inTx(() -> exams.results(examId, staff("city.registrar")));
		long allStaff = jdbc.sql("SELECT count(*) FROM app_user WHERE kind = 'STAFF' AND enabled AND unit_code IS NOT NULL").query(Long.class).single();
		assertThat(city.staff()).isEqualTo(allStaff);
		assertThat(city.passed()).isEqualTo(1);
		assertThat(city.passRate()).isEqualTo(1.0 / allStaff);
		Exams.Results unit = inTx(() -> exams.results(examId, staff("hr.head")));
		assertThat(unit.people()).extracting(Exams.PersonResult::unitCode).containsOnly("CD-HRSS");
		assertThat(unit.units()).singleElement().satisfies(u -> {
			assertThat(u.staff()).isEqualTo(2);
			assertThat(u.sat()).isEqualTo(2);
			assertThat(u.passed()).isEqualTo(1);
			assertThat(u.passRate()).isEqualTo(0.5);
		});
		Exams.Results self = inTx(() -> exams.results(examId, staff("hr.officer")));
		assertThat(self.people()).singleElement().extracting(Exams.PersonResult::name).isEqualTo("刘承办");
		Exams.Results county = inTx(() -> exams.results(examId, staff("wuling.registrar")));
		// every unit of 武陵区 (the county bureau sees its county, grid and mediation staff too), none of the city's
		assertThat(county.people()).extracting(Exams.PersonResult::unitCode).allMatch(c -> c.startsWith("WL-"));
	}

	@Test
	void readingAMaterialIsRecordedOncePerPerson() {
		Exams exams = new Exams(jdbc, bank, access, certificates, directory, json, tx, new MovableClock(Instant.parse("2026-11-21T01:00:00Z")));
		long id = inTx(() -> exams.addMaterial("《信访工作条例》第四章导读", "第四章规定了信访事项的办理……", "《信访工作条例》", staff("city.registrar")));
		inTx(() -> exams.read(id, staff("hr.officer")));
		inTx(() -> exams.read(id, staff("hr.officer")));
		Exams.Material m = inTx(() -> exams.read(id, staff("hr.head")));
		assertThat(m.readers()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT reads FROM study_reading WHERE material_id = ? AND user_id = ?").params(id, staff("hr.officer").userId())
			.query(Integer.class).single()).isEqualTo(2);
		assertThatThrownBy(() -> inTx(() -> exams.read(id, accounts.actorByPhone("13800000001").orElseThrow())))
			.isInstanceOf(DomainException.Forbidden.class);
	}

}
