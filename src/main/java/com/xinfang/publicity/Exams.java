package com.xinfang.publicity;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff law exams. A paper is fixed (the bureau picks the questions) or drawn per person by type
 * counts, each type with its points. An attempt is timed on the server: it ends at its duration or
 * when the exam's window closes, whichever is first, and an attempt whose time has run out is
 * submitted by the server itself (by a sweep every half minute, and at once when anyone looks at it),
 * counting the answers that arrived in time. A person may sit again (补考) up to the exam's number of
 * attempts until they pass. Only staff sit staff exams.
 */
@Service
public class Exams {

	static final Duration GRACE = Duration.ofSeconds(3);

	private final JdbcClient jdbc;

	private final QuestionBank bank;

	private final PublicityAccess access;

	private final Certificates certificates;

	private final Directory directory;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Exams(JdbcClient jdbc, QuestionBank bank, PublicityAccess access, Certificates certificates, Directory directory, JsonMapper json,
			TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.bank = bank;
		this.access = access;
		this.certificates = certificates;
		this.directory = directory;
		this.json = json;
		this.tx = tx;
		this.clock = clock;
	}

	public record Exam(long id, String title, String kind, List<Long> questionIds, List<Integer> counts, List<Integer> points,
			OffsetDateTime opensAt, OffsetDateTime closesAt, int durationMinutes, int passScore, int maxAttempts) {

		public int fullScore() {
			if ("FIXED".equals(kind)) {
				return -1; // depends on the paper's types; see Exams.fullScore
			}
			int s = 0;
			for (int i = 0; i < 4; i++) {
				s += counts.get(i) * points.get(i);
			}
			return s;
		}

		public int questionCount() {
			return "FIXED".equals(kind) ? questionIds.size() : counts.stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** What the bureau fills in to set an exam. */
	public record ExamForm(String title, boolean fixed, List<Long> questionIds, List<Integer> counts, List<Integer> points,
			OffsetDateTime opensAt, OffsetDateTime closesAt, Integer durationMinutes, Integer passScore, Integer maxAttempts) {
	}

	private static List<Long> longs(Array a) throws SQLException {
		return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
	}

	private static List<Integer> ints(Array a) throws SQLException {
		return a == null ? List.of() : Arrays.asList((Integer[]) a.getArray());
	}

	private static Exam exam(ResultSet rs, int n) throws SQLException {
		return new Exam(rs.getLong("id"), rs.getString("title"), rs.getString("kind"), longs(rs.getArray("question_ids")),
				ints(rs.getArray("counts")), ints(rs.getArray("points")), rs.getObject("opens_at", OffsetDateTime.class),
				rs.getObject("closes_at", OffsetDateTime.class), rs.getInt("duration_minutes"), rs.getInt("pass_score"),
				rs.getInt("max_attempts"));
	}

	static final List<QuestionType> ORDER = List.of(QuestionType.SINGLE, QuestionType.MULTI, QuestionType.JUDGE, QuestionType.FILL);

	private int fullScore(List<Question> paper, List<Integer> points) {
		return paper.stream().mapToInt(q -> points.get(ORDER.indexOf(q.type()))).sum();
	}

	@Transactional
	public long create(ExamForm f, Actor actor) {
		access.requireBankEditor(actor);
		List<DomainException.FieldProblem> problems = new ArrayList<>();
		if (f.title() == null || f.title().isBlank() || f.title().length() > 200) {
			problems.add(new DomainException.FieldProblem("title", "请填写考试名称（200字以内）"));
		}
		if (f.opensAt() == null || f.closesAt() == null || !f.closesAt().isAfter(f.opensAt())) {
			problems.add(new DomainException.FieldProblem("closesAt", "考试截止时间须晚于开始时间"));
		}
		if (f.durationMinutes() == null || f.durationMinutes() < 1 || f.durationMinutes() > 240) {
			problems.add(new DomainException.FieldProblem("durationMinutes", "答题时长应为1至240分钟"));
		}
		if (f.maxAttempts() == null || f.maxAttempts() < 1 || f.maxAttempts() > 5) {
			problems.add(new DomainException.FieldProblem("maxAttempts", "考试次数（含补考）应为1至5次"));
		}
		List<Integer> points = f.points() == null || f.points().size() != 4 ? List.of(0, 0, 0, 0) : f.points();
		if (points.stream().anyMatch(p -> p == null || p < 1 || p > 100)) {
			problems.add(new DomainException.FieldProblem("points", "每类题的分值应为1至100分"));
		}
		List<Integer> counts = f.counts() == null || f.counts().size() != 4 ? List.of(0, 0, 0, 0) : f.counts();
		int full = 0;
		if (f.fixed()) {
			List<Question> paper = f.questionIds() == null ? List.of() : bank.byIds(f.questionIds());
			if (paper.isEmpty() || paper.size() != f.questionIds().size()) {
				problems.add(new DomainException.FieldProblem("questionIds", "固定试卷须选择题库中存在的题目"));
			}
			else if (problems.isEmpty()) {
				full = fullScore(paper, points);
			}
			counts = List.of(0, 0, 0, 0);
		}
		else {
			if (counts.stream().anyMatch(c -> c == null || c < 0 || c > 100) || counts.stream().mapToInt(c -> c == null ? 0 : c).sum() == 0) {
				problems.add(new DomainException.FieldProblem("counts", "随机组卷须至少抽取一道题，每类不超过100道"));
			}
			else if (problems.isEmpty()) {
				for (int i = 0; i < 4; i++) {
					full += counts.get(i) * points.get(i);
				}
				try {
					bank.draw(spec(counts), random);
				}
				catch (DomainException.Conflict ex) {
					problems.add(new DomainException.FieldProblem("counts", ex.getMessage()));
				}
			}
		}
		if (f.passScore() == null || f.passScore() < 1 || (full > 0 && f.passScore() > full)) {
			problems.add(new DomainException.FieldProblem("passScore", "合格分数应在1分至满分（" + full + "分）之间"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		return jdbc.sql("""
				INSERT INTO exam (title, kind, question_ids, counts, points, opens_at, closes_at, duration_minutes, pass_score, max_attempts,
				  created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
			.params(f.title().strip(), f.fixed() ? "FIXED" : "DRAWN", (f.fixed() ? f.questionIds() : List.<Long>of()).toArray(Long[]::new),
					counts.toArray(Integer[]::new), points.toArray(Integer[]::new), f.opensAt(), f.closesAt(), f.durationMinutes(),
					f.passScore(), f.maxAttempts(), actor.userId(), now())
			.query(Long.class)
			.single();
	}

	private static DrawSpec spec(List<Integer> counts) {
		Map<QuestionType, Integer> m = new EnumMap<>(QuestionType.class);
		for (int i = 0; i < 4; i++) {
			m.put(ORDER.get(i), counts.get(i));
		}
		return new DrawSpec(m, null);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Transactional(readOnly = true)
	public Exam exam(long id) {
		return jdbc.sql("SELECT * FROM exam WHERE id = ?").param(id).query(Exams::exam).optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这场考试"));
	}

	@Transactional(readOnly = true)
	public List<Exam> exams() {
		return jdbc.sql("SELECT * FROM exam ORDER BY opens_at DESC, id DESC").query(Exams::exam).list();
	}

	/** A staff member's standing in an exam. */
	public record Standing(Exam exam, int attemptsUsed, Integer bestScore, boolean passed, Long openAttemptId, boolean canStart,
			String why) {
	}

	@Transactional(readOnly = true)
	public List<Standing> standings(Actor actor) {
		access.requireStaff(actor);
		List<Standing> out = new ArrayList<>();
		Instant now = clock.instant();
		for (Exam e : exams()) {
			record Mine(int used, Integer best, boolean passed, Long open) {
			}
			Mine m = jdbc.sql("""
					SELECT count(*) AS used, max(score) AS best, coalesce(bool_or(passed), false) AS passed,
					       max(id) FILTER (WHERE status = 'OPEN') AS open FROM exam_attempt WHERE exam_id = ? AND user_id = ?""")
				.params(e.id(), actor.userId())
				.query(Rows.of(Mine.class))
				.single();
			String why = null;
			if (m.passed()) {
				why = "已通过";
			}
			else if (now.isBefore(e.opensAt().toInstant())) {
				why = "未开始";
			}
			else if (now.isAfter(e.closesAt().toInstant())) {
				why = "已截止";
			}
			else if (m.open() == null && m.used() >= e.maxAttempts()) {
				why = "考试次数已用完";
			}
			out.add(new Standing(e, m.used(), m.best(), m.passed(), m.open(), why == null, why));
		}
		return out;
	}

	public record Attempt(long id, long examId, long userId, String unitCode, int attemptNo, List<Long> questionIds, String answers,
			OffsetDateTime startedAt, OffsetDateTime deadlineAt, OffsetDateTime submittedAt, boolean autoSubmitted, String status,
			Integer score, int fullScore, Boolean passed) {

		public boolean open() {
			return "OPEN".equals(status);
		}

	}

	private Optional<Attempt> attempt(long id, boolean forUpdate) {
		return jdbc.sql("SELECT id, exam_id, user_id, unit_code, attempt_no, question_ids, answers::text AS answers, started_at, deadline_at,"
				+ " submitted_at, auto_submitted, status, score, full_score, passed FROM exam_attempt WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.param(id)
			.query((rs, n) -> new Attempt(rs.getLong("id"), rs.getLong("exam_id"), rs.getLong("user_id"), rs.getString("unit_code"),
					rs.getInt("attempt_no"), longs(rs.getArray("question_ids")), rs.getString("answers"),
					rs.getObject("started_at", OffsetDateTime.class), rs.getObject("deadline_at", OffsetDateTime.class),
					rs.getObject("submitted_at", OffsetDateTime.class), rs.getBoolean("auto_submitted"), rs.getString("status"),
					(Integer) rs.getObject("score"), rs.getInt("full_score"), (Boolean) rs.getObject("passed")))
			.optional();
	}

	/** Someone else's attempt is "not found". */
	private Attempt own(long id, Actor actor, boolean forUpdate) {
		access.requireStaff(actor);
		return attempt(id, forUpdate).filter(a -> a.userId() == actor.userId())
			.orElseThrow(() -> new DomainException.NotFound("没有这次考试记录"));
	}

	/** Starts (or resumes) an attempt: in the exam's window, within its number of attempts, not after passing. */
	@Transactional
	public long start(long examId, Actor actor) {
		access.requireStaff(actor);
		Exam e = exam(examId);
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params((int) examId, (int) actor.userId()).query(Object.class).list();
		Instant now = clock.instant();
		Optional<Long> open = jdbc.sql("SELECT id FROM exam_attempt WHERE exam_id = ? AND user_id = ? AND status = 'OPEN'")
			.params(examId, actor.userId())
			.query(Long.class)
			.optional();
		if (open.isPresent()) {
			Attempt a = attempt(open.get(), true).orElseThrow();
			if (!now.isAfter(a.deadlineAt().toInstant().plus(GRACE))) {
				return a.id();
			}
			finish(a, now, true);
		}
		if (now.isBefore(e.opensAt().toInstant())) {
			throw new DomainException.Conflict("考试尚未开始（" + e.opensAt().atZoneSameInstant(BeijingTime.ZONE).toLocalDateTime() + " 开始）");
		}
		if (!now.isBefore(e.closesAt().toInstant())) {
			throw new DomainException.Conflict("考试已截止");
		}
		record Used(int used, boolean passed) {
		}
		Used used = jdbc.sql("SELECT count(*) AS used, coalesce(bool_or(passed), false) AS passed FROM exam_attempt WHERE exam_id = ? AND user_id = ?")
			.params(examId, actor.userId())
			.query(Rows.of(Used.class))
			.single();
		if (used.passed()) {
			throw new DomainException.Conflict("您已通过本次考试，无需补考");
		}
		if (used.used() >= e.maxAttempts()) {
			throw new DomainException.Conflict("本次考试最多可考" + e.maxAttempts() + "次（含补考），次数已用完");
		}
		List<Question> paper = "FIXED".equals(e.kind()) ? bank.byIds(e.questionIds()) : bank.draw(spec(e.counts()), random);
		Instant deadline = now.plus(Duration.ofMinutes(e.durationMinutes()));
		if (deadline.isAfter(e.closesAt().toInstant())) {
			deadline = e.closesAt().toInstant();
		}
		return jdbc.sql("""
				INSERT INTO exam_attempt (exam_id, user_id, unit_code, attempt_no, question_ids, started_at, deadline_at, full_score)
				VALUES (?,?,?,?,?,?,?,?) RETURNING id""")
			.params(examId, actor.userId(), actor.unitCode(), used.used() + 1, paper.stream().map(Question::id).toArray(Long[]::new),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC), OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC),
					fullScore(paper, e.points()))
			.query(Long.class)
			.single();
	}

	record Stored(String a, long at) {
	}

	private Map<Long, Stored> stored(Attempt a) {
		Map<String, Stored> raw = json.readValue(a.answers(), new TypeReference<Map<String, Stored>>() {
		});
		Map<Long, Stored> out = new LinkedHashMap<>();
		raw.forEach((k, v) -> out.put(Long.parseLong(k), v));
		return out;
	}

	/** The attempt as its page shows it; an attempt whose time is up is submitted first. */
	@Transactional
	public Attempt view(long id, Actor actor) {
		Attempt a = own(id, actor, true);
		if (a.open() && clock.instant().isAfter(a.deadlineAt().toInstant().plus(GRACE))) {
			finish(a, clock.instant(), true);
			a = own(id, actor, false);
		}
		return a;
	}

	public Map<Long, String> answersOf(Attempt a) {
		Map<Long, String> out = new LinkedHashMap<>();
		stored(a).forEach((k, v) -> out.put(k, v.a()));
		return out;
	}

	@Transactional
	public void answer(long id, long questionId, String raw, Actor actor) {
		Attempt a = own(id, actor, true);
		Instant now = clock.instant();
		if (!a.open()) {
			throw new DomainException.Conflict("本次考试已交卷");
		}
		if (!a.questionIds().contains(questionId)) {
			throw new DomainException.Invalid("answers", "提交的题目不属于本次试卷");
		}
		if (now.isAfter(a.deadlineAt().toInstant().plus(GRACE))) {
			finish(a, now, true);
			throw new DomainException.Conflict("考试时间已到，系统已自动交卷");
		}
		Question q = bank.byIds(List.of(questionId)).get(0);
		Map<Long, Stored> answers = stored(a);
		Answers.normalise(q, raw).ifPresentOrElse(v -> answers.put(questionId, new Stored(v, now.toEpochMilli())),
				() -> answers.remove(questionId));
		jdbc.sql("UPDATE exam_attempt SET answers = ?::jsonb WHERE id = ? AND status = 'OPEN'").params(json.writeValueAsString(answers), id).update();
	}

	/** Hands in the paper; after the time is up only the answers saved in time count. */
	@Transactional
	public Attempt submit(long id, Map<Long, String> submitted, Actor actor) {
		Attempt a = own(id, actor, true);
		if (!a.open()) {
			throw new DomainException.Conflict("本次考试已交卷，不能重复提交");
		}
		Map<Long, String> body = submitted == null ? Map.of() : submitted;
		if (!a.questionIds().containsAll(body.keySet())) {
			throw new DomainException.Invalid("answers", "提交的题目不属于本次试卷，本次提交未被接受");
		}
		Instant now = clock.instant();
		boolean late = now.isAfter(a.deadlineAt().toInstant().plus(GRACE));
		Map<Long, Stored> answers = stored(a);
		if (!late) {
			Map<Long, Question> byId = new LinkedHashMap<>();
			bank.byIds(a.questionIds()).forEach(q -> byId.put(q.id(), q));
			Map<Long, Optional<String>> normalised = new LinkedHashMap<>();
			body.forEach((qid, raw) -> normalised.put(qid, Answers.normalise(byId.get(qid), raw)));
			normalised.forEach((qid, v) -> v.ifPresentOrElse(x -> answers.put(qid, new Stored(x, now.toEpochMilli())), () -> answers.remove(qid)));
			jdbc.sql("UPDATE exam_attempt SET answers = ?::jsonb WHERE id = ?").params(json.writeValueAsString(answers), id).update();
		}
		finish(own(id, actor, false), now, late);
		return own(id, actor, false);
	}

	/** Scores and closes an open attempt (once: the UPDATE only applies to an attempt still open). */
	private void finish(Attempt a, Instant now, boolean auto) {
		Exam e = exam(a.examId());
		Map<Long, Stored> answers = stored(a);
		int score = 0;
		for (Question q : bank.byIds(a.questionIds())) {
			Stored s = answers.get(q.id());
			if (s != null && Answers.isCorrect(q, s.a())) {
				score += e.points().get(ORDER.indexOf(q.type()));
			}
		}
		Instant at = auto && now.isAfter(a.deadlineAt().toInstant()) ? a.deadlineAt().toInstant() : now;
		jdbc.sql("""
				UPDATE exam_attempt SET status = 'SUBMITTED', submitted_at = ?, auto_submitted = ?, score = ?, passed = ?
				WHERE id = ? AND status = 'OPEN'""")
			.params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), auto, score, score >= e.passScore(), a.id())
			.update();
	}

	/** Submits every attempt whose time has run out; safe on several nodes (rows locked and skipped). */
	@Scheduled(fixedDelayString = "${xinfang.publicity.exam-sweep:PT30S}", initialDelayString = "PT20S")
	public int sweep() {
		Integer n = tx.execute(s -> {
			List<Long> due = jdbc.sql("SELECT id FROM exam_attempt WHERE status = 'OPEN' AND deadline_at < ? ORDER BY deadline_at LIMIT 200 FOR UPDATE SKIP LOCKED")
				.param(OffsetDateTime.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC))
				.query(Long.class)
				.list();
			for (Long id : due) {
				attempt(id, false).ifPresent(a -> finish(a, clock.instant(), true));
			}
			return due.size();
		});
		return n == null ? 0 : n;
	}

	/** The paper with the answers given, for the result page (only after submission). */
	public record Marked(Question question, String given, boolean correct) {

		public String givenText() {
			return Answers.display(question.type(), given);
		}

	}

	@Transactional(readOnly = true)
	public List<Marked> marked(Attempt a) {
		if (a.open()) {
			throw new DomainException.Conflict("交卷后才能查看答案");
		}
		Map<Long, Stored> answers = stored(a);
		List<Marked> out = new ArrayList<>();
		for (Question q : bank.byIds(a.questionIds())) {
			Stored s = answers.get(q.id());
			out.add(new Marked(q, s == null ? null : s.a(), s != null && Answers.isCorrect(q, s.a())));
		}
		return out;
	}

	public List<Question> paper(Attempt a) {
		return bank.byIds(a.questionIds());
	}

	@Transactional
	public Certificates.Certificate certificate(long attemptId, Actor actor) {
		Attempt a = own(attemptId, actor, false);
		if (!Boolean.TRUE.equals(a.passed())) {
			throw new DomainException.Conflict("考试合格后才能领取证书");
		}
		Exam e = exam(a.examId());
		return certificates.issueForAttempt(a.id(), actor.displayName() + "（" + directory.unitName(a.unitCode()) + "）", e.title(), a.score());
	}

	/** One person's result in an exam. */
	public record PersonResult(long userId, String name, String unitCode, String unitName, int attempts, Integer bestScore, boolean passed) {
	}

	/** One unit's figures: staff who must sit (enabled staff accounts), who sat, who passed, and the share passed. */
	public record UnitResult(String unitCode, String unitName, long staff, long sat, long passed) {

		public Double passRate() {
			return staff == 0 ? null : (double) passed / staff;
		}

	}

	public record Results(Exam exam, List<UnitResult> units, List<PersonResult> people, long staff, long passed) {

		/** 通过率: staff in scope with a passed attempt ÷ all enabled staff accounts in scope. */
		public Double passRate() {
			return staff == 0 ? null : (double) passed / staff;
		}

	}

	/**
	 * Results of an exam within what the actor may see: all (leaders, administrators, the city
	 * bureau), a county's units (a county bureau), the unit (a unit head), or only oneself.
	 */
	@Transactional(readOnly = true)
	public Results results(long examId, Actor actor) {
		access.requireStaff(actor);
		Exam e = exam(examId);
		PublicityAccess.ResultScope scope = access.resultScope(actor);
		StringBuilder where = new StringBuilder("u.kind = 'STAFF' AND u.enabled");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("exam", examId);
		if (scope.regionPrefix() != null) {
			where.append(" AND un.region_code LIKE :region");
			p.put("region", scope.regionPrefix() + "%");
		}
		if (scope.unitCode() != null) {
			where.append(" AND u.unit_code = :unit");
			p.put("unit", scope.unitCode());
		}
		if (scope.userId() != null) {
			where.append(" AND u.id = :user");
			p.put("user", scope.userId());
		}
		List<PersonResult> people = jdbc.sql("""
				SELECT u.id AS user_id, u.display_name AS name, u.unit_code, un.name AS unit_name, count(a.id)::int AS attempts,
				       max(a.score) AS best_score, coalesce(bool_or(a.passed), false) AS passed
				FROM app_user u JOIN unit un ON un.code = u.unit_code
				LEFT JOIN exam_attempt a ON a.user_id = u.id AND a.exam_id = :exam AND a.status = 'SUBMITTED'
				WHERE """ + " " + where + " GROUP BY u.id, u.display_name, u.unit_code, un.name, un.sort_order ORDER BY un.sort_order, u.unit_code, u.display_name")
			.params(p)
			.query(Rows.of(PersonResult.class))
			.list();
		Map<String, long[]> byUnit = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (PersonResult r : people) {
			long[] c = byUnit.computeIfAbsent(r.unitCode(), k -> new long[3]);
			names.put(r.unitCode(), r.unitName());
			c[0]++;
			if (r.attempts() > 0) {
				c[1]++;
			}
			if (r.passed()) {
				c[2]++;
			}
		}
		List<UnitResult> units = byUnit.entrySet().stream()
			.map(en -> new UnitResult(en.getKey(), names.get(en.getKey()), en.getValue()[0], en.getValue()[1], en.getValue()[2]))
			.toList();
		return new Results(e, units, people, people.size(), people.stream().filter(PersonResult::passed).count());
	}

	// study materials and reading records

	public record Material(long id, String title, String body, String law, OffsetDateTime createdAt, long readers, boolean readByMe) {
	}

	@Transactional
	public long addMaterial(String title, String body, String law, Actor actor) {
		access.requireBankEditor(actor);
		if (title == null || title.isBlank() || body == null || body.isBlank()) {
			throw new DomainException.Invalid("title", "请填写学习材料的标题和正文");
		}
		return jdbc.sql("INSERT INTO study_material (title, body, law, created_by, created_at) VALUES (?,?,?,?,?) RETURNING id")
			.params(title.strip(), body.strip(), law, actor.userId(), now())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Material> materials(Actor actor) {
		access.requireStaff(actor);
		return jdbc.sql("""
				SELECT m.id, m.title, m.body, m.law, m.created_at, (SELECT count(*) FROM study_reading r WHERE r.material_id = m.id) AS readers,
				       EXISTS (SELECT 1 FROM study_reading r WHERE r.material_id = m.id AND r.user_id = ?) AS read_by_me
				FROM study_material m ORDER BY m.created_at DESC""")
			.param(actor.userId())
			.query(Rows.of(Material.class))
			.list();
	}

	/** Opens a material for reading, and records that this person read it. */
	@Transactional
	public Material read(long id, Actor actor) {
		access.requireStaff(actor);
		OffsetDateTime now = now();
		int n = jdbc.sql("""
				INSERT INTO study_reading (material_id, user_id, first_read_at, last_read_at, reads)
				SELECT id, ?, ?, ?, 1 FROM study_material WHERE id = ?
				ON CONFLICT (material_id, user_id) DO UPDATE SET last_read_at = excluded.last_read_at, reads = study_reading.reads + 1""")
			.params(actor.userId(), now, now, id)
			.update();
		if (n == 0) {
			throw new DomainException.NotFound("没有这份学习材料");
		}
		return materials(actor).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
	}

}
