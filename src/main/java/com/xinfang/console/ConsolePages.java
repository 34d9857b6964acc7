package com.xinfang.console;

import com.xinfang.accountability.AccountabilityRates;
import com.xinfang.analytics.TableWriter;
import com.xinfang.coordination.JointHandling;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.identity.StaffNames;
import com.xinfang.notification.StaffNotices;
import com.xinfang.organization.Directory;
import com.xinfang.petition.Action;
import com.xinfang.petition.ActionRequest;
import com.xinfang.petition.Channel;
import com.xinfang.petition.Complexity;
import com.xinfang.petition.Kind;
import com.xinfang.petition.LegalChannel;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionCommand;
import com.xinfang.petition.PetitionFlags;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.PetitionViews;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.petition.Result;
import com.xinfang.petition.Satisfaction;
import com.xinfang.petition.Status;
import com.xinfang.petition.Unmasking;
import com.xinfang.petition.Upload;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import com.xinfang.supervision.CaseOwnership;
import com.xinfang.supervision.SupervisionOrders;
import com.xinfang.text.ClassificationService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The staff console's first pieces: home, registration desk, list, case page. */
@PageController
class ConsolePages {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final List<Channel> DESK_CHANNELS = List.of(Channel.LETTER, Channel.VISIT, Channel.PHONE, Channel.FAX,
			Channel.HOTLINE_12345, Channel.LEADER_MAILBOX);

	static final int PETITIONER_ROWS = 5;

	private final PetitionQueries queries;

	private final PetitionRegistration registration;

	private final Unmasking unmasking;

	private final Directory directory;

	private final PetitionActions actions;

	private final StaffNotices notices;

	private final SupervisionOrders supervision;

	private final PetitionFlags flags;

	private final CaseOwnership ownership;

	private final JointHandling joint;

	private final AccountabilityRates accountability;

	private final ClassificationService classification;

	private final SuggestionPanel suggestionPanel;

	private final Clock clock;

	private final StaffNames people;

	ConsolePages(ClassificationService classification, SuggestionPanel suggestionPanel,
			AccountabilityRates accountability, JointHandling joint, PetitionFlags flags, CaseOwnership ownership, SupervisionOrders supervision, StaffNotices notices, PetitionQueries queries, PetitionRegistration registration, Unmasking unmasking, Directory directory,
			PetitionActions actions, Clock clock, StaffNames people) {
		this.clock = clock;
		this.people = people;
		this.classification = classification;
		this.suggestionPanel = suggestionPanel;
		this.actions = actions;
		this.notices = notices;
		this.supervision = supervision;
		this.joint = joint;
		this.accountability = accountability;
		this.flags = flags;
		this.ownership = ownership;
		this.queries = queries;
		this.registration = registration;
		this.unmasking = unmasking;
		this.directory = directory;
	}

	@GetMapping("/console")
	String home(Actor actor, Model model) {
		Map<String, Long> counts = queries.countsByStatus(actor);
		List<Queue> queues = WorkQueues.forActor(actor).stream()
			.map(q -> new Queue(q.labelKey(), q.statuses(),
					q.statusList().stream().mapToLong(st -> counts.getOrDefault(st, 0L)).sum()))
			.toList();
		model.addAttribute("queues", queues);
		model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
		var overdue = queries.list(new PetitionViews.Filter(null, null, null, null, null, "statutory", null, "deadline"), actor, 0, 1);
		var overdueTarget = queries.list(new PetitionViews.Filter(null, null, null, null, null, "target", null, "deadline"), actor, 0, 1);
		model.addAttribute("overdueStatutory", overdue.total());
		model.addAttribute("overdueTarget", overdueTarget.total());
		// the queue shown below the counts: the first of the person's queues that has work in it
		Queue shown = queues.stream().filter(q -> q.count() > 0).findFirst().orElse(queues.isEmpty() ? null : queues.get(0));
		String firstQueue = shown == null ? null : shown.statuses();
		model.addAttribute("firstQueue", shown);
		model.addAttribute("recent", queries.list(new PetitionViews.Filter(firstQueue, null, null, null, null, null, null, "deadline"),
				actor, 0, 15).items());
		model.addAttribute("notices", currentNotices(notices.unread(actor, 60), 10));
		model.addAttribute("jointTasks", joint.awaitingReportIn(actor));
		model.addAttribute("names", new Names(directory));
		return "console/home";
	}

	record Queue(String labelKey, String statuses, long count) {
	}

	/**
	 * One reminder per matter, the latest (notices come newest first): a matter's earlier reminders
	 * are superseded by its current one.
	 */
	static List<StaffNotices.Notice> currentNotices(
			List<StaffNotices.Notice> newestFirst, int limit) {
		var seen = new HashSet<String>();
		return newestFirst.stream().filter(n -> seen.add(n.number())).limit(limit).toList();
	}

	@GetMapping("/console/register")
	String registerForm(Actor actor, Model model) {
		requireRegistrar(actor);
		model.addAttribute("form", DeskForm.empty(LocalDateTime.now(clock.withZone(BEIJING)).withSecond(0).withNano(0)));
		fillDeskModel(model, actor, null);
		return "console/register";
	}

	@PostMapping("/console/register")
	String register(DeskForm form, @RequestParam(name = "pName", required = false) List<String> names,
			@RequestParam(name = "pId", required = false) List<String> ids,
			@RequestParam(name = "pPhone", required = false) List<String> phones,
			@RequestParam(name = "pAddress", required = false) List<String> addresses,
			@RequestParam(name = "pRep", required = false) List<Integer> reps,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Actor actor, Model model,
			RedirectAttributes redirect) {
		requireRegistrar(actor);
		List<RegisterPetition.PetitionerInput> people = new ArrayList<>();
		List<PersonRow> rows = new ArrayList<>();
		for (int i = 0; i < PETITIONER_ROWS; i++) {
			String name = at(names, i);
			String id = at(ids, i);
			String phone = at(phones, i);
			String address = at(addresses, i);
			boolean rep = reps != null && reps.contains(i);
			rows.add(new PersonRow(name, id, phone, address, rep));
			if (!(blank(name) && blank(id) && blank(phone) && blank(address))) {
				people.add(new RegisterPetition.PetitionerInput(name, id, phone, address, rep));
			}
		}
		try {
			var received = form.receivedAt() == null ? null : form.receivedAt().atZone(BEIJING).toOffsetDateTime();
			var accused = blank(form.accusedUnitCode()) && blank(form.accusedUnit()) && blank(form.accusedPerson()) ? null
					: new RegisterPetition.Accused(form.accusedUnit(), form.accusedPerson(), emptyToNull(form.accusedUnitCode()));
			var cmd = new RegisterPetition(form.channel(), received, form.regionCode(), form.title(), form.content(),
					emptyToNull(form.categoryCode()), emptyToNull(form.kind()), emptyToNull(form.complexity()), people,
					form.personCount(), accused, null);
			var result = registration.register(cmd, Upload.of(files), actor);
			redirect.addFlashAttribute("registered", result);
			redirect.addFlashAttribute("receipt", Receipt.of(result, actor, directory));
			return "redirect:/console/registered";
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("form", form);
			model.addAttribute("problems", ex.problems());
			fillDeskModel(model, actor, rows);
			return "console/register";
		}
	}

	@GetMapping("/console/registered")
	String registered(Model model) {
		if (!model.containsAttribute("registered")) {
			return "redirect:/console/petitions";
		}
		model.addAttribute("names", new Names(directory));
		return "console/registered";
	}

	@GetMapping("/console/petitions")
	String list(PetitionViews.Filter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Actor actor, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("page", queries.list(filter, actor, page, size));
		model.addAttribute("pageNumber", page);
		model.addAttribute("pageSize", size);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("counties", directory.counties());
		model.addAttribute("categories", directory.categories());
		model.addAttribute("units", directory.units());
		model.addAttribute("names", new Names(directory));
		return "console/petitions";
	}

	/** CSV export of the filtered list (UTF-8 with BOM so Excel opens it in Chinese). */
	@GetMapping("/console/petitions.csv")
	ResponseEntity<StreamingResponseBody> export(PetitionViews.Filter filter, Actor actor) {
		Names names = new Names(directory);
		StreamingResponseBody body = out -> {
			// the same writer as every other export: BOM for Excel, RFC 4180 quoting, formulas defused
			var csv = TableWriter.csv(out);
			csv.row(List.of("信访编号", "状态", "渠道", "收到时间", "问题属地", "内容分类", "标题", "信访人", "人数", "责任单位"));
			int page = 0;
			while (true) {
				var chunk = queries.list(filter, actor, page++, PetitionQueries.MAX_PAGE_SIZE);
				for (var p : chunk.items()) {
					csv.row(Arrays.asList(p.number(), names.status(p.status()), names.channel(p.channel()),
							p.receivedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), names.region(p.regionCode()),
							names.category(p.categoryCode()), p.title(), p.firstPetitioner(), p.personCount(),
							names.unit(p.responsibleUnitCode())));
				}
				if (chunk.items().size() < PetitionQueries.MAX_PAGE_SIZE) {
					break;
				}
			}
			csv.close();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("信访事项.csv", StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	/**
	 * The case page: the matter read and scope-checked once (petition's case file), the other
	 * modules' panels built on that handle, and every "may the actor do X here" answered by the
	 * module whose act it is (issue 12 item 6).
	 */
	@GetMapping("/console/petitions/{number}")
	String casePage(@PathVariable String number, Actor actor, Model model) {
		var file = queries.caseFile(number, actor, "/console/petitions/" + number + "/documents/");
		var matter = file.matter();
		var p = file.petition();
		model.addAttribute("p", p);
		model.addAttribute("history", file.history());
		// a draft the head sent back: the redraft starts from it, with the head's reason above
		model.addAttribute("returnedNote", file.returnedNote());
		model.addAttribute("records", file.records());
		model.addAttribute("related", file.related());
		model.addAttribute("documents", file.documents());
		model.addAttribute("flags", file.flags());
		model.addAttribute("mayUnmask", file.mayUnmask());
		var allowed = file.allowed();
		model.addAttribute("allowed", allowed);
		model.addAttribute("orders", supervision.forMatter(matter));
		model.addAttribute("maySupervise", supervision.mayIssue(actor));
		model.addAttribute("orderKinds", SupervisionOrders.Kind.values());
		model.addAttribute("ownership", ownership.of(matter).orElse(null));
		// 领导包案: a bureau supervisor (or a leader) assigns it here; the leader sees it on 包案
		boolean mayAssignOwnership = ownership.mayAssign(matter, actor);
		model.addAttribute("mayAssignOwnership", mayAssignOwnership);
		if (mayAssignOwnership) {
			model.addAttribute("leaders", people.withRole(Role.LEADER));
		}
		var jointHandling = joint.of(matter).orElse(null);
		model.addAttribute("joint", jointHandling);
		// a called-in unit's task is the 报到 form itself: the page does not say "nothing to do" above it
		model.addAttribute("jointTask", jointHandling != null && jointHandling.awaits(actor));
		model.addAttribute("mayWhistle", joint.mayWhistle(matter, actor));
		model.addAttribute("findings", accountability.findings(matter));
		model.addAttribute("mayFind", accountability.mayFind(matter, actor));
		// an online matter at another bureau's desk: this registrar sees it, its region's bureau handles it
		if (p.status() == Status.REGISTERED && p.channel() == Channel.ONLINE && actor.has(Role.REGISTRAR)
				&& !allowed.contains(Action.CLASSIFY)) {
			directory.petitionBureauFor(p.regionCode())
				.filter(u -> !u.code().equals(actor.unitCode()))
				.ifPresent(u -> model.addAttribute("deskOwner", u.name()));
		}
		if ((allowed.contains(Action.CLASSIFY) || allowed.contains(Action.TRANSFER)
				|| allowed.contains(Action.ASSIGN)) && p.content() != null && !p.content().isBlank()) {
			// the registrar deciding where the matter goes sees the classifier's suggestions
			var suggested = classification.classify(p.title(), p.content(), p.regionCode(), actor.unitCode());
			suggestionPanel.fill(model, suggested, actor, "#act-CLASSIFY select[name=categoryCode]",
					"#act-CLASSIFY select[name=kind]", false);
			if (p.categoryCode() == null && suggested.unitCode() != null && !suggested.unitCode().equals(actor.unitCode())) {
				// not classified yet: 转送/交办 starts from the unit of the suggested category
				model.addAttribute("suggestedUnit", suggested.unitCode());
			}
		}
		model.addAttribute("names", new Names(directory));
		model.addAttribute("regionPath", directory.regionPath(p.regionCode()));
		model.addAttribute("categories", directory.categories());
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("complexities", Complexity.values());
		model.addAttribute("legalChannels", LegalChannel.values());
		model.addAttribute("results", Result.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("receivingUnits", directory.units().stream().filter(u -> !u.code().equals(actor.unitCode())).toList());
		model.addAttribute("allUnits", directory.units());
		if (!model.containsAttribute("suggestedUnit")) {
			model.addAttribute("suggestedUnit", suggestedUnit(p, actor));
		}
		model.addAttribute("now", LocalDateTime.now(clock.withZone(BEIJING)).withSecond(0).withNano(0));
		return "console/case";
	}

	/**
	 * Accusations go to the discipline body (the category's own unit, the city's, not a county's);
	 * other matters to their category's unit for the problem's region (the county's own department
	 * where there is one, else the city's).
	 */
	private String suggestedUnit(PetitionViews.PetitionView p, Actor actor) {
		if (p.kind() == Kind.ACCUSATION && "DISCIPLINE".equals(p.categoryCode())) {
			return directory.category(p.categoryCode()).map(c -> c.defaultUnitCode()).orElse(null);
		}
		return classification.unitFor(p.categoryCode(), p.regionCode(), actor.unitCode())
			.or(() -> directory.category(p.categoryCode()).map(c -> c.defaultUnitCode()))
			.orElse(null);
	}

	@GetMapping("/console/petitions/{number}/documents/{id}")
	ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id, Actor actor) {
		var doc = queries.document(number, id, actor);
		return doc.toResponse(false);
	}

	/** One act from the case page's action panel; the petition module decides whether it may happen. */
	@PostMapping("/console/petitions/{number}/act")
	String act(@PathVariable String number, ActForm form, Actor actor, RedirectAttributes redirect) {
		try {
			if (!attempt(redirect, () -> {
				actions.perform(number, form.version(), form.toCommand(), actor);
				return "已完成：" + Action.valueOf(form.action()).label();
			})) {
				redirect.addFlashAttribute("failedAction", form.action());
			}
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("actionError", "未知操作");
		}
		return "redirect:/console/petitions/" + number;
	}

	/** The flat fields of every action form; each action reads only its own. */
	record ActForm(String action, Integer version, String categoryCode, String kind, String complexity, String unitCode,
			String commContact, LocalDateTime commAt, String commSummary, String reason, String legalChannel, String note,
			Integer days, String result, String opinion, String method, LocalDateTime deliveredAt, String satisfaction,
			String into, String recordKind, Boolean rehandle, LocalDateTime occurredAt, String contact,
			String accusedUnitCode) {

		PetitionCommand toCommand() {
			var communication = blank(commContact) && blank(commSummary) && commAt == null ? null
					: new PetitionCommand.Communication(commContact, at(commAt), commSummary);
			return new ActionRequest(action, version, emptyToNull(categoryCode), emptyToNull(kind),
					emptyToNull(complexity), emptyToNull(unitCode), communication, reason, emptyToNull(legalChannel), note, days,
					emptyToNull(result), opinion, method, at(deliveredAt), emptyToNull(satisfaction), into, emptyToNull(recordKind),
					rehandle, at(occurredAt), contact, emptyToNull(accusedUnitCode)).toCommand();
		}

		private static OffsetDateTime at(LocalDateTime t) {
			return t == null ? null : t.atZone(BEIJING).toOffsetDateTime();
		}

	}

	@PostMapping("/console/petitions/{number}/ownership")
	String assignOwnership(@PathVariable String number, @RequestParam(required = false) String leaderUsername,
			@RequestParam(required = false) String workingGroup, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String lawyer, @RequestParam(required = false) String followUpOwner, Actor actor,
			RedirectAttributes redirect) {
		var assignment = new CaseOwnership.Assignment(leaderUsername, workingGroup, plan, lawyer,
				followUpOwner);
		if (!attempt(redirect, () -> "已安排领导包案：" + ownership.assign(number, assignment, actor).leaderName())) {
			// what was typed comes back with the message
			redirect.addFlashAttribute("ownershipForm", assignment);
		}
		return "redirect:/console/petitions/" + number + "#ownership";
	}

	@PostMapping("/console/petitions/{number}/supervise")
	String supervise(@PathVariable String number, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer replyDays, Actor actor,
			RedirectAttributes redirect) {
		attempt(redirect, () -> "已" + supervision.issue(number, kind, reason, replyDays, actor).kindLabel());
		return "redirect:/console/petitions/" + number;
	}

	@PostMapping("/console/petitions/{number}/supervision/{id}/reply")
	String replyToSupervision(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String text,
			Actor actor, RedirectAttributes redirect) {
		attempt(redirect, () -> {
			supervision.reply(id, text, actor);
			return "已回复督办";
		});
		return "redirect:/console/petitions/" + number;
	}

	/**
	 * An act posted from the case page, written once: done, its flash message; refused (400, 403,
	 * 409), the reason shown on the page; out of scope stays "not found" (404). True when done.
	 */
	private static boolean attempt(RedirectAttributes redirect, Supplier<String> act) {
		try {
			redirect.addFlashAttribute("flash", act.get());
			return true;
		}
		catch (DomainException ex) {
			if (ex instanceof DomainException.NotFound) {
				throw ex;
			}
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return false;
		}
	}

	@GetMapping("/console/supervision-orders/{id}.pdf")
	ResponseEntity<byte[]> supervisionPdf(@PathVariable long id, Actor actor) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(supervision.pdf(id, actor));
	}

	@PostMapping("/console/petitions/{number}/unmask")
	String unmask(@PathVariable String number, @RequestParam int index, @RequestParam(required = false) String reason,
			Actor actor, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("revealed", unmasking.reveal(number, index, reason, actor));
			redirect.addFlashAttribute("revealedIndex", index);
		}
		catch (DomainException.Invalid | DomainException.Forbidden ex) {
			redirect.addFlashAttribute("unmaskError", ex.getMessage());
		}
		return "redirect:/console/petitions/" + number;
	}

	@GetMapping("/console/petitions/{number}/attachments/{id}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable String number, @PathVariable long id, Actor actor)
			throws IOException {
		var file = queries.attachment(number, id, actor);
		InputStream in = queries.attachmentContent(file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(file.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(file.downloadName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			// an attachment is data: even opened directly it may run nothing and load nothing
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
			.body(new InputStreamResource(in));
	}

	private void fillDeskModel(Model model, Actor actor, List<PersonRow> rows) {
		model.addAttribute("channels", DESK_CHANNELS);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("complexities", Complexity.values());
		model.addAttribute("categories", directory.categories());
		model.addAttribute("units", directory.units());
		var counties = directory.counties().stream().filter(c -> actor.scope().permits(c.code(), null, null)).toList();
		model.addAttribute("counties", counties);
		DeskForm form = (DeskForm) model.getAttribute("form");
		String county = form == null || form.county() == null ? (counties.size() == 1 ? counties.get(0).code() : null) : form.county();
		model.addAttribute("townships", county == null ? List.of() : directory.regionChildren(county));
		List<PersonRow> filled = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
		while (filled.size() < PETITIONER_ROWS) {
			filled.add(new PersonRow("", "", "", "", false));
		}
		model.addAttribute("people", filled);
	}

	private static void requireRegistrar(Actor actor) {
		if (!actor.hasAny(Role.REGISTRAR, Role.ADMIN)) {
			throw new DomainException.Forbidden("只有登记员可以登记信访事项");
		}
	}

	record PersonRow(String name, String idNumber, String phone, String address, boolean representative) {
	}

	/** The registration desk's form (petitioner rows come as repeated parameters). */
	record DeskForm(String channel, LocalDateTime receivedAt, String county, String township, String title,
			String content, String categoryCode, String kind, String complexity, Integer personCount,
			String accusedUnitCode, String accusedUnit, String accusedPerson) {

		static DeskForm empty(LocalDateTime now) {
			return new DeskForm("LETTER", now, null, null, "", "", "", "", "", 1, "", "", "");
		}

		String regionCode() {
			return township != null && !township.isBlank() ? township : county;
		}

	}

	private static String at(List<String> list, int i) {
		return list == null || i >= list.size() ? "" : list.get(i);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String emptyToNull(String s) {
		return blank(s) ? null : s;
	}

}
