package com.xinfang.publicity.web;

import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.publicity.Exams;
import com.xinfang.publicity.PublicityAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff law study and exams in the console. */
@PageController
class ExamPages {

	private final Exams exams;

	private final PublicityAccess access;

	private final Clock clock;

	ExamPages(Exams exams, PublicityAccess access, Clock clock) {
		this.exams = exams;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/console/publicity/exams")
	String list(Actor actor, Model model) {
		model.addAttribute("standings", exams.standings(actor));
		model.addAttribute("materials", exams.materials(actor));
		model.addAttribute("bureau", access.isBureau(actor));
		LocalDateTime now = LocalDateTime.now(clock.withZone(BeijingTime.ZONE)).withSecond(0).withNano(0);
		model.addAttribute("defaultOpens", now);
		model.addAttribute("defaultCloses", now.plusDays(14));
		return "publicity/exams";
	}

	@PostMapping("/console/publicity/exams")
	String create(@RequestParam String title, @RequestParam(defaultValue = "DRAWN") String kind,
			@RequestParam(required = false) String questionIds, @RequestParam List<Integer> counts, @RequestParam List<Integer> points,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
			@RequestParam Integer durationMinutes, @RequestParam Integer passScore, @RequestParam Integer maxAttempts, Actor actor,
			RedirectAttributes redirect) {
		List<Long> ids = new ArrayList<>();
		if (questionIds != null) {
			for (String s : questionIds.split("[\\s,，、]+")) {
				if (!s.isBlank()) {
					try {
						ids.add(Long.parseLong(s.strip()));
					}
					catch (NumberFormatException ex) {
						throw new DomainException.Invalid("questionIds", "题号应为数字，用逗号分隔");
					}
				}
			}
		}
		try {
			exams.create(new Exams.ExamForm(title, "FIXED".equals(kind), ids, counts, points, at(opensAt), at(closesAt), durationMinutes,
					passScore, maxAttempts), actor);
			redirect.addFlashAttribute("flash", "考试已发布");
		}
		catch (DomainException.Invalid ex) {
			redirect.addFlashAttribute("examProblems", ex.problems());
		}
		return "redirect:/console/publicity/exams";
	}

	private static OffsetDateTime at(LocalDateTime t) {
		return t == null ? null : t.atZone(BeijingTime.ZONE).toOffsetDateTime();
	}

	@PostMapping("/console/publicity/exams/{id}/attempts")
	String start(@PathVariable long id, Actor actor) {
		return "redirect:/console/publicity/attempts/" + exams.start(id, actor);
	}

	@GetMapping("/console/publicity/attempts/{id}")
	String attempt(@PathVariable long id, Actor actor, Model model) {
		Exams.Attempt a = exams.view(id, actor);
		model.addAttribute("attempt", a);
		model.addAttribute("exam", exams.exam(a.examId()));
		if (a.open()) {
			model.addAttribute("paper", exams.paper(a));
			model.addAttribute("answers", exams.answersOf(a));
			model.addAttribute("secondsLeft", Math.max(0, Duration.between(clock.instant(), a.deadlineAt().toInstant()).toSeconds()));
		}
		else {
			model.addAttribute("marked", exams.marked(a));
		}
		return "publicity/exam-attempt";
	}

	@PostMapping("/console/publicity/attempts/{id}/answers/{questionId}")
	@ResponseBody
	ResponseEntity<Void> answer(@PathVariable long id, @PathVariable long questionId, @RequestParam(required = false) String answer,
			Actor actor) {
		exams.answer(id, questionId, answer, actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/console/publicity/attempts/{id}/submit")
	String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Actor actor) {
		Map<Long, String> answers = new LinkedHashMap<>();
		// the checkboxes of one question arrive as several values
		params.forEach((k, v) -> {
			if (k.matches("q\\d+")) {
				answers.put(Long.parseLong(k.substring(1)), String.join("", v));
			}
		});
		exams.submit(id, answers, actor);
		return "redirect:/console/publicity/attempts/" + id;
	}

	@PostMapping("/console/publicity/attempts/{id}/certificate")
	String certificate(@PathVariable long id, Actor actor) {
		return "redirect:/quiz/certificates/" + exams.certificate(id, actor).number();
	}

	@GetMapping("/console/publicity/exams/{id}/results")
	String results(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("results", exams.results(id, actor));
		return "publicity/exam-results";
	}

	@GetMapping("/console/publicity/materials/{id}")
	String material(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("material", exams.read(id, actor));
		return "publicity/material";
	}

	@PostMapping("/console/publicity/materials")
	String addMaterial(@RequestParam String title, @RequestParam String body, @RequestParam(required = false) String law, Actor actor,
			RedirectAttributes redirect) {
		exams.addMaterial(title, body, law, actor);
		redirect.addFlashAttribute("flash", "学习材料已发布");
		return "redirect:/console/publicity/exams";
	}

}
