package com.xinfang.mediation.web;

import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.mediation.Disputes;
import com.xinfang.mediation.Organisations;
import com.xinfang.mediation.RiskLevel;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispute pages: a grid worker reports on the phone, the 矛调中心 分流 and sets the risk, the
 * mediator records sessions and the agreement, follows up and closes. Field staff (grid workers and
 * mediators) get the phone layout; centre staff the console.
 */
@PageController
class DisputePages {

	private final Disputes disputes;

	private final Organisations organisations;

	private final Grids grids;

	private final Clock clock;

	DisputePages(Disputes disputes, Organisations organisations, Grids grids, Clock clock) {
		this.disputes = disputes;
		this.organisations = organisations;
		this.grids = grids;
		this.clock = clock;
	}

	record ReportForm(String gridCode, String typeCode, String title, String facts, String applicantName, String applicantPhone,
			String respondentName, String respondentPhone, String riskLevel, String riskOwner, String riskPlan) {
	}

	@GetMapping("/console/disputes")
	String list(@RequestParam(required = false) String status, Actor actor, Model model) {
		layout(actor, model);
		model.addAttribute("rows", disputes.list(actor, status == null ? "OPEN" : status, 200));
		model.addAttribute("status", status == null ? "OPEN" : status);
		model.addAttribute("mayReport", actor.has(Role.GRID_WORKER));
		model.addAttribute("reminders", disputes.confirmationReminders(actor));
		return "mediation/disputes";
	}

	@GetMapping("/console/disputes/report")
	String reportForm(Actor actor, Model model) {
		if (!actor.has(Role.GRID_WORKER)) {
			throw new DomainException.Forbidden("只有网格员使用手机上报纠纷；矛调中心请通过接口或台账登记");
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReportForm(null, null, null, null, null, null, null, null, "GREEN", null, null));
		}
		return report(actor, model);
	}

	private String report(Actor actor, Model model) {
		layout(actor, model);
		model.addAttribute("memberships", grids.membershipsOf(actor.userId()));
		model.addAttribute("types", disputes.types());
		model.addAttribute("levels", RiskLevel.values());
		return "mediation/report";
	}

	@PostMapping("/console/disputes/report")
	String report(ReportForm form, Actor actor, Model model) {
		List<Disputes.PartyInput> parties = new ArrayList<>();
		parties.add(new Disputes.PartyInput("APPLICANT", form.applicantName(), null, form.applicantPhone(), null));
		parties.add(new Disputes.PartyInput("RESPONDENT", form.respondentName(), null, form.respondentPhone(), null));
		RiskLevel level = Optional.ofNullable(form.riskLevel()).filter(s -> !s.isBlank()).map(RiskLevel::valueOf).orElse(RiskLevel.GREEN);
		try {
			var d = disputes.register(new Disputes.Registration("GRID", form.typeCode(), form.title(), form.facts(), null,
					form.gridCode(), parties, level, form.riskOwner(), form.riskPlan(), null), actor);
			return "redirect:/console/disputes/" + d.number() + "?reported";
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("form", form);
			model.addAttribute("problems", ex.problems());
			return report(actor, model);
		}
	}

	@GetMapping("/console/disputes/{number}")
	String dispute(@PathVariable String number, Actor actor, Model model) {
		return detail(disputes.visible(number, actor), actor, model);
	}

	private String detail(Disputes.Dispute d, Actor actor, Model model) {
		layout(actor, model);
		model.addAttribute("d", d);
		boolean overseer = Oversight.oversees(actor, d.regionCode()) && actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN, Role.LEADER);
		boolean mediator = d.orgId() != null && actor.has(Role.MEDIATOR) && organisations.orgsOf(actor.userId()).contains(d.orgId());
		model.addAttribute("mayAssign", overseer && d.status().name().matches("REGISTERED|ASSIGNED"));
		model.addAttribute("mayRisk", overseer && d.status().isOpen());
		model.addAttribute("mayMediate", mediator && d.status().name().matches("ASSIGNED|MEDIATING"));
		model.addAttribute("mayConclude", mediator && d.status().name().equals("MEDIATING"));
		model.addAttribute("mayFollowUp", mediator && d.status().name().equals("AGREED"));
		model.addAttribute("mayClose", (mediator || Oversight.oversees(actor, d.regionCode())) && d.status().name().matches("FOLLOWED_UP|FAILED"));
		model.addAttribute("mayConfirm", mediator && d.agreement() != null);
		model.addAttribute("mayPrint", (mediator || Oversight.oversees(actor, d.regionCode())) && d.agreement() != null
				&& "WRITTEN".equals(d.agreement().form()));
		if (overseer) {
			model.addAttribute("organisations", organisations.directory(d.countyCodeOrRegion(), null));
			model.addAttribute("suggested", organisations.suggest(d.typeCode(), d.regionCode()).orElse(null));
			model.addAttribute("levels", RiskLevel.values());
		}
		if (d.orgId() != null) {
			model.addAttribute("rooms", organisations.organisation(d.orgId()).map(Organisations.Organisation::rooms).orElse(List.of()));
		}
		model.addAttribute("today", LocalDate.now(clock.withZone(BeijingTime.ZONE)));
		return "mediation/dispute";
	}

	@PostMapping("/console/disputes/{number}/assign")
	String assign(@PathVariable String number, @RequestParam(required = false) Long orgId, @RequestParam(required = false) Long roomId,
			@RequestParam int version, Actor actor, Model model, RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "已分流", () -> disputes.assign(number, new Disputes.Assignment(orgId, roomId, version), actor));
	}

	@PostMapping("/console/disputes/{number}/risk")
	String risk(@PathVariable String number, @RequestParam(required = false) RiskLevel level, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String reason, @RequestParam int version,
			Actor actor, Model model, RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "风险等级已调整",
				() -> disputes.changeRisk(number, new Disputes.RiskChange(level, owner, plan, reason, version), actor));
	}

	@PostMapping("/console/disputes/{number}/sessions")
	String session(@PathVariable String number, @RequestParam(required = false) LocalDate heldOn,
			@RequestParam(required = false) Long roomId, @RequestParam(required = false) String attendees,
			@RequestParam(required = false) String record, @RequestParam int version, Actor actor, Model model,
			RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "调解笔录已保存",
				() -> disputes.recordSession(number, new Disputes.SessionInput(heldOn, roomId, attendees, record, version), actor));
	}

	@PostMapping("/console/disputes/{number}/agreement")
	String agree(@PathVariable String number, @RequestParam(required = false) String form, @RequestParam(required = false) String facts,
			@RequestParam(required = false) String responsibilities, @RequestParam(required = false) String terms,
			@RequestParam(required = false) String performance, @RequestParam(required = false) LocalDate performBy,
			@RequestParam(required = false) LocalDate effectiveOn, @RequestParam int version, Actor actor, Model model,
			RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "调解协议已记录", () -> disputes.agree(number,
				new Disputes.AgreementInput(form, facts, responsibilities, terms, performance, performBy, effectiveOn, version), actor));
	}

	@PostMapping("/console/disputes/{number}/failure")
	String fail(@PathVariable String number, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String guidance, @RequestParam int version, Actor actor, Model model,
			RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "已记录未达成协议",
				() -> disputes.fail(number, new Disputes.Failure(reason, guidance, version), actor));
	}

	@PostMapping("/console/disputes/{number}/follow-up")
	String followUp(@PathVariable String number, @RequestParam(required = false) Boolean performed,
			@RequestParam(required = false) String note, @RequestParam int version, Actor actor, Model model,
			RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "回访已记录",
				() -> disputes.followUp(number, new Disputes.FollowUp(performed, note, version), actor));
	}

	@PostMapping("/console/disputes/{number}/close")
	String close(@PathVariable String number, @RequestParam(required = false) String note, @RequestParam int version, Actor actor,
			Model model, RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "已结案归档", () -> disputes.close(number, new Disputes.Closing(note, version), actor));
	}

	@PostMapping("/console/disputes/{number}/judicial-confirmation")
	String applyForConfirmation(@PathVariable String number, @RequestParam(required = false) String court,
			@RequestParam(required = false) LocalDate appliedOn, Actor actor, Model model, RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "已记录司法确认申请",
				() -> disputes.applyForConfirmation(number, new Disputes.ConfirmationApplication(court, appliedOn), actor));
	}

	@PostMapping("/console/disputes/{number}/judicial-confirmation/decision")
	String confirmationDecision(@PathVariable String number, @RequestParam(required = false) Boolean confirmed,
			@RequestParam(required = false) LocalDate decidedOn, @RequestParam(required = false) String note, Actor actor,
			Model model, RedirectAttributes redirect) {
		return act(number, actor, model, redirect, "已记录法院裁定",
				() -> disputes.recordConfirmationDecision(number, new Disputes.ConfirmationDecision(confirmed, decidedOn, note), actor));
	}

	@GetMapping("/console/disputes/{number}/agreement.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number, Actor actor) {
		byte[] pdf = disputes.agreementPdf(number, actor);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(disputes.agreementFileName(number), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

	/** Runs an act; bad input comes back on the page with the problems, a conflict as a message. */
	private String act(String number, Actor actor, Model model, RedirectAttributes redirect, String done,
			Supplier<Disputes.Dispute> act) {
		try {
			act.get();
			redirect.addFlashAttribute("flash", done);
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			return detail(disputes.visible(number, actor), actor, model);
		}
		catch (DomainException.Conflict ex) {
			redirect.addFlashAttribute("flash", ex.getMessage());
		}
		return "redirect:/console/disputes/" + number;
	}

	/** Grid workers and mediators work on a phone: the portal's look with their own navigation. */
	private static void layout(Actor actor, Model model) {
		model.addAttribute("phone", actor.hasAny(Role.GRID_WORKER, Role.MEDIATOR) && Oversight.regionPrefix(actor).isEmpty());
	}

}
