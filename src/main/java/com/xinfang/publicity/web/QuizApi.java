package com.xinfang.publicity.web;

import com.xinfang.platform.DomainException;
import com.xinfang.publicity.Certificates;
import com.xinfang.publicity.Challenge;
import com.xinfang.publicity.Leaderboard;
import com.xinfang.publicity.QuestionType;
import com.xinfang.platform.BeijingTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public challenge's JSON API (no login): the play page and partner apps use the same calls. A
 * round's questions come without answers; the answers come back only in the result of the one
 * accepted submission.
 */
@RestController
@RequestMapping("/api/v1/public/quiz")
@Tag(name = "法治宣传·线上答题")
class QuizApi {

	private final Challenge challenge;

	private final Leaderboard leaderboard;

	private final Certificates certificates;

	private final Clock clock;

	QuizApi(Challenge challenge, Leaderboard leaderboard, Certificates certificates, Clock clock) {
		this.challenge = challenge;
		this.leaderboard = leaderboard;
		this.certificates = certificates;
		this.clock = clock;
	}

	record QuestionView(long id, int number, QuestionType type, String typeLabel, String stem, List<String> options) {
	}

	record StartedView(String token, List<QuestionView> questions, OffsetDateTime deadline, long secondsLeft) {
	}

	@Operation(summary = "开始一轮答题（服务器抽题计时，不含答案）")
	@PostMapping("/rounds")
	ResponseEntity<StartedView> start(HttpServletRequest req, HttpServletResponse res) {
		String visitor = QuizCookies.visitor(req, res);
		Challenge.Started s = challenge.start(visitor, req.getRemoteAddr(), QuizCookies.player(req));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new StartedView(s.token(),
					s.questions().stream().map(q -> new QuestionView(q.id(), q.number(), q.type(), q.type().label(), q.stem(), q.options())).toList(),
					s.deadline().atZoneSameInstant(BeijingTime.ZONE).toOffsetDateTime(), s.secondsLeft()));
	}

	record AnswerBody(String answer) {
	}

	@Operation(summary = "保存一道题的答案（按时到达的才计分）")
	@PutMapping("/rounds/{token}/answers/{questionId}")
	ResponseEntity<Void> answer(@PathVariable String token, @PathVariable long questionId, @RequestBody AnswerBody body) {
		challenge.answer(token, questionId, body == null ? null : body.answer());
		return ResponseEntity.noContent().build();
	}

	record SubmitBody(Map<Long, String> answers) {
	}

	record ItemView(int number, long questionId, String typeLabel, String stem, List<String> options, String given, String givenText,
			boolean correct, String answer, String explanation, String basis) {
	}

	record ResultView(int score, int correct, int total, long durationMs, boolean late, boolean flagged, String flagReason,
			boolean claimed, boolean certificateEligible, String certificateNumber, int roundsLeftToday, List<ItemView> items) {
	}

	static ResultView view(Challenge.Result r) {
		return new ResultView(r.score(), r.correct(), r.total(), r.durationMs(), r.late(), r.flagged(), r.flagReason(), r.claimed(),
				r.certificateEligible(), r.certificateNumber(), r.roundsLeftToday(),
				r.items().stream()
					.map(i -> new ItemView(i.number(), i.question().id(), i.question().type().label(), i.question().stem(),
							i.question().options(), i.given(), i.givenText(), i.correct(), i.question().answerText(),
							i.question().explanation(), i.question().basis()))
					.toList());
	}

	@Operation(summary = "提交本轮（每轮只能提交一次；超时提交只计按时到达的答案）")
	@PostMapping("/rounds/{token}/submit")
	ResultView submit(@PathVariable String token, @RequestBody(required = false) SubmitBody body) {
		return view(challenge.submit(token, body == null ? Map.of() : body.answers()));
	}

	@Operation(summary = "本轮结果（提交后）")
	@GetMapping("/rounds/{token}/result")
	ResultView result(@PathVariable String token) {
		return view(challenge.result(token));
	}

	record PhoneBody(String phone) {
	}

	@Operation(summary = "获取短信验证码（登上排行榜、领取证书用）")
	@PostMapping("/player/code")
	ResponseEntity<Void> code(@RequestBody PhoneBody body, HttpServletRequest req) {
		challenge.sendCode(body == null ? null : body.phone(), req.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	record VerifyBody(String phone, String code, String nickname, String countyCode) {
	}

	record PlayerView(String token, String nickname, String phoneMask, String countyCode) {
	}

	@Operation(summary = "用手机号和验证码验证身份")
	@PostMapping("/player")
	PlayerView verify(@RequestBody VerifyBody body, HttpServletResponse res) {
		Challenge.Player p = challenge.verify(body.phone(), body.code(), body.nickname(), body.countyCode());
		QuizCookies.set(res, QuizCookies.PLAYER, p.token(), 30 * 24 * 3600);
		return new PlayerView(p.token(), p.nickname(), p.phoneMask(), p.countyCode());
	}

	@Operation(summary = "把当天已提交的一轮登记到已验证的手机号名下")
	@PostMapping("/rounds/{token}/claim")
	ResultView claim(@PathVariable String token, HttpServletRequest req) {
		return view(challenge.claim(token, QuizCookies.player(req)));
	}

	record CertificateView(String number, String holder, String title, int score, String issuedOn, String verifyPath) {
	}

	static CertificateView view(Certificates.Certificate c) {
		return new CertificateView(c.number(), c.holder(), c.title(), c.score(), c.issuedOn(), "/quiz/certificates/" + c.number());
	}

	@Operation(summary = "领取证书（已登记且合格）")
	@PostMapping("/rounds/{token}/certificate")
	CertificateView certificate(@PathVariable String token) {
		return view(certificates.issueForRound(challenge.result(token)));
	}

	@Operation(summary = "查验证书编号")
	@GetMapping("/certificates/{number}")
	CertificateView verifyCertificate(@PathVariable String number) {
		return view(certificates.find(number).orElseThrow(() -> new DomainException.NotFound("没有这个证书编号")));
	}

	@Operation(summary = "排行榜：board=day（某日，默认今天）或 total；可按县市区")
	@GetMapping("/leaderboard")
	Map<String, Object> board(@RequestParam(defaultValue = "day") String board,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String county, @RequestParam(defaultValue = "50") int limit) {
		String key = "total".equals(board) ? Leaderboard.TOTAL
				: Leaderboard.day(date != null ? date : LocalDate.now(clock.withZone(BeijingTime.ZONE)));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("board", key);
		out.put("entries", leaderboard.top(key, county == null || county.isBlank() ? null : county, Math.max(1, limit)));
		return out;
	}

}
