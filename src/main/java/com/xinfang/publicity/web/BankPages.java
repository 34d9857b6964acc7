package com.xinfang.publicity.web;

import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.publicity.Challenge;
import com.xinfang.publicity.PublicityAccess;
import com.xinfang.publicity.Question;
import com.xinfang.publicity.QuestionBank;
import com.xinfang.publicity.QuestionSheet;
import com.xinfang.publicity.QuestionType;
import com.xinfang.publicity.Visits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's 法治宣传 home (visit figures, rounds to review) and the question bank. */
@PageController
class BankPages {

	private final QuestionBank bank;

	private final Challenge challenge;

	private final Visits visits;

	private final PublicityAccess access;

	private final Clock clock;

	BankPages(QuestionBank bank, Challenge challenge, Visits visits, PublicityAccess access, Clock clock) {
		this.bank = bank;
		this.challenge = challenge;
		this.visits = visits;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/console/publicity")
	String home(Actor actor, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		model.addAttribute("bureau", access.isBureau(actor));
		model.addAttribute("days", visits.byDay(today.minusDays(29), today));
		model.addAttribute("year", visits.totals(today.withDayOfYear(1), today));
		model.addAttribute("flagged", access.isBureau(actor) ? challenge.flagged() : List.of());
		model.addAttribute("bankSize", bank.activeCount());
		return "publicity/console-home";
	}

	@PostMapping("/console/publicity/rounds/{id}/review")
	String review(@PathVariable long id, @RequestParam boolean clear, Actor actor, RedirectAttributes redirect) {
		challenge.review(id, clear, actor, access);
		redirect.addFlashAttribute("flash", clear ? "已确认成绩有效，已计入排行榜" : "已判定为无效成绩");
		return "redirect:/console/publicity";
	}

	@GetMapping("/console/publicity/questions")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) Integer difficulty,
			@RequestParam(required = false) String chapter, @RequestParam(required = false) String q, Actor actor, Model model) {
		access.requireBankEditor(actor);
		QuestionType t = QuestionType.parse(type).orElse(null);
		model.addAttribute("questions", bank.list(new QuestionBank.Filter(t, difficulty, chapter, q)));
		model.addAttribute("chapters", bank.countsByChapter());
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("filter", new QuestionBank.Filter(t, difficulty, chapter, q));
		return "publicity/questions";
	}

	@GetMapping({ "/console/publicity/questions/new", "/console/publicity/questions/{id}" })
	String edit(@PathVariable(required = false) Long id, Actor actor, Model model) {
		access.requireBankEditor(actor);
		Question question = id == null ? null : bank.get(id);
		model.addAttribute("question", question);
		model.addAttribute("cells", question == null ? new ArrayList<>(List.of("单选", "", "", "", "", "", "", "", "《信访工作条例》", "", "", "中", ""))
				: QuestionSheet.cells(question));
		model.addAttribute("types", QuestionType.values());
		return "publicity/question-form";
	}

	@PostMapping("/console/publicity/questions")
	String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
			@RequestParam Map<String, String> params, Actor actor, Model model, RedirectAttributes redirect) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < QuestionSheet.HEADER.size(); i++) {
			cells.add(params.getOrDefault("c" + i, ""));
		}
		try {
			bank.save(id, version, cells, actor);
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("question", id == null ? null : bank.get(id));
			model.addAttribute("cells", cells);
			model.addAttribute("types", QuestionType.values());
			return "publicity/question-form";
		}
		redirect.addFlashAttribute("flash", "题目已保存");
		return "redirect:/console/publicity/questions";
	}

	@PostMapping("/console/publicity/questions/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active, Actor actor, RedirectAttributes redirect) {
		bank.setActive(id, active, actor);
		redirect.addFlashAttribute("flash", active ? "题目已启用" : "题目已停用，不再被抽到");
		return "redirect:/console/publicity/questions";
	}

	@GetMapping("/console/publicity/questions.xlsx")
	ResponseEntity<StreamingResponseBody> export(Actor actor) {
		access.requireBankEditor(actor);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("题库.xlsx", StandardCharsets.UTF_8).build().toString())
			.body(bank::exportExcel);
	}

	@PostMapping("/console/publicity/questions/import")
	String importFile(@RequestParam("file") MultipartFile file, Actor actor, RedirectAttributes redirect) {
		QuestionSheet.Result r;
		try {
			r = bank.importExcel(file.getInputStream(), actor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (r.ok()) {
			redirect.addFlashAttribute("flash", "已导入" + r.rows().size() + "道题");
		}
		else {
			redirect.addFlashAttribute("importErrors", r.errors());
		}
		return "redirect:/console/publicity/questions";
	}

}
