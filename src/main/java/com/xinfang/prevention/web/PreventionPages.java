package com.xinfang.prevention.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.platform.PageController;
import com.xinfang.prevention.KeyPersons;
import com.xinfang.prevention.ModelCounty;
import com.xinfang.prevention.StabilityAssessments;
import com.xinfang.prevention.VillageRatings;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The prevention pages: 无上访村(社区) per county, the key-person list and entry, the major-decision register. */
@PageController
class PreventionPages {

	private final VillageRatings ratings;

	private final KeyPersons keyPersons;

	private final StabilityAssessments decisions;

	private final ModelCounty modelCounty;

	private final Clock clock;

	PreventionPages(VillageRatings ratings, KeyPersons keyPersons, StabilityAssessments decisions, ModelCounty modelCounty, Clock clock) {
		this.modelCounty = modelCounty;
		this.ratings = ratings;
		this.keyPersons = keyPersons;
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/console/prevention/villages")
	String villages(@RequestParam(required = false) String county, @RequestParam(required = false) Integer year, Actor actor, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		String prefix = Oversight.regionPrefix(actor).orElseThrow(() -> new DomainException.NotFound("没有可查看的评定"));
		String c = county != null && !county.isBlank() ? county : prefix.length() >= 6 ? prefix.substring(0, 6) : "430702";
		int y = year == null ? today.getYear() : year;
		model.addAttribute("lines", ratings.county(c, y, actor));
		model.addAttribute("county", c);
		model.addAttribute("year", y);
		model.addAttribute("indicators", ratings.indicators());
		return "prevention/villages";
	}

	/**
	 * 示范县创建进展, the city's overview: every county the person may see, one line each; a county's own
	 * staff go straight to their county's page. A township or a department: 404.
	 */
	@GetMapping("/console/prevention/model-county")
	String modelCounties(@RequestParam(required = false) String year, Actor actor, Model model) {
		var counties = modelCounty.counties(actor); // 404 for anyone who oversees no county
		int y = year(year, model);
		if (counties.size() == 1 && Oversight.regionPrefix(actor).map(p -> p.length() == 6).orElse(false)) {
			return "redirect:/console/prevention/model-county/" + counties.get(0).code() + "?year=" + y;
		}
		model.addAttribute("lines", modelCounty.overview(y, actor));
		model.addAttribute("criteria", modelCounty.criteria());
		model.addAttribute("year", y);
		return "prevention/model-counties";
	}

	/** 示范县创建进展 of one county: its own staff and the city; another county: 404. */
	@GetMapping("/console/prevention/model-county/{county}")
	String modelCounty(@PathVariable String county, @RequestParam(required = false) String year, Actor actor, Model model) {
		int y = year(year, model);
		model.addAttribute("p", modelCounty.of(county, y, actor));
		model.addAttribute("cityView", Oversight.regionPrefix(actor).map(p -> p.length() < 6).orElse(false));
		model.addAttribute("year", y);
		return "prevention/model-county";
	}

	/** The year asked for; a mistyped or impossible one is a message on the page and the current year is shown. */
	private int year(String typed, Model model) {
		int current = LocalDate.now(clock.withZone(BeijingTime.ZONE)).getYear();
		if (typed == null || typed.isBlank()) {
			return current;
		}
		Integer y = integer(typed);
		if (y == null || y < 2000 || y > current) {
			problems(model, List.of(new DomainException.FieldProblem("year", "请选择2000年至" + current + "年之间的年度；下面是" + current + "年的进展")));
			model.addAttribute("typedYear", typed);
			return current;
		}
		return y;
	}

	@GetMapping("/console/key-persons")
	String keyPersons(@RequestParam(defaultValue = "false") boolean all, Actor actor, Model model) {
		model.addAttribute("rows", keyPersons.list(actor, all));
		model.addAttribute("all", all);
		model.addAttribute("mayAdd", keyPersons.mayAdd(actor));
		return "prevention/key-persons";
	}

	/** The 列入 form as typed (every field a string, so a mistyped number or date is a message on the form, not a 400). */
	record KeyPersonForm(String name, String idNumber, String countyCode, String basis, String basisRefs, String reason,
			String leaderUsername, String gridWorkerUsername, String followUpDays, String reviewOn) {
	}

	@GetMapping("/console/key-persons/new")
	String newKeyPerson(Actor actor, Model model) {
		var options = keyPersons.addOptions(actor); // 404 for anyone but the county bureau
		if (!model.containsAttribute("form")) {
			String county = options.counties().size() == 1 ? options.counties().get(0).value() : null;
			LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
			model.addAttribute("form", new KeyPersonForm(null, null, county, null, null, null, null, null, "30", today.plusMonths(6).toString()));
		}
		model.addAttribute("options", options);
		model.addAttribute("bases", KeyPersons.Basis.values());
		return "prevention/key-person-new";
	}

	@PostMapping("/console/key-persons")
	String addKeyPerson(KeyPersonForm form, Actor actor, Model model, RedirectAttributes redirect) {
		keyPersons.addOptions(actor); // 404 before anything else for anyone but the county bureau
		try {
			List<String> refs = form.basisRefs() == null ? List.of() : Arrays.stream(form.basisRefs().split("[\\s,，、;；]+")).filter(r -> !r.isBlank()).toList();
			var k = keyPersons.add(new KeyPersons.Entry(form.name(), form.idNumber(), form.countyCode(), blankToNull(form.basis()), refs,
					form.reason(), blankToNull(form.leaderUsername()), blankToNull(form.gridWorkerUsername()), integer(form.followUpDays()),
					date(form.reviewOn())), actor);
			redirect.addFlashAttribute("flash", "已列入重点人员名单");
			return "redirect:/console/key-persons/" + k.id();
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
		}
		catch (DomainException.NotFound | DomainException.Forbidden ex) {
			// a basis number out of the bureau's sight reads as unknown, on the form
			problems(model, List.of(new DomainException.FieldProblem("basisRefs", "列入依据中的编号不存在或不在本辖区：" + ex.getMessage())));
		}
		model.addAttribute("form", form);
		return newKeyPerson(actor, model);
	}

	@GetMapping("/console/key-persons/{id}")
	String keyPerson(@PathVariable long id, Actor actor, Model model) {
		var k = keyPersons.view(id, actor);
		model.addAttribute("k", k);
		model.addAttribute("mayManage", keyPersons.mayManage(k, actor));
		model.addAttribute("today", LocalDate.now(clock.withZone(BeijingTime.ZONE)));
		return "prevention/key-person";
	}

	@PostMapping("/console/key-persons/{id}/visits")
	String visit(@PathVariable long id, @RequestParam(required = false) String visitedOn, @RequestParam(required = false) String note,
			Actor actor, Model model, RedirectAttributes redirect) {
		try {
			keyPersons.visit(id, new KeyPersons.Visit(date(visitedOn), note), actor);
			redirect.addFlashAttribute("flash", "走访已记录");
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
			model.addAttribute("typedVisitedOn", visitedOn);
			model.addAttribute("typedNote", note);
			return keyPerson(id, actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/key-persons/" + id;
	}

	/**
	 * 复核续期 from the entry's page: the county bureau only (anyone else, including the named leader and grid
	 * worker who may read the entry: 404, like a page that does not exist); a mistake or a stale version is a
	 * message on the form with what was typed kept, and nothing is stored.
	 */
	@PostMapping("/console/key-persons/{id}/renewal")
	String renew(@PathVariable long id, @RequestParam(required = false) String reviewOn, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String version, Actor actor, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return keyPersonForm(id, () -> keyPersons.renew(id, new KeyPersons.Renewal(date(reviewOn), reason, integer(version)), actor),
				() -> "已复核续期至" + reviewOn.strip(), "renew", typed -> typed.addAttribute("typedReviewOn", reviewOn)
					.addAttribute("typedRenewReason", reason), actor, model, redirect, response);
	}

	/** 移出名单 (化解销号) from the entry's page: as {@link #renew}. */
	@PostMapping("/console/key-persons/{id}/removal")
	String remove(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String version,
			Actor actor, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return keyPersonForm(id, () -> keyPersons.remove(id, new KeyPersons.Removal(reason, integer(version)), actor),
				() -> "已移出重点人员名单", "remove", typed -> typed.addAttribute("typedRemoveReason", reason), actor, model, redirect,
				response);
	}

	/**
	 * A form of the county bureau's on the key person's page, sent: done → a flash and back to the page's top (the
	 * form was sent to its panel's anchor); refused to the actor → 404, like a page that does not exist; a mistake →
	 * the page again with the messages on the open form and what was typed; a stale version → the same with a 409.
	 */
	private String keyPersonForm(long id, Runnable act, Supplier<String> flash, String form, Consumer<Model> typed, Actor actor,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			act.run();
			redirect.addFlashAttribute("flash", flash.get());
			return "redirect:/console/key-persons/" + id + "#main";
		}
		catch (DomainException.Forbidden ex) {
			throw new DomainException.NotFound("页面不存在");
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
		}
		catch (DomainException.Conflict ex) {
			response.setStatus(409);
			problems(model, List.of(new DomainException.FieldProblem("version", stale(ex))));
		}
		model.addAttribute("openForm", form);
		typed.accept(model);
		return keyPerson(id, actor, model);
	}

	@GetMapping("/console/decisions")
	String decisions(Actor actor, Model model) {
		model.addAttribute("decisions", decisions.list(actor));
		model.addAttribute("mayRegister", decisions.mayRegister(actor));
		return "prevention/decisions";
	}

	record DecisionForm(String regionCode, String title, String kind, String decidingBody, String summary) {
	}

	@GetMapping("/console/decisions/new")
	String newDecision(Actor actor, Model model) {
		var places = decisions.places(actor); // 404 for anyone who does not keep the register
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DecisionForm(places.size() == 1 ? places.get(0).code() : null, null, null, null, null));
		}
		model.addAttribute("places", places);
		model.addAttribute("kinds", List.of(new KeyPersons.Choice("PROJECT", "重大项目"), new KeyPersons.Choice("POLICY", "重大政策"),
				new KeyPersons.Choice("LAND", "征地拆迁"), new KeyPersons.Choice("OTHER", "其他")));
		return "prevention/decision-new";
	}

	@PostMapping("/console/decisions")
	String registerDecision(DecisionForm form, Actor actor, Model model, RedirectAttributes redirect) {
		decisions.places(actor); // 404 first for anyone who does not keep the register
		try {
			var d = decisions.register(new StabilityAssessments.DecisionInput(blankToNull(form.regionCode()), form.title(), blankToNull(form.kind()),
					form.decidingBody(), form.summary()), actor);
			redirect.addFlashAttribute("flash", "重大决策已登记，请录入社会稳定风险评估");
			return "redirect:/console/decisions/" + d.id();
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
		}
		catch (DomainException.Forbidden ex) {
			problems(model, List.of(new DomainException.FieldProblem("regionCode", ex.getMessage())));
		}
		model.addAttribute("form", form);
		return newDecision(actor, model);
	}

	/** The assessment form as typed: one row per risk (blank rows are left out). */
	record AssessmentForm(String assessor, String method, List<String> riskDescription, List<String> riskLevel, String measures,
			String conclusion, String completedOn, String version) {

		public List<StabilityAssessments.RiskInput> risks() {
			List<StabilityAssessments.RiskInput> out = new ArrayList<>();
			int n = Math.max(riskDescription == null ? 0 : riskDescription.size(), riskLevel == null ? 0 : riskLevel.size());
			for (int i = 0; i < n; i++) {
				String d = riskDescription != null && i < riskDescription.size() ? riskDescription.get(i) : null;
				String l = riskLevel != null && i < riskLevel.size() ? riskLevel.get(i) : null;
				if ((d == null || d.isBlank()) && (l == null || l.isBlank())) {
					continue;
				}
				out.add(new StabilityAssessments.RiskInput(d, l == null || l.isBlank() ? null : l));
			}
			return out;
		}

		/** The rows to show again: what was typed, and blank rows up to three. */
		public List<String[]> rows() {
			List<String[]> out = new ArrayList<>();
			int n = Math.max(riskDescription == null ? 0 : riskDescription.size(), riskLevel == null ? 0 : riskLevel.size());
			for (int i = 0; i < n; i++) {
				String d = riskDescription != null && i < riskDescription.size() ? riskDescription.get(i) : "";
				String l = riskLevel != null && i < riskLevel.size() ? riskLevel.get(i) : "";
				if (!(d == null || d.isBlank()) || !(l == null || l.isBlank())) {
					out.add(new String[] { d, l });
				}
			}
			while (out.size() < 3) {
				out.add(new String[] { "", "" });
			}
			return out;
		}

	}

	@PostMapping("/console/decisions/{id}/assessments")
	String assess(@PathVariable long id, AssessmentForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			// the risks are checked by the service with their row numbers as they reach it
			decisions.assess(id, new StabilityAssessments.AssessmentInput(form.assessor(), form.method(), form.risks(), form.measures(),
					blankToNull(form.conclusion()), date(form.completedOn()), integer(form.version())), actor);
			redirect.addFlashAttribute("flash", "评估已录入");
			return "redirect:/console/decisions/" + id;
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
			model.addAttribute("assessment", form);
			return decision(id, actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
			return "redirect:/console/decisions/" + id;
		}
	}

	@GetMapping("/console/decisions/{id}")
	String decision(@PathVariable long id, Actor actor, Model model) {
		var d = decisions.view(id, actor);
		model.addAttribute("d", d);
		model.addAttribute("conclusions", com.xinfang.prevention.StabilityAssessmentGate.Conclusion.values());
		if (!model.containsAttribute("assessment")) {
			model.addAttribute("assessment", new AssessmentForm(null, null, null, null, null, null,
					LocalDate.now(clock.withZone(BeijingTime.ZONE)).toString(), String.valueOf(d.version())));
		}
		return "prevention/decision";
	}

	/**
	 * A later petition or dispute linked back to the decision: those who keep the register (anyone else: 404);
	 * a number the person cannot see reads as unknown on the form, an existing link is a 409 message on the form.
	 */
	@PostMapping("/console/decisions/{id}/links")
	String link(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String number, Actor actor,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		decisions.view(id, actor); // 404 first for anyone who does not keep the decision
		try {
			decisions.link(id, new StabilityAssessments.LinkInput(blankToNull(kind), number), actor);
			redirect.addFlashAttribute("flash", "已关联" + ("DISPUTE".equals(kind) ? "矛盾纠纷 " : "信访事项 ") + number.strip());
			return "redirect:/console/decisions/" + id + "#main";
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
		}
		catch (DomainException.NotFound | DomainException.Forbidden ex) {
			problems(model, List.of(new DomainException.FieldProblem("number",
					("DISPUTE".equals(kind) ? "矛盾纠纷" : "信访事项") + "编号不存在或不在本辖区：" + number.strip())));
		}
		catch (DomainException.Conflict ex) {
			response.setStatus(409);
			problems(model, List.of(new DomainException.FieldProblem("number", "该" + ("DISPUTE".equals(kind) ? "矛盾纠纷" : "信访事项") + ex.getMessage()
					+ "到本决策：" + number.strip())));
		}
		model.addAttribute("openForm", "link");
		model.addAttribute("typedLinkKind", kind);
		model.addAttribute("typedLinkNumber", number);
		return decision(id, actor, model);
	}

	@PostMapping("/console/decisions/{id}/taken")
	String taken(@PathVariable long id, @RequestParam(required = false) String takenOn, @RequestParam(required = false) String note,
			@RequestParam(required = false) String version, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			decisions.recordTaken(id, new StabilityAssessments.Taking(date(takenOn), note, integer(version)), actor);
			redirect.addFlashAttribute("flash", "已记录为已决策");
		}
		catch (DomainException.Invalid ex) {
			problems(model, ex.problems());
			model.addAttribute("typedTakenOn", takenOn);
			model.addAttribute("typedTakenNote", note);
			return decision(id, actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/decisions/" + id;
	}

	// ------------------------------------------------------------------ form helpers

	/** A lost race is shown on the page as it is now: say so, rather than "refresh". */
	private static String stale(DomainException.Conflict ex) {
		return ex.getMessage().contains("已被他人修改") ? "该重点人员信息已被他人修改，页面已显示最新信息，请核对后重新提交（您填写的内容已保留）" : ex.getMessage();
	}

	private static void problems(Model model, List<DomainException.FieldProblem> problems) {
		Map<String, String> byField = new LinkedHashMap<>();
		problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
		model.addAttribute("problems", problems);
		model.addAttribute("fieldErrors", byField);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A typed whole number, or null (the service then says what is wanted). */
	private static Integer integer(String s) {
		try {
			return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A typed date (yyyy-MM-dd), or null (the service then says what is wanted). */
	private static LocalDate date(String s) {
		try {
			return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
