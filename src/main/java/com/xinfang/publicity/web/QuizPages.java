package com.xinfang.publicity.web;

import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.publicity.Certificates;
import com.xinfang.publicity.Challenge;
import com.xinfang.publicity.Leaderboard;
import com.xinfang.publicity.Visits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The challenge's pages on a phone: home, a round, its result, the leaderboards and the public
 * certificate check. Each page load is one counted visit (see {@link Visits}).
 */
@PageController
class QuizPages {

	private final Challenge challenge;

	private final Leaderboard leaderboard;

	private final Certificates certificates;

	private final Visits visits;

	private final Directory directory;

	private final Clock clock;

	private final String baseUrl;

	QuizPages(Challenge challenge, Leaderboard leaderboard, Certificates certificates, Visits visits, Directory directory, Clock clock,
			@Value("${xinfang.public-base-url:http://localhost:8080}") String baseUrl) {
		this.challenge = challenge;
		this.leaderboard = leaderboard;
		this.certificates = certificates;
		this.visits = visits;
		this.directory = directory;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	private void visit(HttpServletRequest req, HttpServletResponse res, Model model) {
		visits.record(QuizCookies.visitor(req, res));
		model.addAttribute("player", challenge.currentPlayer(QuizCookies.player(req)).orElse(null));
		model.addAttribute("rules", challenge.rules());
		model.addAttribute("counties", directory.counties());
	}

	@GetMapping("/quiz")
	String home(HttpServletRequest req, HttpServletResponse res, Model model) {
		visit(req, res, model);
		model.addAttribute("top", leaderboard.top(Leaderboard.day(today()), null, 5));
		return "publicity/quiz-home";
	}

	@GetMapping("/quiz/rounds/{token}")
	String round(@PathVariable String token, HttpServletRequest req, HttpServletResponse res, Model model) {
		Challenge.Round round = challenge.round(token);
		if (!round.open()) {
			return "redirect:/quiz/rounds/" + token + "/result";
		}
		visit(req, res, model);
		model.addAttribute("round", round);
		model.addAttribute("token", token);
		return "publicity/quiz-round";
	}

	@GetMapping("/quiz/rounds/{token}/result")
	String result(@PathVariable String token, HttpServletRequest req, HttpServletResponse res, Model model) {
		Challenge.Round round = challenge.round(token);
		if (round.open()) {
			return "redirect:/quiz/rounds/" + token;
		}
		visit(req, res, model);
		model.addAttribute("result", challenge.result(token));
		model.addAttribute("token", token);
		return "publicity/quiz-result";
	}

	@GetMapping("/quiz/leaderboard")
	String board(@RequestParam(defaultValue = "day") String board, @RequestParam(required = false) String county,
			HttpServletRequest req, HttpServletResponse res, Model model) {
		visit(req, res, model);
		String key = "total".equals(board) ? Leaderboard.TOTAL : Leaderboard.day(today());
		String c = county == null || county.isBlank() ? null : county;
		model.addAttribute("board", "total".equals(board) ? "total" : "day");
		model.addAttribute("county", c);
		model.addAttribute("entries", leaderboard.top(key, c, 50));
		model.addAttribute("byCounty", leaderboard.byCounty(key));
		model.addAttribute("directory", directory);
		return "publicity/quiz-leaderboard";
	}

	@GetMapping("/quiz/verify")
	String verifyForm(@RequestParam(required = false) String number, HttpServletRequest req, HttpServletResponse res, Model model) {
		if (number != null && !number.isBlank()) {
			return "redirect:/quiz/certificates/" + number.strip().toUpperCase();
		}
		visit(req, res, model);
		return "publicity/quiz-certificate";
	}

	@GetMapping("/quiz/certificates/{number:[A-Za-z0-9-]+}")
	String certificate(@PathVariable String number, HttpServletRequest req, HttpServletResponse res, Model model) {
		visit(req, res, model);
		model.addAttribute("number", number);
		model.addAttribute("certificate", certificates.find(number).orElse(null));
		return "publicity/quiz-certificate";
	}

	@GetMapping("/quiz/certificates/{number:[A-Za-z0-9-]+}.png")
	ResponseEntity<byte[]> png(@PathVariable String number) {
		Certificates.Certificate c = certificates.find(number).orElseThrow(() -> new DomainException.NotFound("没有这个证书编号"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noCache())
			.body(certificates.png(c, baseUrl + "/quiz/certificates/" + c.number()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

}
