package com.xinfang.intake.web;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.Action;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionCommand;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.PublicLookup;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.petition.Satisfaction;
import com.xinfang.petition.Status;
import com.xinfang.petition.Upload;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.platform.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen portal, mobile first. */
@PageController
class PortalPages {

	private final Directory directory;

	private final PetitionRegistration registration;

	private final PetitionQueries queries;

	private final PublicLookup lookup;

	private final Accounts accounts;

	private final PetitionActions actions;

	PortalPages(PetitionActions actions, Directory directory, PetitionRegistration registration, PetitionQueries queries, PublicLookup lookup,
			Accounts accounts) {
		this.actions = actions;
		this.directory = directory;
		this.registration = registration;
		this.queries = queries;
		this.lookup = lookup;
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home() {
		return "intake/home";
	}

	/** 一县一码: the QR code's target. Public, so the poster works before login. */
	@GetMapping("/county/{code}")
	String county(@PathVariable String code) {
		Region region = directory.region(code).orElseThrow(() -> new DomainException.NotFound("没有这个县市区"));
		return "redirect:/petition/new?region=" + region.code();
	}

	/** htmx: the townships of a county as options. */
	@GetMapping("/regions/options")
	String regionOptions(@RequestParam(required = false) String parent, @RequestParam(required = false) String county,
			Model model) {
		String code = parent != null ? parent : county;
		model.addAttribute("options", code == null || code.isBlank() ? List.of() : directory.regionChildren(code));
		return "intake/fragments :: regionOptions";
	}

	@GetMapping("/petition/new")
	String petitionForm(@RequestParam(required = false) String region, Actor actor, Model model) {
		String county = region == null ? null : region.substring(0, Math.min(6, region.length()));
		model.addAttribute("form", new PetitionForm(null, null, county, region != null && region.length() > 6 ? region : null,
				null, null, false));
		fillFormModel(model, county, actor);
		return "intake/petition-form";
	}

	@PostMapping("/petition/new")
	String submit(PetitionForm form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			Actor actor, Model model, RedirectAttributes redirect) {
		if (!form.promised()) {
			model.addAttribute("form", form);
			model.addAttribute("problems", List.of(new DomainException.FieldProblem("truthful",
					"请确认所反映的情况真实（《信访工作条例》第二十六条）")));
			fillFormModel(model, form.county(), actor);
			return "intake/petition-form";
		}
		try {
			var cmd = new RegisterPetition("ONLINE", null, form.regionCode(), form.title(), form.content(),
					blank(form.categoryCode()), null, null,
					List.of(new RegisterPetition.PetitionerInput(null, null, null, form.address(), true)), null, null, null);
			var result = registration.register(cmd, Upload.of(files), actor);
			// Flash attributes live for exactly one view: the query code is shown once.
			redirect.addFlashAttribute("number", result.petition().number());
			redirect.addFlashAttribute("queryCode", result.queryCode());
			redirect.addFlashAttribute("bureau", directory.petitionBureauFor(result.petition().regionCode())
				.map(u -> u.name()).orElse("信访部门"));
			return "redirect:/petition/submitted";
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("form", form);
			model.addAttribute("problems", ex.problems());
			fillFormModel(model, form.county(), actor);
			return "intake/petition-form";
		}
	}

	@GetMapping("/petition/submitted")
	String submitted(Model model) {
		if (!model.containsAttribute("number")) {
			return "redirect:/my";
		}
		return "intake/submitted";
	}

	@GetMapping("/query")
	String queryForm() {
		return "intake/query";
	}

	@PostMapping("/query")
	String query(@RequestParam String number, @RequestParam String queryCode, HttpServletRequest request, Model model) {
		model.addAttribute("number", number);
		try {
			model.addAttribute("result", lookup.lookup(number, queryCode, request.getRemoteAddr()));
			model.addAttribute("queryCode", queryCode);
		}
		catch (DomainException.NotFound | DomainException.Throttled ex) {
			model.addAttribute("queryError", ex.getMessage());
		}
		return "intake/query";
	}

	/** Rating and 复查/复核 requests by the holder of the number and query code. */
	@PostMapping("/query/act")
	String queryAct(@RequestParam String number, @RequestParam String queryCode, @RequestParam String action,
			@RequestParam(required = false) String satisfaction, @RequestParam(required = false) String reason,
			HttpServletRequest request, Model model) {
		model.addAttribute("number", number);
		try {
			var act = Action.valueOf(action);
			actions.performAsPetitioner(number, queryCode, request.getRemoteAddr(), petitionerCommand(act, satisfaction, reason));
			model.addAttribute("flash", "已提交：" + act.label());
		}
		catch (DomainException.NotFound | DomainException.Throttled ex) {
			model.addAttribute("queryError", ex.getMessage());
			return "intake/query";
		}
		catch (DomainException ex) {
			model.addAttribute("actError", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("actError", "未知操作");
		}
		model.addAttribute("queryCode", queryCode);
		model.addAttribute("result", lookup.lookup(number, queryCode, request.getRemoteAddr()));
		return "intake/query";
	}

	/** A document of the matter for the holder of the code (POST, so the code stays out of URLs). */
	@PostMapping("/query/document")
	ResponseEntity<byte[]> queryDocument(@RequestParam String number, @RequestParam String queryCode,
			@RequestParam long id, HttpServletRequest request) {
		var doc = lookup.document(number, queryCode, request.getRemoteAddr(), id);
		return doc.toResponse(true);
	}

	/** The petitioner's own acts as typed commands; any other act is not the petitioner's to take. */
	static PetitionCommand petitionerCommand(Action act, String satisfaction,
			String reason) {
		return switch (act) {
			case RATE -> new PetitionCommand.Rate(Texts
				.optionalEnum(Satisfaction.class, satisfaction, "satisfaction"));
			case REQUEST_REEXAMINATION -> new PetitionCommand.RequestReexamination(reason);
			case REQUEST_REVIEW -> new PetitionCommand.RequestReview(reason);
			default -> throw new DomainException.Forbidden("信访人不能执行该操作");
		};
	}

	@GetMapping("/my")
	String mine(Actor actor, Model model) {
		model.addAttribute("items", queries.mine(actor));
		accounts.citizenIdentity(actor.userId()).ifPresent(id -> model.addAttribute("identity", id));
		return "intake/mine";
	}

	@GetMapping("/my/{number}")
	String mineDetail(@PathVariable String number, Actor actor, Model model) {
		model.addAttribute("p", queries.find(number, actor));
		model.addAttribute("milestones", queries.milestones(number, actor));
		model.addAttribute("allowed", actions.allowed(number, actor));
		model.addAttribute("documents", queries.documents(number, actor, "/my/" + number + "/documents/"));
		var p = queries.find(number, actor);
		if (p.status() == Status.MERGED && p.duplicateOf() != null) {
			// a merged repeat is handled as its original: when the original is this citizen's own too, its
			// documents and its rating are one tap away (the query's own scope decides; anyone else's stays out)
			try {
				queries.requireVisible(p.duplicateOf(), actor);
				model.addAttribute("original", p.duplicateOf());
				model.addAttribute("originalDocuments",
						queries.documents(p.duplicateOf(), actor, "/my/" + p.duplicateOf() + "/documents/"));
			}
			catch (DomainException.NotFound ex) {
				// someone else's matter: its milestones only
			}
		}
		return "intake/mine-detail";
	}

	@PostMapping("/my/{number}/act")
	String mineAct(@PathVariable String number, @RequestParam String action, @RequestParam int version,
			@RequestParam(required = false) String satisfaction, @RequestParam(required = false) String reason, Actor actor,
			RedirectAttributes redirect) {
		try {
			var act = Action.valueOf(action);
			actions.perform(number, version, petitionerCommand(act, satisfaction, reason), actor);
			redirect.addFlashAttribute("flash", "已提交：" + act.label());
		}
		catch (DomainException ex) {
			if (ex instanceof DomainException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("actError", ex.getMessage());
		}
		return "redirect:/my/" + number;
	}

	@GetMapping("/my/{number}/documents/{id}")
	ResponseEntity<byte[]> myDocument(@PathVariable String number, @PathVariable long id, Actor actor) {
		var doc = queries.document(number, id, actor);
		return doc.toResponse(false);
	}

	private void fillFormModel(Model model, String county, Actor actor) {
		model.addAttribute("counties", directory.counties());
		model.addAttribute("townships", county == null ? List.of() : directory.regionChildren(county));
		model.addAttribute("categories", directory.categories());
		accounts.citizenIdentity(actor.userId()).ifPresent(id -> model.addAttribute("identity", id));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** The online form. The region is the township when chosen, else the county. */
	record PetitionForm(String title, String content, String county, String township, String categoryCode,
			String address, Boolean truthful) {

		/** An unticked box sends nothing: that is "not promised", not a malformed form. */
		boolean promised() {
			return Boolean.TRUE.equals(truthful);
		}

		String regionCode() {
			return township != null && !township.isBlank() ? township : county;
		}

	}

}
