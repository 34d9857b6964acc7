package com.xinfang.prevention;

import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.mediation.Disputes;
import com.xinfang.mediation.RiskLevel;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.Kind;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点人员 under 包案. The county bureau (a 信访局 registrar or 督办员 whose scope covers the county) puts a
 * person with repeated petitions or a red-level dispute on the list, with the reason, the responsible
 * leader (包化解), the grid worker (包稳控), a follow-up schedule and a review date after which the entry
 * lapses unless renewed ({@link KeyPersonRule}). Case ownership, not surveillance: no location is kept;
 * the entry is seen only by the county bureau's registrars, 督办员 and leaders of the region, the named
 * leader and the named grid worker (anyone else: "does not exist"); every view and every change is
 * written to the audit log. The petition module does not know the list exists: the person's petitions
 * are registered and handled like anyone's.
 */
@Service
public class KeyPersons {

	public enum Basis {

		REPEATED_PETITIONS("多次信访"), RED_DISPUTE("红色（高风险）矛盾纠纷");

		private final String label;

		Basis(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Entry(String name, String idNumber, String countyCode, String basis, List<String> basisRefs, String reason,
			String leaderUsername, String gridWorkerUsername, Integer followUpDays, LocalDate reviewOn) {
	}

	public record Visit(LocalDate visitedOn, String note) {
	}

	public record Renewal(LocalDate reviewOn, String reason, Integer version) {
	}

	public record Removal(String reason, Integer version) {
	}

	public record VisitView(LocalDate visitedOn, String visitor, String note) {
	}

	public record EventView(OffsetDateTime at, String actorName, String action, String note) {
	}

	public record KeyPerson(long id, String name, String idNumberMasked, String countyCode, String countyName, Basis basis,
			String basisLabel, List<String> basisRefs, String reason, String leaderName, String gridWorkerName, int followUpDays,
			LocalDate reviewOn, String status, String statusLabel, LocalDate nextFollowUp, boolean followUpOverdue,
			LocalDate addedOn, List<VisitView> visits, List<EventView> events, int version) {
	}

	public record Row(long id, String name, String countyName, String basisLabel, String leaderName, String gridWorkerName,
			LocalDate reviewOn, String status, String statusLabel, LocalDate nextFollowUp, boolean followUpOverdue) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PersonalDataCipher cipher;

	private final Accounts accounts;

	private final Grids grids;

	private final PetitionQueries petitions;

	private final Disputes disputes;

	private final Directory directory;

	private final Clock clock;

	KeyPersons(JdbcClient jdbc, AuditLog audit, PersonalDataCipher cipher, Accounts accounts, Grids grids, PetitionQueries petitions,
			Disputes disputes, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.cipher = cipher;
		this.accounts = accounts;
		this.grids = grids;
		this.petitions = petitions;
		this.disputes = disputes;
		this.directory = directory;
		this.clock = clock;
	}

	/** The county bureau: a 信访局 registrar or 督办员 whose region scope covers the county. */
	static boolean countyBureau(Actor actor, String countyCode) {
		return actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR) && Oversight.oversees(actor, countyCode);
	}

	/** Who may see the list of a county: the bureau's registrars and 督办员, and the region's leaders. */
	static boolean mayOversee(Actor actor, String countyCode) {
		return actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER) && Oversight.oversees(actor, countyCode)
				&& !actor.has(Role.DISPUTE_CENTER);
	}

	@Transactional // a refusal from the petition or mediation module rolls the whole addition back
	public KeyPerson add(Entry in, Actor actor) {
		if (in == null) {
			throw new DomainException.Invalid("name", "请填写重点人员信息");
		}
		LocalDate today = today();
		List<FieldProblem> problems = new ArrayList<>();
		Region county = in.countyCode() == null ? null : directory.region(in.countyCode()).orElse(null);
		if (county == null || county.level() == Region.Level.VILLAGE || county.level() == Region.Level.TOWNSHIP
				|| in.countyCode().length() != 6 || in.countyCode().endsWith("00")) {
			problems.add(new FieldProblem("countyCode", "请选择县市区"));
		}
		else if (!countyBureau(actor, in.countyCode())) {
			throw new DomainException.Forbidden("重点人员由县级信访部门确定");
		}
		if (in.name() == null || !in.name().strip().matches("[\\p{IsHan}·A-Za-z]{2,40}")) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		if (in.idNumber() != null && !in.idNumber().isBlank()) {
			IdNumber.problem(in.idNumber(), today).ifPresent(m -> problems.add(new FieldProblem("idNumber", m)));
		}
		Basis basis = null;
		try {
			basis = in.basis() == null ? null : Basis.valueOf(in.basis());
		}
		catch (IllegalArgumentException ex) {
			basis = null;
		}
		List<String> refs = in.basisRefs() == null ? List.of()
				: in.basisRefs().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
		if (basis == null) {
			problems.add(new FieldProblem("basis", "请选择列为重点人员的依据：多次信访或红色矛盾纠纷"));
		}
		else if (basis == Basis.REPEATED_PETITIONS && refs.size() < 2) {
			problems.add(new FieldProblem("basisRefs", "多次信访须列明至少两件信访事项的编号"));
		}
		else if (basis == Basis.RED_DISPUTE && refs.size() != 1) {
			problems.add(new FieldProblem("basisRefs", "请填写该红色矛盾纠纷的编号"));
		}
		else if (String.join(",", refs).length() > 400) {
			problems.add(new FieldProblem("basisRefs", "依据编号过多（合计不超过400个字符）"));
		}
		if (in.reason() == null || in.reason().strip().length() < 10 || in.reason().strip().length() > 2000) {
			problems.add(new FieldProblem("reason", "请写明列为重点人员的理由（10至2000个字）"));
		}
		Actor leader = in.leaderUsername() == null ? null : accounts.actorByUsername(in.leaderUsername().strip()).orElse(null);
		if (leader == null || !leader.has(Role.LEADER)) {
			problems.add(new FieldProblem("leaderUsername", "请选择包案领导（领导账号）"));
		}
		Actor worker = in.gridWorkerUsername() == null ? null : accounts.actorByUsername(in.gridWorkerUsername().strip()).orElse(null);
		if (worker == null || !worker.has(Role.GRID_WORKER) || in.countyCode() == null
				|| grids.membershipsOf(worker.userId()).stream().noneMatch(m -> m.grid().code().startsWith(in.countyCode()))) {
			problems.add(new FieldProblem("gridWorkerUsername", "请选择本县市区的网格员"));
		}
		if (in.followUpDays() == null || in.followUpDays() < 1 || in.followUpDays() > 90) {
			problems.add(new FieldProblem("followUpDays", "请填写走访周期（1至90天）"));
		}
		if (!KeyPersonRule.validReviewDate(in.reviewOn(), today)) {
			problems.add(new FieldProblem("reviewOn", "复核日期须晚于今天且不超过一年"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		// the basis must be a matter the bureau can see (out of its scope it "does not exist")
		for (String ref : refs) {
			if (basis == Basis.REPEATED_PETITIONS) {
				// an accusation never makes its accuser a key person: the entry is seen by a leader and a grid worker who may
				// belong to the accused unit, and would link the accuser to the matter (条例第三十条)
				if (petitions.find(ref, actor).kind() == Kind.ACCUSATION) {
					throw new DomainException.Invalid("basisRefs", "检举控告类信访事项不作为列入重点人员的依据（《信访工作条例》第三十条）：" + ref);
				}
			}
			else {
				var d = disputes.visible(ref, actor);
				if (d.riskLevel() != RiskLevel.RED) {
					throw new DomainException.Invalid("basisRefs", "该矛盾纠纷不是红色（高风险）等级");
				}
			}
		}
		String idn = in.idNumber() == null || in.idNumber().isBlank() ? null : IdNumber.normalise(in.idNumber());
		long id = jdbc.sql("""
				INSERT INTO key_person (county_code, name, id_number_enc, id_number_index, id_number_mask, basis, basis_refs, reason,
				                        leader_id, grid_worker_id, follow_up_days, review_on, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(in.countyCode(), in.name().strip(), cipher.encrypt(idn), cipher.blindIndex("id", idn), Masking.idNumber(idn),
					basis.name(), String.join(",", refs), in.reason().strip(), leader.userId(), worker.userId(), in.followUpDays(),
					in.reviewOn(), actor.userId(), now())
			.query(Long.class)
			.single();
		event(id, actor, "ADD", basis.label() + "：" + in.reason().strip() + "；包案领导" + leader.displayName() + "，网格员"
				+ worker.displayName() + "，每" + in.followUpDays() + "天走访，" + in.reviewOn() + "复核");
		audit.record(actor.label(), "KEY_PERSON_ADDED", "KP" + id, basis.label());
		return load(id);
	}

	/** A choice on the console's form: the value sent (a login name or code) and the name shown. */
	public record Choice(String value, String label) {
	}

	/** What the console's 列入 form offers: the counties the bureau may add to, their leaders and grid workers. */
	public record AddOptions(List<Choice> counties, List<Choice> leaders, List<Choice> gridWorkers) {
	}

	/** Whether the actor is a county bureau for at least one county (the only ones who may add). */
	public boolean mayAdd(Actor actor) {
		return !addCounties(actor).isEmpty();
	}

	private List<Region> addCounties(Actor actor) {
		if (actor == null || !actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR) || actor.has(Role.DISPUTE_CENTER)) {
			return List.of();
		}
		return directory.counties().stream().filter(c -> countyBureau(actor, c.code())).toList();
	}

	/** The form's choices, for the county bureau only; anyone else: "does not exist", like the API's list. */
	@Transactional(readOnly = true)
	public AddOptions addOptions(Actor actor) {
		List<Region> counties = addCounties(actor);
		if (counties.isEmpty()) {
			throw new DomainException.NotFound("页面不存在");
		}
		List<Choice> leaders = jdbc.sql("""
				SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'LEADER'
				WHERE u.kind = 'STAFF' AND u.enabled ORDER BY u.display_name, u.id""")
			.query(Long.class)
			.list()
			.stream()
			.map(accounts::actor)
			.flatMap(java.util.Optional::stream)
			.filter(l -> counties.stream().anyMatch(c -> Oversight.oversees(l, c.code())))
			.map(l -> new Choice(l.username(), l.displayName() + (l.unitCode() == null ? "" : "（" + directory.unitName(l.unitCode()) + "）")))
			.toList();
		String prefix = Oversight.regionPrefix(actor).orElseThrow();
		List<Choice> workers = jdbc.sql("""
				SELECT u.username, u.display_name, min(g.village_code) AS village FROM grid_member m
				JOIN grid g ON g.code = m.grid_code JOIN app_user u ON u.id = m.user_id
				WHERE g.village_code LIKE ? AND u.enabled GROUP BY u.username, u.display_name ORDER BY min(g.village_code), u.display_name""")
			.param(prefix + "%")
			.query((rs, n) -> {
				String village = rs.getString("village");
				return new Choice(rs.getString("username"), rs.getString("display_name") + "（" + directory.regionName(village.substring(0, 6))
						+ " " + directory.regionName(village.substring(0, 9)) + " " + directory.regionName(village) + "）");
			})
			.list();
		return new AddOptions(counties.stream().map(c -> new Choice(c.code(), c.name())).toList(), leaders, workers);
	}

	/** One entry, to those named; every view is audited. */
	@Transactional(noRollbackFor = DomainException.NotFound.class) // a refused look is audited too
	public KeyPerson view(long id, Actor actor) {
		KeyPerson p = visible(id, actor);
		audit.record(actor.label(), "KEY_PERSON_VIEWED", "KP" + id, null);
		return p;
	}

	/** The list as the person may see it (the county's for the bureau and leaders, one's own for a grid worker or 包案领导); audited. */
	@Transactional(noRollbackFor = DomainException.NotFound.class) // a refused look is audited too
	public List<Row> list(Actor actor, boolean includeEnded) {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		Oversight.regionPrefix(actor).filter(p -> actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER) && !actor.has(Role.DISPUTE_CENTER))
			.ifPresent(prefix -> {
				parts.add("k.county_code LIKE ?");
				params.add(prefix.length() > 6 ? "-" : prefix + "%"); // a township's staff: none
			});
		parts.add("k.grid_worker_id = ?");
		params.add(actor.userId());
		parts.add("k.leader_id = ?");
		params.add(actor.userId());
		List<Row> rows = jdbc.sql("""
				SELECT k.id, k.name, k.county_code, k.basis, l.display_name AS leader, w.display_name AS worker, k.review_on, k.removed_on,
				       k.follow_up_days, k.added_at, (SELECT max(v.visited_on) FROM key_person_visit v WHERE v.key_person_id = k.id) AS last_visit
				FROM key_person k JOIN app_user l ON l.id = k.leader_id JOIN app_user w ON w.id = k.grid_worker_id
				WHERE (""" + String.join(" OR ", parts) + ") ORDER BY k.review_on, k.id")
			.params(params)
			.query((rs, n) -> {
				LocalDate added = BeijingTime.of(rs.getObject("added_at", OffsetDateTime.class)).toLocalDate();
				LocalDate last = rs.getObject("last_visit", LocalDate.class);
				LocalDate review = rs.getObject("review_on", LocalDate.class);
				String status = status(rs.getObject("removed_on", LocalDate.class), review);
				int every = rs.getInt("follow_up_days");
				return new Row(rs.getLong("id"), rs.getString("name"), directory.regionName(rs.getString("county_code")),
						Basis.valueOf(rs.getString("basis")).label(), rs.getString("leader"), rs.getString("worker"), review, status,
						statusLabel(status), KeyPersonRule.nextFollowUp(last, added, every),
						"ACTIVE".equals(status) && KeyPersonRule.followUpOverdue(last, added, every, today()));
			})
			.list()
			.stream()
			.filter(r -> includeEnded || "ACTIVE".equals(r.status()))
			.toList();
		audit.record(actor.label(), "KEY_PERSON_LISTED", "KP*", rows.size() + " entries");
		return rows;
	}

	/** A visit (走访) with its note, by the grid worker, the leader or the bureau; only while the entry holds. */
	@Transactional(noRollbackFor = DomainException.NotFound.class) // a refused look is audited too
	public KeyPerson visit(long id, Visit in, Actor actor) {
		KeyPerson p = visible(id, actor);
		requireActive(p);
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null || in.visitedOn() == null || in.visitedOn().isAfter(today()) || in.visitedOn().isBefore(p.addedOn())) {
			problems.add(new FieldProblem("visitedOn", "请填写走访日期（列入之后、不晚于今天）"));
		}
		if (in == null || in.note() == null || in.note().strip().length() < 4 || in.note().strip().length() > 2000) {
			problems.add(new FieldProblem("note", "请填写走访情况（诉求、化解进展、帮扶措施，不超过2000字）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		// the visit moves the schedule: a version bump so a concurrent renewal or removal sees it, and
		// only while the entry is on the list (a removal committed since it was read wins: 409)
		int held = jdbc.sql("UPDATE key_person SET version = version + 1 WHERE id = ? AND removed_on IS NULL").param(id).update();
		if (held == 0) {
			throw new DomainException.Conflict("该人员已移出重点人员名单");
		}
		jdbc.sql("INSERT INTO key_person_visit (key_person_id, visited_on, visitor, note, recorded_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, in.visitedOn(), actor.displayName(), in.note().strip(), now())
			.update();
		event(id, actor, "VISIT", in.visitedOn() + " 走访");
		audit.record(actor.label(), "KEY_PERSON_VISIT", "KP" + id, in.visitedOn().toString());
		return load(id);
	}

	/** Whether the actor may renew or remove the entry (the county bureau), for the console to offer the forms. */
	public boolean mayManage(KeyPerson p, Actor actor) {
		return p != null && !"REMOVED".equals(p.status()) && countyBureau(actor, p.countyCode());
	}

	/** Renewal by the county bureau with a new review date and a reason; a lapsed entry may be renewed too. */
	@Transactional(noRollbackFor = DomainException.NotFound.class) // a refused look is audited too
	public KeyPerson renew(long id, Renewal in, Actor actor) {
		KeyPerson p = visible(id, actor);
		if (!countyBureau(actor, p.countyCode())) {
			throw new DomainException.Forbidden("由县级信访部门复核续期");
		}
		if ("REMOVED".equals(p.status())) {
			throw new DomainException.Conflict("该人员已移出重点人员名单");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null || !KeyPersonRule.validReviewDate(in.reviewOn(), today())) {
			problems.add(new FieldProblem("reviewOn", "复核日期须晚于今天且不超过一年"));
		}
		if (in == null || in.reason() == null || in.reason().strip().length() < 4 || in.reason().strip().length() > 500) {
			problems.add(new FieldProblem("reason", "请写明继续列为重点人员的理由（不超过500字）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		update(p, in.version(), "review_on = ?", in.reviewOn());
		event(id, actor, "RENEW", "复核续期至" + in.reviewOn() + "：" + in.reason().strip());
		audit.record(actor.label(), "KEY_PERSON_RENEWED", "KP" + id, in.reviewOn().toString());
		return load(id);
	}

	/** 化解销号: removal by the county bureau with the reason. */
	@Transactional(noRollbackFor = DomainException.NotFound.class) // a refused look is audited too
	public KeyPerson remove(long id, Removal in, Actor actor) {
		KeyPerson p = visible(id, actor);
		if (!countyBureau(actor, p.countyCode())) {
			throw new DomainException.Forbidden("由县级信访部门移出名单");
		}
		if ("REMOVED".equals(p.status())) {
			throw new DomainException.Conflict("该人员已移出重点人员名单");
		}
		if (in == null || in.reason() == null || in.reason().strip().length() < 4 || in.reason().strip().length() > 500) {
			throw new DomainException.Invalid("reason", "请写明移出名单的理由（如已化解息访，不超过500字）");
		}
		update(p, in.version(), "removed_on = ?, removed_reason = ?", today(), in.reason().strip());
		event(id, actor, "REMOVE", "移出名单：" + in.reason().strip());
		audit.record(actor.label(), "KEY_PERSON_REMOVED", "KP" + id, in.reason().strip());
		return load(id);
	}

	// ------------------------------------------------------------------ internals

	private KeyPerson visible(long id, Actor actor) {
		record Who(String countyCode, long leaderId, long gridWorkerId) {
		}
		Who who = jdbc.sql("SELECT county_code, leader_id, grid_worker_id FROM key_person WHERE id = ?")
			.param(id)
			.query(Rows.of(Who.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("重点人员不存在"));
		boolean named = who.leaderId() == actor.userId() || (who.gridWorkerId() == actor.userId() && actor.has(Role.GRID_WORKER));
		if (!named && !mayOversee(actor, who.countyCode())) {
			audit.record(actor.label(), "KEY_PERSON_VIEW_REFUSED", "KP" + id, null);
			throw new DomainException.NotFound("重点人员不存在");
		}
		return load(id);
	}

	private void requireActive(KeyPerson p) {
		if (!"ACTIVE".equals(p.status())) {
			throw new DomainException.Conflict("该重点人员名单已" + p.statusLabel() + "，请先复核续期");
		}
	}

	private void update(KeyPerson p, Integer version, String set, Object... values) {
		if (version == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		List<Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(p.id());
		params.add(version);
		int n = jdbc.sql("UPDATE key_person SET " + set + ", version = version + 1 WHERE id = ? AND version = ? AND removed_on IS NULL")
			.params(params)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该重点人员信息已被他人修改，请刷新后重试");
		}
	}

	private KeyPerson load(long id) {
		record K(long id, String name, String idNumberMask, String countyCode, String basis, String basisRefs, String reason,
				String leader, String worker, int followUpDays, LocalDate reviewOn, LocalDate removedOn, OffsetDateTime addedAt,
				int version) {
		}
		K k = jdbc.sql("""
				SELECT k.id, k.name, k.id_number_mask, k.county_code, k.basis, k.basis_refs, k.reason, l.display_name AS leader,
				       w.display_name AS worker, k.follow_up_days, k.review_on, k.removed_on, k.added_at, k.version
				FROM key_person k JOIN app_user l ON l.id = k.leader_id JOIN app_user w ON w.id = k.grid_worker_id WHERE k.id = ?""")
			.param(id)
			.query(Rows.of(K.class))
			.single();
		List<VisitView> visits = jdbc.sql("SELECT visited_on, visitor, note FROM key_person_visit WHERE key_person_id = ? ORDER BY visited_on DESC, id DESC")
			.param(id)
			.query(Rows.of(VisitView.class))
			.list();
		List<EventView> events = jdbc.sql("SELECT at, actor_name, action, note FROM key_person_event WHERE key_person_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new EventView(BeijingTime.of(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
					actionLabel(rs.getString(3)), rs.getString(4)))
			.list();
		LocalDate added = BeijingTime.of(k.addedAt()).toLocalDate();
		LocalDate last = visits.isEmpty() ? null : visits.get(0).visitedOn();
		String status = status(k.removedOn(), k.reviewOn());
		Basis basis = Basis.valueOf(k.basis());
		return new KeyPerson(k.id(), k.name(), k.idNumberMask(), k.countyCode(), directory.regionName(k.countyCode()), basis,
				basis.label(), List.of(k.basisRefs().split(",")), k.reason(), k.leader(), k.worker(), k.followUpDays(), k.reviewOn(), status,
				statusLabel(status), KeyPersonRule.nextFollowUp(last, added, k.followUpDays()),
				"ACTIVE".equals(status) && KeyPersonRule.followUpOverdue(last, added, k.followUpDays(), today()), added, visits, events,
				k.version());
	}

	private String status(LocalDate removedOn, LocalDate reviewOn) {
		if (removedOn != null) {
			return "REMOVED";
		}
		return KeyPersonRule.lapsed(reviewOn, today()) ? "LAPSED" : "ACTIVE";
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "ACTIVE" -> "在册";
			case "LAPSED" -> "已到期失效（未复核续期）";
			default -> "已移出";
		};
	}

	static String actionLabel(String action) {
		return switch (action) {
			case "ADD" -> "列入";
			case "VISIT" -> "走访";
			case "RENEW" -> "复核续期";
			case "REMOVE" -> "移出";
			default -> action;
		};
	}

	private void event(long id, Actor actor, String action, String note) {
		jdbc.sql("INSERT INTO key_person_event (key_person_id, at, actor_name, action, note) VALUES (?, ?, ?, ?, ?)")
			.params(id, now(), actor.displayName(), action, note)
			.update();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	static Set<String> statuses() {
		return Set.of("ACTIVE", "LAPSED", "REMOVED");
	}

}
