package com.xinfang.mediation;

import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.WorkingCalendar;
import com.xinfang.documents.DocumentFields;
import com.xinfang.documents.DocumentKind;
import com.xinfang.documents.DocumentRenderer;
import com.xinfang.documents.OfficialDocument;
import com.xinfang.grid.Grid;
import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.MediationReferrals;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import com.xinfang.platform.Texts;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispute register and each dispute's flow. A dispute is changed only by the acts of
 * {@link DisputeStatus.Act}, each guarded by the current state and the version the caller saw
 * (one conditional UPDATE: the loser of two concurrent acts gets 409), each written to the
 * dispute's timeline (the archive, 《人民调解法》第二十七条).
 */
@Service
public class Disputes {

	private final JdbcClient jdbc;

	private final Grids grids;

	private final Organisations organisations;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Directory directory;

	private final DocumentRenderer renderer;

	private final WorkingCalendar calendar;

	private final PetitionRegistration petitionRegistration;

	private final Clock clock;

	private final MediationReferrals referrals;

	Disputes(JdbcClient jdbc, Grids grids, Organisations organisations, PersonalDataCipher cipher, AuditLog audit,
			Directory directory, DocumentRenderer renderer, WorkingCalendar calendar,
			PetitionRegistration petitionRegistration, MediationReferrals referrals,
			Clock clock) {
		this.referrals = referrals;
		this.calendar = calendar;
		this.petitionRegistration = petitionRegistration;
		this.jdbc = jdbc;
		this.grids = grids;
		this.organisations = organisations;
		this.cipher = cipher;
		this.audit = audit;
		this.directory = directory;
		this.renderer = renderer;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ commands and views

	/** A party: 申请人 (APPLICANT) or 被申请人 (RESPONDENT); ID number, phone and address optional. */
	public record PartyInput(String side, String name, String idNumber, String phone, String address) {
	}

	public record Registration(String source, String typeCode, String title, String facts, String regionCode, String gridCode,
			List<PartyInput> parties, RiskLevel riskLevel, String riskOwner, String riskPlan, String petitionNumber) {
	}

	public record Assignment(Long orgId, Long roomId, Integer version) {
	}

	public record RiskChange(RiskLevel level, String owner, String plan, String reason, Integer version) {
	}

	public record SessionInput(LocalDate heldOn, Long roomId, String attendees, String record, Integer version) {
	}

	public record AgreementInput(String form, String facts, String responsibilities, String terms, String performance,
			LocalDate performBy, LocalDate effectiveOn, Integer version) {
	}

	public record Failure(String reason, String guidance, Integer version) {
	}

	public record FollowUp(Boolean performed, String note, Integer version) {
	}

	public record Closing(String note, Integer version) {
	}

	public record Party(int seq, String side, String sideLabel, String name, String idNumberMasked, String phoneMasked) {
	}

	public record Risk(OffsetDateTime at, RiskLevel level, String levelLabel, String owner, String plan, String reason,
			String actor) {
	}

	public record Event(OffsetDateTime at, String actorName, String action, String actionLabel, String fromStatus,
			String toStatus, String note) {
	}

	public record Session(long id, LocalDate heldOn, String room, String mediator, String attendees, String record) {
	}

	public record Agreement(String form, String formLabel, String facts, String responsibilities, String terms,
			String performance, LocalDate performBy, LocalDate effectiveOn, String mediator, String orgName,
			Boolean performed, String followUpNote, LocalDate followUpOn, LocalDate confirmationLastDay,
			LocalDate confirmationAppliedOn, String confirmationCourt, LocalDate confirmationDecidedOn,
			String confirmationResult, String confirmationNote) {
	}

	/** 司法确认: the joint application (court, date) or the court's decision (confirmed or not). */
	public record ConfirmationApplication(String court, LocalDate appliedOn) {
	}

	public record ConfirmationDecision(Boolean confirmed, LocalDate decidedOn, String note) {
	}

	/** A written or oral agreement whose 司法确认 window closes soon and for which nobody has applied. */
	public record ConfirmationReminder(String number, String title, LocalDate effectiveOn, LocalDate lastDay) {
	}

	public record Dispute(long id, String number, DisputeStatus status, String statusLabel, DisputeSource source,
			String sourceLabel, String typeCode, String typeName, String title, String facts, String regionCode,
			String regionPath, String gridCode, String gridName, RiskLevel riskLevel, String riskLabel, String riskOwner,
			Long orgId, String orgName, OrgKind orgKind, Long roomId, String roomName, String mediationLevel,
			String reportedBy, LocalDate registeredOn, String outcome, LocalDate outcomeOn, LocalDate closedOn,
			String petitionNumber, List<Party> parties, List<Risk> risks, List<Session> sessions, Agreement agreement,
			List<Event> events, int version) {

		/** The county's code (the organisations that may take the dispute are under it). */
		public String countyCodeOrRegion() {
			return regionCode.substring(0, 6);
		}

	}

	public record Row(String number, String title, String typeName, String status, String statusLabel, String riskLevel,
			String riskLabel, String regionName, String orgName, LocalDate registeredOn) {
	}

	public record Type(String code, String name) {
	}

	// ------------------------------------------------------------------ register

	@Transactional
	public Dispute register(Registration in, Actor actor) {
		if (in == null) {
			throw new DomainException.Invalid("title", "请填写纠纷情况");
		}
		List<FieldProblem> problems = new ArrayList<>();
		DisputeSource source = parse(DisputeSource.class, in.source()).orElse(null);
		if (actor.has(Role.GRID_WORKER) && Oversight.regionPrefix(actor).isEmpty()) {
			source = DisputeSource.GRID;
		}
		if (source == null) {
			problems.add(new FieldProblem("source", "请选择纠纷来源"));
		}
		if (in.typeCode() == null || type(in.typeCode()).isEmpty()) {
			problems.add(new FieldProblem("typeCode", "请选择纠纷类型"));
		}
		if (in.title() == null || in.title().isBlank() || in.title().strip().length() > 100) {
			problems.add(new FieldProblem("title", "请填写纠纷名称（不超过100字）"));
		}
		if (in.facts() == null || in.facts().strip().length() < 10) {
			problems.add(new FieldProblem("facts", "请写明纠纷的主要事实（至少10个字）"));
		}
		// the place: a grid (its village follows), else a village or township
		String region = in.regionCode();
		Grid grid = null;
		if (in.gridCode() != null && !in.gridCode().isBlank()) {
			grid = grids.grid(in.gridCode()).orElse(null);
			if (grid == null) {
				problems.add(new FieldProblem("gridCode", "网格不存在"));
			}
			else {
				region = grid.villageCode();
			}
		}
		Region place = region == null ? null : directory.region(region).orElse(null);
		if (place == null || (place.level() != Region.Level.VILLAGE && place.level() != Region.Level.TOWNSHIP)) {
			problems.add(new FieldProblem("regionCode", "请选择纠纷发生的村（社区）或乡镇（街道）"));
		}
		List<PartyInput> parties = in.parties() == null ? List.of() : in.parties();
		LocalDate today = today();
		if (parties.stream().noneMatch(p -> p != null && "APPLICANT".equals(p.side()))
				|| parties.stream().noneMatch(p -> p != null && "RESPONDENT".equals(p.side()))) {
			problems.add(new FieldProblem("parties", "请至少填写一方申请人和一方被申请人"));
		}
		for (int i = 0; i < parties.size(); i++) {
			PartyInput p = parties.get(i);
			if (p == null) {
				continue;
			}
			if (p.name() == null || !p.name().strip().matches("[\\p{IsHan}·A-Za-z（）()]{2,40}")) {
				problems.add(new FieldProblem("parties[" + i + "].name", "请填写当事人姓名或单位名称"));
			}
			if (p.idNumber() != null && !p.idNumber().isBlank()) {
				int n = i;
				IdNumber.problem(p.idNumber(), today).ifPresent(m -> problems.add(new FieldProblem("parties[" + n + "].idNumber", m)));
			}
			if (p.phone() != null && !p.phone().isBlank()) {
				int n = i;
				MobilePhone.problem(p.phone()).ifPresent(m -> problems.add(new FieldProblem("parties[" + n + "].phone", m)));
			}
		}
		RiskLevel level = in.riskLevel() == null ? RiskLevel.GREEN : in.riskLevel();
		problems.addAll(RiskOwnerRule.problems(level, in.riskOwner(), in.riskPlan()));
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		// who may register here
		Set<Long> myOrgs = organisations.orgsOf(actor.userId());
		boolean overseer = Oversight.oversees(actor, region);
		boolean gridWorker = actor.has(Role.GRID_WORKER) && grid != null && grids.isMember(actor.userId(), grid.code());
		boolean mediator = actor.has(Role.MEDIATOR) && !myOrgs.isEmpty();
		if (!overseer && !gridWorker && !mediator) {
			if (actor.has(Role.GRID_WORKER)) {
				throw new DomainException.Invalid("gridCode", "请选择您负责的网格");
			}
			throw new DomainException.Forbidden("您无权在该地区登记矛盾纠纷");
		}
		String owner = level == RiskLevel.GREEN && (in.riskOwner() == null || in.riskOwner().isBlank()) ? actor.displayName()
				: in.riskOwner().strip();
		OffsetDateTime now = now();
		String county = region.substring(0, 6);
		String number = "JF" + county + today.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%06d", jdbc.sql("SELECT nextval('dispute_number_seq')").query(Long.class).single() % 1_000_000);
		Long orgId = null;
		String mediationLevel = null;
		DisputeStatus status = DisputeStatus.REGISTERED;
		if (mediator && !overseer && !gridWorker) {
			// a mediator registers an application made to their own organisation: it is theirs at once
			orgId = myOrgs.stream().sorted().findFirst().orElseThrow();
			mediationLevel = organisations.organisation(orgId).orElseThrow().level();
			status = DisputeStatus.ASSIGNED;
		}
		long id = jdbc.sql("""
				INSERT INTO dispute (number, source, type_code, title, facts, region_code, grid_code, county_code, status, risk_level,
				                     risk_owner, org_id, mediation_level, reported_by, registered_on, registered_at, petition_number)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(number, source.name(), in.typeCode(), in.title().strip(), in.facts().strip(), region,
					grid == null ? null : grid.code(), county, status.name(), level.name(), owner, orgId, mediationLevel,
					actor.userId(), today, now, Texts.blankToNull(in.petitionNumber()))
			.query(Long.class)
			.single();
		int seq = 0;
		for (PartyInput p : parties) {
			if (p == null) {
				continue;
			}
			String idn = p.idNumber() == null || p.idNumber().isBlank() ? null : IdNumber.normalise(p.idNumber());
			String phone = p.phone() == null || p.phone().isBlank() ? null : MobilePhone.normalise(p.phone());
			String address = Texts.blankToNull(p.address());
			jdbc.sql("""
					INSERT INTO dispute_party (dispute_id, seq, side, name, id_number_enc, id_number_index, id_number_mask,
					                           phone_enc, phone_index, phone_mask, address_enc)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, seq++, p.side(), p.name().strip(), cipher.encrypt(idn), cipher.blindIndex("id", idn), Masking.idNumber(idn),
						cipher.encrypt(phone), cipher.blindIndex("phone", phone), Masking.phone(phone), cipher.encrypt(address))
				.update();
		}
		jdbc.sql("INSERT INTO dispute_risk (dispute_id, at, level, owner, plan, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, now, level.name(), owner, Texts.blankToNull(in.riskPlan()), "登记时评定", actor.displayName())
			.update();
		event(id, actor, "REGISTER", null, status, source.label() + "：" + in.title().strip());
		audit.record(actor.label(), "DISPUTE_REGISTERED", number, source.label());
		return load(id);
	}

	// ------------------------------------------------------------------ acts

	/** 分流: to an organisation (and a room of it); the suggestion is {@link Organisations#suggest}. */
	@Transactional
	public Dispute assign(String number, Assignment in, Actor actor) {
		Dispute d = visible(number, actor);
		requireOverseer(d, actor);
		if (in == null || in.orgId() == null) {
			throw new DomainException.Invalid("orgId", "请选择调解组织");
		}
		var org = organisations.organisation(in.orgId()).orElseThrow(() -> new DomainException.Invalid("orgId", "调解组织不存在"));
		if (in.roomId() != null && org.rooms().stream().noneMatch(r -> r.id() == in.roomId())) {
			throw new DomainException.Invalid("roomId", "该调解室不属于所选调解组织");
		}
		transition(d, DisputeStatus.Act.ASSIGN, in.version(), "org_id = ?, room_id = ?, mediation_level = ?",
				Arrays.asList(org.id(), in.roomId(), org.level()));
		event(d.id(), actor, "ASSIGN", d.status(), DisputeStatus.ASSIGNED, "分流至" + org.name());
		return load(d.id());
	}

	@Transactional
	public Dispute changeRisk(String number, RiskChange in, Actor actor) {
		Dispute d = visible(number, actor);
		requireOverseer(d, actor);
		if (in == null) {
			throw new DomainException.Invalid("level", "请选择风险等级");
		}
		List<FieldProblem> problems = new ArrayList<>(RiskOwnerRule.problems(in.level(), in.owner(), in.plan()));
		if (in.reason() == null || in.reason().isBlank()) {
			problems.add(new FieldProblem("reason", "请说明调整风险等级的理由"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		String owner = in.owner() == null || in.owner().isBlank() ? d.riskOwner() : in.owner().strip();
		transition(d, DisputeStatus.Act.RISK, in.version(), "risk_level = ?, risk_owner = ?", List.of(in.level().name(), owner));
		jdbc.sql("INSERT INTO dispute_risk (dispute_id, at, level, owner, plan, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), now(), in.level().name(), owner, Texts.blankToNull(in.plan()), in.reason().strip(),
					actor.displayName())
			.update();
		event(d.id(), actor, "RISK", d.status(), d.status(), d.riskLabel() + " → " + in.level().label() + "（" + owner + "）：" + in.reason().strip());
		return load(d.id());
	}

	/** A mediation session with its record (笔录). */
	@Transactional
	public Dispute recordSession(String number, SessionInput in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null || in.heldOn() == null || in.heldOn().isAfter(today())) {
			problems.add(new FieldProblem("heldOn", "请填写调解日期（不晚于今天）"));
		}
		if (in == null || in.record() == null || in.record().strip().length() < 10) {
			problems.add(new FieldProblem("record", "请填写调解笔录（至少10个字）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		transition(d, DisputeStatus.Act.SESSION, in.version(), null, List.of());
		jdbc.sql("INSERT INTO mediation_session (dispute_id, held_on, room_id, mediator, attendees, record, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), in.heldOn(), in.roomId() != null ? in.roomId() : d.roomId(), actor.displayName(),
					Texts.blankToNull(in.attendees()), in.record().strip(), now())
			.update();
		event(d.id(), actor, "SESSION", d.status(), DisputeStatus.MEDIATING, "调解笔录已记录");
		return load(d.id());
	}

	/** 达成协议: a written 调解协议书 (Art 29) or an oral agreement recorded by the mediator (Art 28). */
	@Transactional
	public Dispute agree(String number, AgreementInput in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		if (in == null) {
			throw new DomainException.Invalid("form", "请填写调解协议");
		}
		List<FieldProblem> problems = AgreementRule.problems(in.form(), in.facts(), in.responsibilities(), in.terms(),
				in.performance(), in.performBy(), in.effectiveOn(), today());
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		transition(d, DisputeStatus.Act.AGREE, in.version(), "outcome = 'AGREED', outcome_on = ?", List.of(in.effectiveOn()));
		jdbc.sql("""
				INSERT INTO mediation_agreement (dispute_id, form, facts, responsibilities, terms, performance, perform_by, effective_on,
				                                 mediator, org_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), in.form(), Texts.blankToNull(in.facts()), Texts.blankToNull(in.responsibilities()),
					in.terms().strip(), Texts.blankToNull(in.performance()), in.performBy(), in.effectiveOn(),
					actor.displayName(), d.orgName())
			.update();
		event(d.id(), actor, "AGREE", d.status(), DisputeStatus.AGREED,
				"WRITTEN".equals(in.form()) ? "达成书面调解协议（调解协议书）" : "达成口头协议，调解员已记录协议内容");
		reportBack(d, true, in.terms().strip(), actor);
		return load(d.id());
	}

	/**
	 * 未达成: 《人民调解法》第二十六条 — 调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利.
	 * The guidance given is required.
	 */
	@Transactional
	public Dispute fail(String number, Failure in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null || in.reason() == null || in.reason().isBlank()) {
			problems.add(new FieldProblem("reason", "请说明未达成协议的原因"));
		}
		if (in == null || in.guidance() == null || in.guidance().isBlank()) {
			problems.add(new FieldProblem("guidance", "请记录已告知当事人的途径（仲裁、行政、司法等，人民调解法第二十六条）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		transition(d, DisputeStatus.Act.FAIL, in.version(), "outcome = 'FAILED', outcome_on = ?", List.of(today()));
		event(d.id(), actor, "FAIL", d.status(), DisputeStatus.FAILED, in.reason().strip() + "；已告知：" + in.guidance().strip());
		reportBack(d, false, in.reason().strip() + "；已告知当事人：" + in.guidance().strip(), actor);
		return load(d.id());
	}

	/** 履行回访 (Art 31: the committee supervises performance). */
	@Transactional
	public Dispute followUp(String number, FollowUp in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		if (in == null || in.performed() == null) {
			throw new DomainException.Invalid("performed", "请选择当事人是否已按协议履行");
		}
		if (in.note() == null || in.note().isBlank()) {
			throw new DomainException.Invalid("note", "请填写回访情况");
		}
		transition(d, DisputeStatus.Act.FOLLOW_UP, in.version(), null, List.of());
		jdbc.sql("UPDATE mediation_agreement SET performed = ?, follow_up_note = ?, follow_up_on = ? WHERE dispute_id = ?")
			.params(in.performed(), in.note().strip(), today(), d.id())
			.update();
		event(d.id(), actor, "FOLLOW_UP", d.status(), DisputeStatus.FOLLOWED_UP,
				(in.performed() ? "已履行：" : "未履行，已督促：") + in.note().strip());
		return load(d.id());
	}

	/** 结案, by the organisation's mediator or the overseeing 矛调中心; the case is archived (Art 27). */
	@Transactional
	public Dispute close(String number, Closing in, Actor actor) {
		Dispute d = visible(number, actor);
		if (!isMediatorOf(d, actor) && !Oversight.oversees(actor, d.regionCode())) {
			throw new DomainException.Forbidden("只有承办调解组织的调解员或矛调中心可以结案");
		}
		transition(d, DisputeStatus.Act.CLOSE, in == null ? null : in.version(), "closed_on = ?", List.of(today()));
		event(d.id(), actor, "CLOSE", d.status(), DisputeStatus.CLOSED,
				"结案归档" + (in != null && in.note() != null && !in.note().isBlank() ? "：" + in.note().strip() : ""));
		return load(d.id());
	}

	// ------------------------------------------------------------------ 访调结合、调解先行: from a petition

	/** The handling unit's referral: the dispute's type and place, the respondent, the organisation (else the suggested one). */
	public record Referral(String typeCode, String regionCode, String respondentName, Long orgId, String facts, Integer version) {
	}

	/**
	 * 访调结合、调解先行: the handling unit sends a petition it is handling to mediation. The dispute
	 * (source 信访转调解) goes straight to the organisation, with the petitioners as 申请人 (names only:
	 * their particulars stay with the petition) and keeps the 信访编号; the petition gets its 调解 handling
	 * record through the petition module's public API in the same transaction, guarded by the version the
	 * unit saw, so a refusal there stores nothing here. The outcome comes back by {@link #reportBack}.
	 */
	@Transactional
	public Dispute referFromPetition(String petitionNumber, Referral in, Actor actor) {
		var petition = referrals.checkReferable(petitionNumber, actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null) {
			throw new DomainException.Invalid("typeCode", "请填写转调解信息");
		}
		if (in.typeCode() == null || type(in.typeCode()).isEmpty()) {
			problems.add(new FieldProblem("typeCode", "请选择纠纷类型"));
		}
		String region = in.regionCode() == null || in.regionCode().isBlank() ? petition.regionCode() : in.regionCode().strip();
		Region place = region == null ? null : directory.region(region).orElse(null);
		if (place == null || (place.level() != Region.Level.VILLAGE && place.level() != Region.Level.TOWNSHIP)
				|| petition.regionCode() == null || !region.startsWith(petition.regionCode().substring(0, Math.min(6, petition.regionCode().length())))) {
			problems.add(new FieldProblem("regionCode", "请选择纠纷发生的村（社区）或乡镇（街道），须在信访事项所在县市区"));
		}
		if (in.respondentName() == null || !in.respondentName().strip().matches("[\\p{IsHan}·A-Za-z（）()0-9]{2,60}")) {
			problems.add(new FieldProblem("respondentName", "请填写被申请人姓名或单位名称"));
		}
		if (in.facts() != null && !in.facts().isBlank() && in.facts().strip().length() < 10) {
			problems.add(new FieldProblem("facts", "请写明纠纷的主要事实（至少10个字），或留空沿用信访内容"));
		}
		if (in.version() == null) {
			problems.add(new FieldProblem("version", "缺少信访事项的版本号"));
		}
		Organisations.Organisation org = null;
		if (problems.stream().noneMatch(p -> p.field().equals("regionCode") || p.field().equals("typeCode"))) {
			Long orgId = in.orgId() != null ? in.orgId() : organisations.suggest(in.typeCode(), region).map(Organisations.Summary::id).orElse(null);
			org = orgId == null ? null : organisations.organisation(orgId).orElse(null);
			if (org == null || !(org.regionCode().startsWith(region.substring(0, 6)) || region.startsWith(org.regionCode()))) {
				problems.add(new FieldProblem("orgId", "请选择纠纷所在县市区的调解组织"));
				org = null;
			}
		}
		if (petition.petitioners().isEmpty()) {
			problems.add(new FieldProblem("petitioners", "该信访事项没有可作为申请人的信访人"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		LocalDate today = today();
		OffsetDateTime now = now();
		String county = region.substring(0, 6);
		String number = "JF" + county + today.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%06d", jdbc.sql("SELECT nextval('dispute_number_seq')").query(Long.class).single() % 1_000_000);
		String facts = in.facts() == null || in.facts().isBlank() ? petition.content() : in.facts().strip();
		String title = petition.title().length() > 100 ? petition.title().substring(0, 100) : petition.title();
		long id = jdbc.sql("""
				INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level,
				                     risk_owner, org_id, mediation_level, reported_by, registered_on, registered_at, petition_number)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'ASSIGNED', 'GREEN', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(number, DisputeSource.PETITION.name(), in.typeCode(), title, facts, region, county, org.name(), org.id(), org.level(),
					actor.userId(), today, now, petition.number())
			.query(Long.class)
			.single();
		int seq = 0;
		for (var p : petition.petitioners()) {
			jdbc.sql("INSERT INTO dispute_party (dispute_id, seq, side, name, id_number_mask, phone_mask) VALUES (?, ?, 'APPLICANT', ?, ?, ?)")
				.params(id, seq++, p.name(), p.idNumberMasked(), p.phoneMasked())
				.update();
		}
		jdbc.sql("INSERT INTO dispute_party (dispute_id, seq, side, name) VALUES (?, ?, 'RESPONDENT', ?)")
			.params(id, seq, in.respondentName().strip())
			.update();
		jdbc.sql("INSERT INTO dispute_risk (dispute_id, at, level, owner, plan, reason, actor) VALUES (?, ?, 'GREEN', ?, NULL, ?, ?)")
			.params(id, now, org.name(), "信访转调解时评定", actor.displayName())
			.update();
		event(id, actor, "REGISTER", null, DisputeStatus.ASSIGNED, DisputeSource.PETITION.label() + "：信访事项" + petition.number()
				+ "，由承办单位转" + org.name() + "调解");
		referrals.refer(petition.number(), in.version(), number, org.name(), actor);
		audit.record(actor.label(), "DISPUTE_REFERRED_FROM_PETITION", number, petition.number());
		return load(id);
	}

	/** The outcome of a dispute that came from a petition goes back into the petition's handling records. */
	private void reportBack(Dispute d, boolean agreed, String summary, Actor actor) {
		if (d.source() == DisputeSource.PETITION && d.petitionNumber() != null) {
			referrals.outcome(d.petitionNumber(), d.number(), d.orgName(), agreed, summary, clock.instant(), actor);
		}
	}

	// ------------------------------------------------------------------ 三级治理 · 四调联动, and into a 信访事项

	public record Escalation(Long orgId, String reason, Integer version) {
	}

	public record Conversion(Integer version) {
	}

	/**
	 * An unresolved dispute goes up a level (village → township → county 矛调中心, the 终点站) or to
	 * another kind of mediation, always with a reason; never down a level.
	 */
	@Transactional
	public Dispute escalate(String number, Escalation in, Actor actor) {
		Dispute d = visible(number, actor);
		requireOverseer(d, actor);
		if (in == null || in.orgId() == null) {
			throw new DomainException.Invalid("orgId", "请选择接手的调解组织");
		}
		if (in.reason() == null || in.reason().strip().length() < 4) {
			throw new DomainException.Invalid("reason", "请写明升级或转交的理由");
		}
		var org = organisations.organisation(in.orgId()).orElseThrow(() -> new DomainException.Invalid("orgId", "调解组织不存在"));
		if (d.orgId() != null && d.orgId() == org.id()) {
			throw new DomainException.Invalid("orgId", "已在该调解组织调解");
		}
		int from = levelRank(d.mediationLevel());
		int to = levelRank(org.level());
		boolean otherKind = d.orgKind() != null && d.orgKind() != org.kind();
		if (to < from || (to == from && !otherKind)) {
			throw new DomainException.Invalid("orgId", "只能升级到更高一级（村→乡镇→县矛调中心）或转交其他类别的调解");
		}
		if (!org.regionCode().startsWith(d.regionCode().substring(0, 6)) && !d.regionCode().startsWith(org.regionCode())) {
			throw new DomainException.Invalid("orgId", "该调解组织不在纠纷所在县市区");
		}
		transition(d, DisputeStatus.Act.ESCALATE, in.version(),
				"org_id = ?, room_id = NULL, mediation_level = ?, outcome = NULL, outcome_on = NULL", List.of(org.id(), org.level()));
		event(d.id(), actor, "ESCALATE", d.status(), DisputeStatus.ASSIGNED,
				(to > from ? "升级至" : "转交") + org.name() + "（" + org.kind().label() + "）：" + in.reason().strip());
		return load(d.id());
	}

	private static int levelRank(String level) {
		return level == null ? 0 : switch (level) {
			case "VILLAGE" -> 1;
			case "TOWNSHIP" -> 2;
			default -> 3;
		};
	}

	/**
	 * A failed mediation becomes a 信访事项: registered through the petition module's public
	 * registration (by a registrar of the 信访局), the applicants as petitioners, the mediation's course
	 * in the content; the dispute keeps the 信访编号.
	 */
	@Transactional
	public Dispute convertToPetition(String number, Conversion in, Actor actor) {
		Dispute d = visible(number, actor);
		if (d.petitionNumber() != null) {
			throw new DomainException.Conflict("该纠纷已转为信访事项" + d.petitionNumber());
		}
		if (!Oversight.oversees(actor, d.regionCode()) || !actor.hasAny(Role.REGISTRAR, Role.ADMIN)) {
			throw new DomainException.Forbidden("由信访部门登记员将调解不成的纠纷登记为信访事项");
		}
		record P(String side, String name, byte[] idNumberEnc, byte[] phoneEnc, byte[] addressEnc) {
		}
		List<RegisterPetition.PetitionerInput> petitioners = jdbc.sql(
				"SELECT side, name, id_number_enc, phone_enc, address_enc FROM dispute_party WHERE dispute_id = ? AND side = 'APPLICANT' ORDER BY seq")
			.param(d.id())
			.query(Rows.of(P.class))
			.list()
			.stream()
			.map(p -> new RegisterPetition.PetitionerInput(p.name(), cipher.decrypt(p.idNumberEnc()),
					cipher.decrypt(p.phoneEnc()), cipher.decrypt(p.addressEnc()), false))
			.toList();
		String course = d.events().stream().map(e -> e.actionLabel() + (e.note() == null ? "" : "（" + e.note() + "）"))
			.reduce((a, b) -> a + "；" + b).orElse("");
		var cmd = new RegisterPetition("VISIT", null, d.regionCode(), d.title(),
				d.facts() + "\n\n【调解情况】纠纷编号" + d.number() + "，" + (d.orgName() == null ? "" : d.orgName() + "调解未达成协议。") + course,
				null, null, null, petitioners, petitioners.size(), null, null);
		if (!DisputeStatus.Act.CONVERT.allowedFrom(d.status())) {
			throw new DomainException.Conflict("纠纷当前为“" + d.statusLabel() + "”，只有调解未达成协议的纠纷可以转为信访事项");
		}
		// the version first: of two conversions at once, the loser registers nothing
		transition(d, DisputeStatus.Act.CONVERT, in == null ? null : in.version(), null, List.of());
		var registered = petitionRegistration.register(cmd, List.of(), actor);
		String petition = registered.petition().number();
		jdbc.sql("UPDATE dispute SET petition_number = ? WHERE id = ?").params(petition, d.id()).update();
		event(d.id(), actor, "CONVERT", d.status(), d.status(), "已登记为信访事项" + petition);
		return load(d.id());
	}

	// ------------------------------------------------------------------ 司法确认 (Art 33)

	/** The parties' joint application to the court, recorded by the mediator; only inside the 30-day window. */
	@Transactional
	public Dispute applyForConfirmation(String number, ConfirmationApplication in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		Agreement a = d.agreement();
		if (a == null) {
			throw new DomainException.Conflict("该纠纷没有调解协议，不能申请司法确认");
		}
		if (in == null || in.court() == null || in.court().isBlank()) {
			throw new DomainException.Invalid("court", "请填写受理申请的人民法院");
		}
		LocalDate applied = in.appliedOn() == null ? today() : in.appliedOn();
		if (applied.isAfter(today())) {
			throw new DomainException.Invalid("appliedOn", "申请日期不能晚于今天");
		}
		if (!JudicialConfirmationRule.open(a.effectiveOn(), applied, calendar)) {
			throw new DomainException.Conflict("司法确认应自调解协议生效之日起三十日内申请（人民调解法第三十三条），期限至"
					+ a.confirmationLastDay() + "，已届满");
		}
		int n = jdbc.sql("UPDATE mediation_agreement SET confirmation_applied_on = ?, confirmation_court = ? WHERE dispute_id = ? AND confirmation_applied_on IS NULL")
			.params(applied, in.court().strip(), d.id())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("已申请司法确认");
		}
		event(d.id(), actor, "CONFIRM_APPLY", d.status(), d.status(), "双方当事人共同向" + in.court().strip() + "申请司法确认");
		return load(d.id());
	}

	@Transactional
	public Dispute recordConfirmationDecision(String number, ConfirmationDecision in, Actor actor) {
		Dispute d = visible(number, actor);
		requireMediator(d, actor);
		if (d.agreement() == null || d.agreement().confirmationAppliedOn() == null) {
			throw new DomainException.Conflict("尚未申请司法确认");
		}
		if (in == null || in.confirmed() == null || in.decidedOn() == null || in.decidedOn().isAfter(today())
				|| in.decidedOn().isBefore(d.agreement().confirmationAppliedOn())) {
			throw new DomainException.Invalid("decidedOn", "请填写法院的裁定结果和日期（不早于申请日，不晚于今天）");
		}
		int n = jdbc.sql("UPDATE mediation_agreement SET confirmation_decided_on = ?, confirmation_result = ?, confirmation_note = ? WHERE dispute_id = ? AND confirmation_result IS NULL")
			.params(in.decidedOn(), in.confirmed() ? "CONFIRMED" : "REJECTED", Texts.blankToNull(in.note()), d.id())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("已记录法院的裁定");
		}
		event(d.id(), actor, "CONFIRM_DECIDED", d.status(), d.status(), in.confirmed() ? "人民法院裁定调解协议有效"
				: "人民法院裁定驳回申请" + (in.note() == null || in.note().isBlank() ? "" : "：" + in.note().strip()));
		return load(d.id());
	}

	/** The agreements of the actor's disputes whose 司法确认 window closes soon with no application (the reminders). */
	@Transactional(readOnly = true)
	public List<ConfirmationReminder> confirmationReminders(Actor actor) {
		DisputeScope scope = DisputeScope.of(actor, organisations.orgsOf(actor.userId()), grids);
		LocalDate today = today();
		// a window is at most 30 days plus a holiday run: look back 60 days and let the rule decide
		List<Object> params = new ArrayList<>(scope.params());
		params.add(today.minusDays(60));
		return jdbc.sql("""
				SELECT d.number, d.title, a.effective_on FROM dispute d JOIN mediation_agreement a ON a.dispute_id = d.id
				WHERE """ + " " + scope.condition() + " AND a.confirmation_applied_on IS NULL AND a.effective_on >= ? ORDER BY a.effective_on")
			.params(params)
			.query((rs, n) -> new ConfirmationReminder(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					JudicialConfirmationRule.lastDay(rs.getObject(3, LocalDate.class), calendar)))
			.list()
			.stream()
			.filter(r -> JudicialConfirmationRule.remind(r.effectiveOn(), null, today, calendar))
			.toList();
	}

	// ------------------------------------------------------------------ reading

	@Transactional(readOnly = true)
	public Dispute visible(String number, Actor actor) {
		DisputeScope scope = DisputeScope.of(actor, organisations.orgsOf(actor.userId()), grids);
		List<Object> params = new ArrayList<>();
		params.add(number);
		params.addAll(scope.params());
		Long id = jdbc.sql("SELECT d.id FROM dispute d WHERE d.number = ? AND " + scope.condition())
			.params(params)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("矛盾纠纷不存在"));
		return load(id);
	}

	/** The register as the person may see it, newest first. */
	@Transactional(readOnly = true)
	public List<Row> list(Actor actor, String status, int limit) {
		DisputeScope scope = DisputeScope.of(actor, organisations.orgsOf(actor.userId()), grids);
		List<Object> params = new ArrayList<>(scope.params());
		String filter = "";
		if (status != null && !status.isBlank()) {
			if ("OPEN".equals(status)) {
				filter = " AND d.status <> 'CLOSED'";
			}
			else {
				filter = " AND d.status = ?";
				params.add(status);
			}
		}
		params.add(limit);
		return jdbc.sql("""
				SELECT d.number, d.title, t.name AS type_name, d.status, d.risk_level, d.region_code, o.name AS org_name, d.registered_on
				FROM dispute d JOIN dispute_type t ON t.code = d.type_code LEFT JOIN mediation_org o ON o.id = d.org_id
				WHERE """ + " " + scope.condition() + filter + " ORDER BY d.registered_at DESC, d.id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> {
				DisputeStatus s = DisputeStatus.valueOf(rs.getString("status"));
				RiskLevel r = RiskLevel.valueOf(rs.getString("risk_level"));
				return new Row(rs.getString("number"), rs.getString("title"), rs.getString("type_name"), s.name(), s.label(), r.name(),
						r.label(), directory.regionPath(rs.getString("region_code")), rs.getString("org_name"),
						rs.getObject("registered_on", LocalDate.class));
			})
			.list();
	}

	@Transactional(readOnly = true)
	public List<Type> types() {
		return jdbc.sql("SELECT code, name FROM dispute_type WHERE active ORDER BY sort_order, code")
			.query(Rows.of(Type.class))
			.list();
	}

	/** Shows a party's full ID number, phone and address: with a reason, audited (PIPL), to whom handles the dispute. */
	@Transactional
	public PartyInput reveal(String number, int seq, String reason, Actor actor) {
		Dispute d = visible(number, actor);
		if (!isMediatorOf(d, actor) && !(Oversight.oversees(actor, d.regionCode()) && actor.has(Role.DISPUTE_CENTER))) {
			audit.record(actor.label(), "DISPUTE_UNMASK_REFUSED", number, "无权查看");
			throw new DomainException.Forbidden("只有承办调解员和矛调中心可以查看当事人完整信息");
		}
		if (reason == null || reason.strip().length() < 4) {
			throw new DomainException.Invalid("reason", "请填写查看原因（至少4个字）");
		}
		record P(String side, String name, byte[] idNumberEnc, byte[] phoneEnc, byte[] addressEnc) {
		}
		P p = jdbc.sql("SELECT side, name, id_number_enc, phone_enc, address_enc FROM dispute_party WHERE dispute_id = ? AND seq = ?")
			.params(d.id(), seq)
			.query(Rows.of(P.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("当事人不存在"));
		audit.record(actor.label(), "DISPUTE_UNMASK", number + "#" + seq, reason.strip());
		return new PartyInput(p.side(), p.name(), cipher.decrypt(p.idNumberEnc()), cipher.decrypt(p.phoneEnc()),
				cipher.decrypt(p.addressEnc()));
	}

	/** The 调解协议书 (Art 29) as PDF; it carries the parties' full particulars, so every download is audited. */
	@Transactional
	public byte[] agreementPdf(String number, Actor actor) {
		Dispute d = visible(number, actor);
		if (!isMediatorOf(d, actor) && !Oversight.oversees(actor, d.regionCode())) {
			throw new DomainException.Forbidden("只有承办调解员和矛调中心可以打印调解协议书");
		}
		Agreement a = d.agreement();
		if (a == null || !"WRITTEN".equals(a.form())) {
			throw new DomainException.Conflict("该纠纷没有书面调解协议书");
		}
		audit.record(actor.label(), "DISPUTE_AGREEMENT_PDF", number, "调解协议书");
		return renderer.render(agreementDocument(d));
	}

	OfficialDocument agreementDocument(Dispute d) {
		Agreement a = d.agreement();
		record P(String side, String name, byte[] idNumberEnc, byte[] phoneEnc, byte[] addressEnc) {
		}
		List<String> parties = new ArrayList<>();
		for (P p : jdbc.sql("SELECT side, name, id_number_enc, phone_enc, address_enc FROM dispute_party WHERE dispute_id = ? ORDER BY seq")
			.param(d.id())
			.query(Rows.of(P.class))
			.list()) {
			StringBuilder line = new StringBuilder(p.name() + "（" + sideLabel(p.side()) + "）");
			Optional.ofNullable(cipher.decrypt(p.idNumberEnc())).ifPresent(v -> line.append("，公民身份号码").append(v));
			Optional.ofNullable(cipher.decrypt(p.phoneEnc())).ifPresent(v -> line.append("，联系电话").append(v));
			Optional.ofNullable(cipher.decrypt(p.addressEnc())).ifPresent(v -> line.append("，住址").append(v));
			parties.add(line + "。");
		}
		String performance = a.performance() + (a.performBy() == null ? ""
				: "；履行期限：" + a.performBy().format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "前履行完毕");
		return OfficialDocument.of(DocumentKind.MEDIATION_AGREEMENT, d.number(), a.orgName(), a.effectiveOn(), null, d.title(),
				d.registeredOn())
			.with(DocumentFields.PARTIES, String.join("\n", parties))
			.with(DocumentFields.FACTS, a.facts())
			.with(DocumentFields.RESPONSIBILITIES, a.responsibilities())
			.with(DocumentFields.TERMS, a.terms())
			.with(DocumentFields.PERFORMANCE, performance)
			.with(DocumentFields.MEDIATOR_NAME, a.mediator());
	}

	public String agreementFileName(String number) {
		return number + "_调解协议书.pdf";
	}

	// ------------------------------------------------------------------ internals

	private Dispute load(long id) {
		record D(long id, String number, String status, String source, String typeCode, String typeName, String title, String facts,
				String regionCode, String gridCode, String riskLevel, String riskOwner, Long orgId, String orgName, String orgKind,
				Long roomId, String roomName, String mediationLevel, String reporter, LocalDate registeredOn, String outcome,
				LocalDate outcomeOn, LocalDate closedOn, String petitionNumber, int version) {
		}
		D d = jdbc.sql("""
				SELECT d.id, d.number, d.status, d.source, d.type_code, t.name AS type_name, d.title, d.facts, d.region_code, d.grid_code,
				       d.risk_level, d.risk_owner, d.org_id, o.name AS org_name, o.kind AS org_kind, d.room_id, r.name AS room_name,
				       d.mediation_level, u.display_name AS reporter, d.registered_on, d.outcome, d.outcome_on, d.closed_on,
				       d.petition_number, d.version
				FROM dispute d JOIN dispute_type t ON t.code = d.type_code LEFT JOIN mediation_org o ON o.id = d.org_id
				LEFT JOIN mediation_room r ON r.id = d.room_id JOIN app_user u ON u.id = d.reported_by WHERE d.id = ?""")
			.param(id)
			.query(Rows.of(D.class))
			.single();
		DisputeStatus status = DisputeStatus.valueOf(d.status());
		DisputeSource source = DisputeSource.valueOf(d.source());
		RiskLevel risk = RiskLevel.valueOf(d.riskLevel());
		List<Party> parties = jdbc.sql("SELECT seq, side, name, id_number_mask, phone_mask FROM dispute_party WHERE dispute_id = ? ORDER BY seq")
			.param(id)
			.query((rs, n) -> new Party(rs.getInt(1), rs.getString(2), sideLabel(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		List<Risk> risks = jdbc.sql("SELECT at, level, owner, plan, reason, actor FROM dispute_risk WHERE dispute_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new Risk(BeijingTime.of(rs.getObject(1, OffsetDateTime.class)), RiskLevel.valueOf(rs.getString(2)),
					RiskLevel.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		List<Session> sessions = jdbc.sql("""
				SELECT s.id, s.held_on, r.name, s.mediator, s.attendees, s.record FROM mediation_session s
				LEFT JOIN mediation_room r ON r.id = s.room_id WHERE s.dispute_id = ? ORDER BY s.held_on, s.id""")
			.param(id)
			.query((rs, n) -> new Session(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
		Agreement agreement = jdbc.sql("""
				SELECT form, facts, responsibilities, terms, performance, perform_by, effective_on, mediator, org_name, performed,
				       follow_up_note, follow_up_on, confirmation_applied_on, confirmation_court, confirmation_decided_on,
				       confirmation_result, confirmation_note FROM mediation_agreement WHERE dispute_id = ?""")
			.param(id)
			.query((rs, n) -> new Agreement(rs.getString(1), "WRITTEN".equals(rs.getString(1)) ? "书面调解协议书" : "口头协议",
					rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), (Boolean) rs.getObject(10), rs.getString(11),
					rs.getObject(12, LocalDate.class), JudicialConfirmationRule.lastDay(rs.getObject(7, LocalDate.class), calendar),
					rs.getObject(13, LocalDate.class), rs.getString(14), rs.getObject(15, LocalDate.class), rs.getString(16),
					rs.getString(17)))
			.optional()
			.orElse(null);
		List<Event> events = jdbc.sql("SELECT at, actor_name, action, from_status, to_status, note FROM dispute_event WHERE dispute_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new Event(BeijingTime.of(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getString(3),
					actionLabel(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		String gridName = d.gridCode() == null ? null : grids.grid(d.gridCode()).map(g -> g.villageName() + " · " + g.name()).orElse(null);
		return new Dispute(d.id(), d.number(), status, status.label(), source, source.label(), d.typeCode(), d.typeName(), d.title(),
				d.facts(), d.regionCode(), directory.regionPath(d.regionCode()), d.gridCode(), gridName, risk, risk.label(),
				d.riskOwner(), d.orgId(), d.orgName(), d.orgKind() == null ? null : OrgKind.valueOf(d.orgKind()), d.roomId(),
				d.roomName(), d.mediationLevel(), d.reporter(), d.registeredOn(), d.outcome(), d.outcomeOn(), d.closedOn(),
				d.petitionNumber(), parties, risks, sessions, agreement, events, d.version());
	}

	/** One conditional UPDATE: the act fits the state, and the version is the one the caller saw. */
	private void transition(Dispute d, DisputeStatus.Act act, Integer version, String setClause, List<Object> setParams) {
		if (!act.allowedFrom(d.status())) {
			throw new DomainException.Conflict("纠纷当前为“" + d.statusLabel() + "”，不能" + act.label());
		}
		if (version == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		DisputeStatus to = act.target(d.status());
		List<Object> params = new ArrayList<>();
		params.add(to.name());
		params.addAll(setParams);
		params.add(d.id());
		params.add(version);
		params.add(d.status().name());
		int n = jdbc.sql("UPDATE dispute SET status = ?, version = version + 1" + (setClause == null ? "" : ", " + setClause)
				+ " WHERE id = ? AND version = ? AND status = ?")
			.params(params)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该纠纷已被他人修改，请刷新后重试");
		}
	}

	private void event(long id, Actor actor, String action, DisputeStatus from, DisputeStatus to, String note) {
		jdbc.sql("INSERT INTO dispute_event (dispute_id, at, actor, actor_name, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, now(), actor.label(), actor.displayName(), action, from == null ? null : from.name(), to.name(), note)
			.update();
	}

	private boolean isMediatorOf(Dispute d, Actor actor) {
		return d.orgId() != null && actor.has(Role.MEDIATOR) && organisations.orgsOf(actor.userId()).contains(d.orgId());
	}

	private void requireMediator(Dispute d, Actor actor) {
		if (!isMediatorOf(d, actor)) {
			throw new DomainException.Forbidden("只有承办调解组织的调解员可以调解该纠纷");
		}
	}

	private static void requireOverseer(Dispute d, Actor actor) {
		if (!Oversight.oversees(actor, d.regionCode()) || !actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN, Role.LEADER)) {
			throw new DomainException.Forbidden("只有矛调中心可以分流和调整风险等级");
		}
	}

	static String sideLabel(String side) {
		return "APPLICANT".equals(side) ? "申请人" : "被申请人";
	}

	static String actionLabel(String action) {
		return switch (action) {
			case "REGISTER" -> "登记";
			case "ASSIGN" -> "分流";
			case "RISK" -> "调整风险等级";
			case "SESSION" -> "调解";
			case "AGREE" -> "达成协议";
			case "FAIL" -> "未达成协议";
			case "FOLLOW_UP" -> "履行回访";
			case "CLOSE" -> "结案";
			case "CONFIRM_APPLY" -> "申请司法确认";
			case "ESCALATE" -> "升级或转交";
			case "CONVERT" -> "转为信访事项";
			case "CONFIRM_DECIDED" -> "司法确认结果";
			default -> action;
		};
	}

	private Optional<Type> type(String code) {
		return jdbc.sql("SELECT code, name FROM dispute_type WHERE code = ? AND active")
			.param(code)
			.query(Rows.of(Type.class))
			.optional();
	}

	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		try {
			return value == null ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
