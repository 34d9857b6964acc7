package com.xinfang.publicity;

import com.xinfang.identity.Actor;
import com.xinfang.identity.VerificationCodes;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public challenge 信访工作法治化线上答题·等你来挑战. The server draws a round, keeps its clock and
 * scores it: a browser receives stems and options only, sends each answer as it is chosen, and sees
 * the right answers after the one accepted submission. Answers count only if they reached the server
 * before the time ran out (plus a small network allowance), so a late submission counts what had
 * arrived in time. A round belongs to a browser until a phone proven by an SMS code claims it for the
 * leaderboard and a certificate.
 */
@Service
public class Challenge {

	static final String SMS_PURPOSE = "QUIZ";

	static final Duration PLAYER_VALIDITY = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final QuestionBank bank;

	private final Leaderboard leaderboard;

	private final RateLimits limits;

	private final VerificationCodes codes;

	private final PersonalDataCipher cipher;

	private final Directory directory;

	private final QuizProperties props;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate tx;

	Challenge(JdbcClient jdbc, QuestionBank bank, Leaderboard leaderboard, RateLimits limits, VerificationCodes codes,
			PersonalDataCipher cipher, Directory directory, QuizProperties props, JsonMapper json, Clock clock,
			TransactionTemplate tx) {
		this.tx = tx;
		this.jdbc = jdbc;
		this.bank = bank;
		this.leaderboard = leaderboard;
		this.limits = limits;
		this.codes = codes;
		this.cipher = cipher;
		this.directory = directory;
		this.props = props;
		this.json = json;
		this.clock = clock;
	}

	/** A question as the browser sees it during a round: no answer, no explanation. */
	public record PlayQuestion(long id, int number, QuestionType type, String stem, List<String> options) {
	}

	public record Started(String token, List<PlayQuestion> questions, OffsetDateTime deadline, long secondsLeft) {
	}

	/** A verified player as a browser remembers them. */
	public record Player(String token, String nickname, String phoneMask, String countyCode) {
	}

	public record Item(int number, Question question, String given, boolean correct) {

		public String givenText() {
			return Answers.display(question.type(), given);
		}

	}

	public record Result(long roundId, int correct, int total, int score, long durationMs, boolean late, boolean flagged,
			String flagReason, List<Item> items, String nickname, String phoneMask, String countyCode, boolean certificateEligible,
			String certificateNumber, int roundsLeftToday) {

		public boolean claimed() {
			return phoneMask != null;
		}

		public String duration() {
			long s = durationMs / 1000;
			return s / 60 + "分" + String.format("%02d", s % 60) + "秒";
		}

	}

	/** The state of a round, for the page that shows it. */
	public record Round(long id, String status, List<PlayQuestion> questions, Map<Long, String> answers, OffsetDateTime deadline,
			long secondsLeft) {

		public boolean open() {
			return "OPEN".equals(status);
		}

	}

	record Row(long id, String visitor, String phoneIndex, String phoneMask, String nickname, String countyCode, LocalDate day,
			List<Long> questionIds, String answers, OffsetDateTime startedAt, OffsetDateTime deadlineAt, OffsetDateTime submittedAt,
			String status, Integer correct, Integer score, Long durationMs, boolean flagged, String flagReason, String review) {
	}

	private static final String ROW = """
			SELECT id, visitor, phone_index, phone_mask, nickname, county_code, day, question_ids, answers::text AS answers, started_at,
			       deadline_at, submitted_at, status, correct, score, duration_ms, flagged, flag_reason, review FROM quiz_round""";

	private static Row row(ResultSet rs, int n) throws SQLException {
		Array ids = rs.getArray("question_ids");
		return new Row(rs.getLong("id"), rs.getString("visitor"), rs.getString("phone_index"), rs.getString("phone_mask"),
				rs.getString("nickname"), rs.getString("county_code"), rs.getObject("day", LocalDate.class),
				Arrays.asList((Long[]) ids.getArray()), rs.getString("answers"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("deadline_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getString("status"), (Integer) rs.getObject("correct"), (Integer) rs.getObject("score"),
				(Long) rs.getObject("duration_ms"), rs.getBoolean("flagged"), rs.getString("flag_reason"), rs.getString("review"));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Draws a round for a browser (and its verified player, if any): refused beyond the day's cap for
	 * the person and beyond the hourly limit for the address.
	 */
	public Started start(String visitor, String address, String playerToken) {
		if (!Tokens.plausible(visitor)) {
			throw new DomainException.Invalid("visitor", "请允许浏览器保存本站 Cookie 后再参加答题");
		}
		// counted in a short transaction of its own: one address's counter row is not held while a round is drawn
		limits.hit("quiz-start:" + cipher.keyedHash(address), props.roundsPerAddressPerHour(), Duration.ofHours(1));
		return tx.execute(s -> draw(visitor, address, playerToken));
	}

	private Started draw(String visitor, String address, String playerToken) {
		Optional<PlayerRow> player = player(playerToken);
		LocalDate day = today();
		String who = player.map(p -> "phone:" + p.phoneIndex()).orElse("visitor:" + visitor);
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(who).query(Object.class).list();
		if (roundsToday(player.map(PlayerRow::phoneIndex).orElse(null), visitor, day) >= props.dailyCap()) {
			throw new DomainException.Conflict("今天的" + props.dailyCap() + "次挑战机会已用完，明天再来吧");
		}
		// a generator of the round's own: shuffling with the shared SecureRandom took its lock once per question
		List<Question> drawn = bank.draw(props.spec(), new Random(Tokens.seed()));
		String token = Tokens.fresh();
		OffsetDateTime started = now();
		OffsetDateTime deadline = started.plus(props.timeLimit());
		long id = jdbc.sql("""
				INSERT INTO quiz_round (token_hash, visitor, address, phone_index, phone_mask, nickname, county_code, day, question_ids,
				  started_at, deadline_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
			.params(Tokens.hash(token), visitor, cipher.keyedHash(address), player.map(PlayerRow::phoneIndex).orElse(null),
					player.map(PlayerRow::phoneMask).orElse(null), player.map(PlayerRow::nickname).orElse(null),
					player.map(PlayerRow::countyCode).orElse(null), day, drawn.stream().map(Question::id).toArray(Long[]::new), started,
					deadline)
			.query(Long.class)
			.single();
		return new Started(token, play(drawn), deadline, props.timeLimit().toSeconds());
	}

	private int roundsToday(String phoneIndex, String visitor, LocalDate day) {
		if (phoneIndex != null) {
			return jdbc.sql("SELECT count(*) FROM quiz_round WHERE phone_index = ? AND day = ?").params(phoneIndex, day).query(Integer.class).single();
		}
		return jdbc.sql("SELECT count(*) FROM quiz_round WHERE visitor = ? AND day = ?").params(visitor, day).query(Integer.class).single();
	}

	private static List<PlayQuestion> play(List<Question> questions) {
		List<PlayQuestion> out = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			out.add(new PlayQuestion(q.id(), i + 1, q.type(), q.stem(), q.options()));
		}
		return out;
	}

	private Row load(String token, boolean forUpdate) {
		if (!Tokens.plausible(token)) {
			throw new DomainException.NotFound("没有这一轮答题");
		}
		return jdbc.sql(ROW + " WHERE token_hash = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.param(Tokens.hash(token))
			.query(Challenge::row)
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这一轮答题"));
	}

	/** The round as its page shows it; answers already received are kept so a reload loses nothing. */
	@Transactional(readOnly = true)
	public Round round(String token) {
		Row r = load(token, false);
		Map<Long, String> given = new LinkedHashMap<>();
		stored(r).forEach((id, a) -> given.put(id, a.a()));
		long left = Math.max(0, Duration.between(clock.instant(), r.deadlineAt().toInstant()).toSeconds());
		return new Round(r.id(), r.status(), play(bank.byIds(r.questionIds())), given, r.deadlineAt(), left);
	}

	record Stored(String a, long at) {
	}

	private Map<Long, Stored> stored(Row r) {
		Map<String, Stored> raw = json.readValue(r.answers(), new TypeReference<Map<String, Stored>>() {
		});
		Map<Long, Stored> out = new LinkedHashMap<>();
		raw.forEach((k, v) -> out.put(Long.parseLong(k), v));
		return out;
	}

	/** Saves one answer as it is chosen; refused once the round is submitted or its time is up. */
	@Transactional
	public void answer(String token, long questionId, String raw) {
		Row r = load(token, true);
		Instant now = clock.instant();
		if (!"OPEN".equals(r.status())) {
			throw new DomainException.Conflict("本轮已提交，答案不能再修改");
		}
		if (!r.questionIds().contains(questionId)) {
			throw new DomainException.Invalid("answers", "提交的题目不属于本轮，本次提交未被接受");
		}
		if (now.isAfter(r.deadlineAt().toInstant().plus(props.grace()))) {
			throw new DomainException.Conflict("答题时间已到，这道题的答案没有计入");
		}
		Question q = bank.byIds(List.of(questionId)).get(0);
		Map<Long, Stored> answers = stored(r);
		Optional<String> a = Answers.normalise(q, raw);
		if (a.isPresent()) {
			answers.put(questionId, new Stored(a.get(), now.toEpochMilli()));
		}
		else {
			answers.remove(questionId);
		}
		jdbc.sql("UPDATE quiz_round SET answers = ?::jsonb WHERE id = ? AND status = 'OPEN'").params(write(answers), r.id()).update();
	}

	private String write(Map<Long, Stored> answers) {
		return json.writeValueAsString(answers);
	}

	/**
	 * The one accepted submission of a round. Questions that are not the round's, or answers that
	 * cannot be answers to them, refuse the whole submission and store nothing; a second submission
	 * is refused; answers in a submission after the time ran out are ignored.
	 */
	@Transactional
	public Result submit(String token, Map<Long, String> submitted) {
		Row r = load(token, true);
		if (!"OPEN".equals(r.status())) {
			throw new DomainException.Conflict("本轮已提交过，不能重复提交");
		}
		Map<Long, String> body = submitted == null ? Map.of() : submitted;
		if (!r.questionIds().containsAll(body.keySet())) {
			throw new DomainException.Invalid("answers", "提交的题目不属于本轮，本次提交未被接受");
		}
		List<Question> questions = bank.byIds(r.questionIds());
		Map<Long, Question> byId = new LinkedHashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		Map<Long, Optional<String>> normalised = new LinkedHashMap<>();
		body.forEach((id, raw) -> normalised.put(id, Answers.normalise(byId.get(id), raw)));
		Instant now = clock.instant();
		Instant deadline = r.deadlineAt().toInstant();
		boolean late = now.isAfter(deadline.plus(props.grace()));
		Map<Long, Stored> answers = stored(r);
		if (!late) {
			normalised.forEach((id, a) -> {
				if (a.isPresent()) {
					answers.put(id, new Stored(a.get(), now.toEpochMilli()));
				}
			});
		}
		int correct = 0;
		for (Question q : questions) {
			Stored s = answers.get(q.id());
			if (s != null && Answers.isCorrect(q, s.a())) {
				correct++;
			}
		}
		int total = questions.size();
		int score = total == 0 ? 0 : Math.round(100f * correct / total);
		Instant end = now.isBefore(deadline) ? now : deadline;
		long durationMs = Math.max(0, Duration.between(r.startedAt().toInstant(), end).toMillis());
		String flag = null;
		if (total > 0 && correct * 10 >= total * 8 && durationMs < (long) total * props.minSecondsPerQuestion() * 1000) {
			flag = "用时" + (durationMs / 1000) + "秒答对" + correct + "题（每题不足" + props.minSecondsPerQuestion() + "秒），待核查";
		}
		int n = jdbc.sql("""
				UPDATE quiz_round SET status = 'SUBMITTED', submitted_at = ?, answers = ?::jsonb, correct = ?, score = ?, duration_ms = ?,
				  flagged = ?, flag_reason = ? WHERE id = ? AND status = 'OPEN'""")
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), write(answers), correct, score, durationMs, flag != null, flag, r.id())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("本轮已提交过，不能重复提交");
		}
		if (r.phoneIndex() != null && flag == null) {
			leaderboard.record(r.id(), r.phoneIndex(), r.phoneMask(), r.nickname(), r.countyCode(), score, durationMs,
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC), r.day());
		}
		// the result from what was just written (no certificate can exist yet): two reads fewer per submission
		Row done = new Row(r.id(), r.visitor(), r.phoneIndex(), r.phoneMask(), r.nickname(), r.countyCode(), r.day(), r.questionIds(),
				write(answers), r.startedAt(), r.deadlineAt(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), "SUBMITTED", correct, score,
				durationMs, flag != null, flag, r.review());
		return result(done, questions, false);
	}

	@Transactional(readOnly = true)
	public Result result(String token) {
		Row r = load(token, false);
		if (!"SUBMITTED".equals(r.status())) {
			throw new DomainException.Conflict("本轮尚未提交");
		}
		return result(r);
	}

	private Result result(Row r) {
		return result(r, bank.byIds(r.questionIds()), true);
	}

	private Result result(Row r, List<Question> questions, boolean lookUpCertificate) {
		Map<Long, Stored> answers = stored(r);
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			Stored s = answers.get(q.id());
			items.add(new Item(i + 1, q, s == null ? null : s.a(), s != null && Answers.isCorrect(q, s.a())));
		}
		boolean late = r.submittedAt() != null && r.submittedAt().toInstant().isAfter(r.deadlineAt().toInstant().plus(props.grace()));
		String certificate = !lookUpCertificate ? null
				: jdbc.sql("SELECT number FROM quiz_certificate WHERE round_id = ?").param(r.id()).query(String.class).optional().orElse(null);
		boolean eligible = r.phoneIndex() != null && r.score() != null && r.score() >= props.passScore()
				&& (!r.flagged() || "CLEARED".equals(r.review()));
		int left = Math.max(0, props.dailyCap() - roundsToday(r.phoneIndex(), r.visitor(), today()));
		return new Result(r.id(), r.correct(), items.size(), r.score(), r.durationMs(), late, r.flagged() && !"CLEARED".equals(r.review()),
				r.flagReason(), items, r.nickname(), r.phoneMask(), r.countyCode(), eligible, certificate, left);
	}

	record PlayerRow(String phoneIndex, String phoneMask, String nickname, String countyCode) {
	}

	private Optional<PlayerRow> player(String token) {
		if (!Tokens.plausible(token)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT phone_index, phone_mask, nickname, county_code FROM quiz_player WHERE token_hash = ? AND expires_at > ?")
			.params(Tokens.hash(token), now())
			.query(Rows.of(PlayerRow.class))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Player> currentPlayer(String token) {
		return player(token).map(p -> new Player(token, p.nickname(), p.phoneMask(), p.countyCode()));
	}

	/** Sends an SMS code to a phone that wants to appear on the leaderboard (limited per address and per phone). */
	public void sendCode(String phone, String address) {
		limits.hit("quiz-sms:" + cipher.keyedHash(address), props.codesPerAddressPerHour(), Duration.ofHours(1));
		codes.send(phone, SMS_PURPOSE);
	}

	/**
	 * Proves a phone with its SMS code and remembers the player. Nickname and county are checked
	 * before the code, so a typing mistake does not use up the code's tries.
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public Player verify(String phone, String code, String nickname, String countyCode) {
		List<DomainException.FieldProblem> problems = new ArrayList<>();
		MobilePhone.problem(phone).ifPresent(p -> problems.add(new DomainException.FieldProblem("phone", p)));
		String nick = nickname == null ? "" : nickname.strip();
		if (nick.isEmpty() || nick.length() > 8) {
			problems.add(new DomainException.FieldProblem("nickname", "请填写1至8个字的昵称（将显示在排行榜上）"));
		}
		if (countyCode == null || directory.counties().stream().noneMatch(c -> c.code().equals(countyCode))) {
			problems.add(new DomainException.FieldProblem("county", "请选择所在县市区"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		String normalised = MobilePhone.normalise(phone);
		codes.verify(normalised, SMS_PURPOSE, code);
		String token = Tokens.fresh();
		OffsetDateTime now = now();
		jdbc.sql("INSERT INTO quiz_player (token_hash, phone_index, phone_mask, nickname, county_code, verified_at, expires_at) VALUES (?,?,?,?,?,?,?)")
			.params(Tokens.hash(token), cipher.blindIndex("phone", normalised), Masking.phone(normalised), nick, countyCode, now,
					now.plus(PLAYER_VALIDITY))
			.update();
		return new Player(token, nick, Masking.phone(normalised), countyCode);
	}

	/**
	 * Puts a finished round of today under a verified phone (for the leaderboard and a certificate).
	 * The phone's rounds count against the same daily cap.
	 */
	@Transactional
	public Result claim(String roundToken, String playerToken) {
		PlayerRow p = player(playerToken).orElseThrow(() -> new DomainException.Invalid("phone", "请先用手机号和短信验证码验证身份"));
		Row r = load(roundToken, true);
		if (!"SUBMITTED".equals(r.status())) {
			throw new DomainException.Conflict("请先提交本轮答题");
		}
		if (r.phoneIndex() != null) {
			if (r.phoneIndex().equals(p.phoneIndex())) {
				return result(r);
			}
			throw new DomainException.Conflict("这一轮已记在其他手机号名下");
		}
		if (!r.day().equals(today())) {
			throw new DomainException.Conflict("只能登记当天的答题成绩");
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("phone:" + p.phoneIndex()).query(Object.class).list();
		if (roundsToday(p.phoneIndex(), r.visitor(), r.day()) >= props.dailyCap()) {
			throw new DomainException.Conflict("该手机号今天的" + props.dailyCap() + "次挑战机会已用完，本轮不能再登记");
		}
		jdbc.sql("UPDATE quiz_round SET phone_index = ?, phone_mask = ?, nickname = ?, county_code = ? WHERE id = ? AND phone_index IS NULL")
			.params(p.phoneIndex(), p.phoneMask(), p.nickname(), p.countyCode(), r.id())
			.update();
		if (!r.flagged()) {
			leaderboard.record(r.id(), p.phoneIndex(), p.phoneMask(), p.nickname(), p.countyCode(), r.score(), r.durationMs(),
					r.submittedAt(), r.day());
		}
		return result(load(roundToken, false));
	}

	public record Flagged(long id, String nickname, String phoneMask, String countyCode, int score, long durationMs,
			String reason, OffsetDateTime submittedAt) {
	}

	@Transactional(readOnly = true)
	public List<Flagged> flagged() {
		return jdbc.sql("""
				SELECT id, nickname, phone_mask, county_code, score, duration_ms, flag_reason AS reason, submitted_at FROM quiz_round
				WHERE flagged AND review IS NULL ORDER BY submitted_at DESC LIMIT 200""")
			.query(Rows.of(Flagged.class))
			.list();
	}

	/** The bureau's review of a flagged round: cleared rounds join the leaderboard, rejected ones never do. */
	@Transactional
	public void review(long roundId, boolean clear, Actor actor, PublicityAccess access) {
		access.requireBankEditor(actor);
		Row r = jdbc.sql(ROW + " WHERE id = ? AND flagged AND review IS NULL FOR UPDATE")
			.param(roundId)
			.query(Challenge::row)
			.optional()
			.orElseThrow(() -> new DomainException.Conflict("这一轮已核查过"));
		jdbc.sql("UPDATE quiz_round SET review = ? WHERE id = ?").params(clear ? "CLEARED" : "REJECTED", roundId).update();
		if (clear && r.phoneIndex() != null) {
			leaderboard.record(r.id(), r.phoneIndex(), r.phoneMask(), r.nickname(), r.countyCode(), r.score(), r.durationMs(),
					r.submittedAt(), r.day());
		}
	}

	public QuizProperties rules() {
		return props;
	}

}
