package com.xinfang.mediation;

import static com.xinfang.platform.Texts.blankToNull;

import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of mediation organisations (four kinds), their rooms (调解室) and mediators, with
 * the committee's composition (Art 8) and the mediator's conditions and training (Art 14).
 */
@Service
public class Organisations {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	Organisations(JdbcClient jdbc, Directory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** A mediator to register; username links an existing staff account with the mediator role (optional). */
	public record MediatorInput(String name, String gender, LocalDate birthDate, String position, Boolean fairAndUpright,
			Boolean enthusiastic, Boolean qualified, String education, Boolean publicLawyer, String username) {
	}

	public record NewOrganisation(String name, OrgKind kind, String level, String regionCode, String brand,
			List<String> disputeTypes, List<String> rooms, List<MediatorInput> members) {
	}

	public record Room(long id, String name, String address) {
	}

	public record Mediator(long id, String name, String gender, String position, String positionLabel, boolean fairAndUpright,
			boolean enthusiastic, boolean qualified, String education, boolean publicLawyer, LocalDate lastTraining,
			boolean trainingDue, boolean hasAccount) {
	}

	public record Organisation(long id, String name, OrgKind kind, String kindLabel, String level, String regionCode,
			String regionName, String brand, List<String> disputeTypes, List<Room> rooms, List<Mediator> mediators, int version) {
	}

	public record Summary(long id, String name, OrgKind kind, String kindLabel, String level, String regionCode,
			String regionName, String brand, int rooms, int mediators) {
	}

	public record Training(LocalDate heldOn, String topic, Integer hours, String organiser) {
	}

	static String positionLabel(String position) {
		return switch (position) {
			case "CHAIR" -> "主任";
			case "VICE_CHAIR" -> "副主任";
			case "MEMBER" -> "委员";
			default -> "调解员";
		};
	}

	@Transactional
	public Organisation create(NewOrganisation in, Actor actor) {
		if (in == null) {
			throw new DomainException.Invalid("name", "请填写调解组织");
		}
		requireOverseer(actor, in.regionCode());
		List<FieldProblem> problems = new ArrayList<>();
		if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 100) {
			problems.add(new FieldProblem("name", "请填写调解组织名称（不超过100字）"));
		}
		if (in.kind() == null) {
			problems.add(new FieldProblem("kind", "请选择调解组织类别"));
		}
		if (in.level() == null || !Set.of("VILLAGE", "TOWNSHIP", "COUNTY").contains(in.level())) {
			problems.add(new FieldProblem("level", "请选择村（社区）、乡镇（街道）或县级"));
		}
		List<String> types = in.disputeTypes() == null ? List.of() : in.disputeTypes();
		Set<String> known = Set.copyOf(jdbc.sql("SELECT code FROM dispute_type").query(String.class).list());
		if (!known.containsAll(types)) {
			problems.add(new FieldProblem("disputeTypes", "纠纷类型不存在"));
		}
		List<MediatorInput> members = in.members() == null ? List.of() : in.members();
		LocalDate today = today();
		for (int i = 0; i < members.size(); i++) {
			MediatorInput m = members.get(i);
			for (FieldProblem p : MediatorRule.problems(m.name(), m.gender(), m.birthDate(), m.fairAndUpright(), m.enthusiastic(),
					m.qualified(), today)) {
				problems.add(new FieldProblem("members[" + i + "]." + p.field(), (m.name() == null ? "" : m.name() + "：") + p.message()));
			}
			if (m.position() == null || !Set.of("CHAIR", "VICE_CHAIR", "MEMBER", "MEDIATOR").contains(m.position())) {
				problems.add(new FieldProblem("members[" + i + "].position", "请选择主任、副主任、委员或调解员"));
			}
		}
		if (in.kind() != null) {
			problems.addAll(CommitteeRule.problems(in.kind(),
					members.stream().map(m -> new CommitteeRule.Seat(m.position(), m.gender())).toList()));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		long id;
		try {
			id = jdbc.sql("INSERT INTO mediation_org (name, kind, level, region_code, brand, dispute_types) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
				.params(in.name().strip(), in.kind().name(), in.level(), in.regionCode(), blankToNull(in.brand()),
						types.toArray(String[]::new))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException.Conflict("已有同名的调解组织");
		}
		for (String room : in.rooms() == null ? List.<String>of() : in.rooms()) {
			if (room != null && !room.isBlank()) {
				jdbc.sql("INSERT INTO mediation_room (org_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING").params(id, room.strip()).update();
			}
		}
		for (MediatorInput m : members) {
			insertMediator(id, m);
		}
		audit.record(actor == null ? "system" : actor.label(), "MEDIATION_ORG_CREATED", in.name(), in.kind().label());
		return organisation(id).orElseThrow();
	}

	/** Adds a mediator (Art 14); a committee member only while the committee keeps 3 to 9 members (Art 8). */
	@Transactional
	public Organisation addMediator(long orgId, MediatorInput m, Actor actor) {
		Organisation org = lockedVisible(orgId, actor);
		requireOverseer(actor, org.regionCode());
		if (m == null) {
			throw new DomainException.Invalid("name", "请填写调解员信息");
		}
		List<FieldProblem> problems = new ArrayList<>(MediatorRule.problems(m.name(), m.gender(), m.birthDate(),
				m.fairAndUpright(), m.enthusiastic(), m.qualified(), today()));
		if (m.position() == null || !Set.of("CHAIR", "VICE_CHAIR", "MEMBER", "MEDIATOR").contains(m.position())) {
			problems.add(new FieldProblem("position", "请选择主任、副主任、委员或调解员"));
		}
		if (problems.isEmpty()) {
			List<CommitteeRule.Seat> seats = new ArrayList<>(seats(orgId));
			seats.add(new CommitteeRule.Seat(m.position(), m.gender()));
			problems.addAll(CommitteeRule.problems(org.kind(), seats));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		insertMediator(orgId, m);
		audit.record(actor.label(), "MEDIATOR_ADDED", org.name(), m.name());
		return organisation(orgId).orElseThrow();
	}

	/** A mediator leaves; refused when the committee would no longer meet Art 8. */
	@Transactional
	public Organisation removeMediator(long orgId, long mediatorId, Actor actor) {
		Organisation org = lockedVisible(orgId, actor);
		requireOverseer(actor, org.regionCode());
		List<CommitteeRule.Seat> seats = new ArrayList<>();
		boolean found = false;
		for (var row : jdbc.sql("SELECT id, position, gender FROM mediator WHERE org_id = ? AND active").param(orgId).query().listOfRows()) {
			if (((Number) row.get("id")).longValue() == mediatorId) {
				found = true;
				continue;
			}
			seats.add(new CommitteeRule.Seat((String) row.get("position"), (String) row.get("gender")));
		}
		if (!found) {
			throw new DomainException.NotFound("该组织没有此调解员");
		}
		List<FieldProblem> problems = CommitteeRule.problems(org.kind(), seats);
		if (!problems.isEmpty()) {
			throw new DomainException.Conflict("不能减少该委员：" + problems.get(0).message() + "；请先补选委员");
		}
		jdbc.sql("UPDATE mediator SET active = false WHERE id = ?").param(mediatorId).update();
		audit.record(actor.label(), "MEDIATOR_REMOVED", org.name(), String.valueOf(mediatorId));
		return organisation(orgId).orElseThrow();
	}

	/** 业务培训 (Art 14 para 2). */
	@Transactional
	public Organisation addTraining(long orgId, long mediatorId, Training t, Actor actor) {
		Organisation org = lockedVisible(orgId, actor);
		requireOverseer(actor, org.regionCode());
		if (org.mediators().stream().noneMatch(m -> m.id() == mediatorId)) {
			throw new DomainException.NotFound("该组织没有此调解员");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (t == null || t.heldOn() == null || t.heldOn().isAfter(today())) {
			problems.add(new FieldProblem("heldOn", "请填写已举办培训的日期"));
		}
		if (t == null || t.topic() == null || t.topic().isBlank() || t.topic().length() > 100) {
			problems.add(new FieldProblem("topic", "请填写培训内容（不超过100字）"));
		}
		if (t == null || t.hours() == null || t.hours() < 1 || t.hours() > 200) {
			problems.add(new FieldProblem("hours", "培训学时应在1至200之间"));
		}
		if (t == null || t.organiser() == null || t.organiser().isBlank()) {
			problems.add(new FieldProblem("organiser", "请填写培训组织单位（县级司法行政部门）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		jdbc.sql("INSERT INTO mediator_training (mediator_id, held_on, topic, hours, organiser) VALUES (?, ?, ?, ?, ?)")
			.params(mediatorId, t.heldOn(), t.topic().strip(), t.hours(), t.organiser().strip())
			.update();
		return organisation(orgId).orElseThrow();
	}

	/** The directory under a region prefix, optionally of one kind. */
	@Transactional(readOnly = true)
	public List<Summary> directory(String regionPrefix, OrgKind kind) {
		return jdbc.sql("""
				SELECT o.id, o.name, o.kind, o.level, o.region_code, o.brand,
				       (SELECT count(*) FROM mediation_room r WHERE r.org_id = o.id) AS rooms,
				       (SELECT count(*) FROM mediator m WHERE m.org_id = o.id AND m.active) AS mediators
				FROM mediation_org o WHERE o.region_code LIKE ? AND (?::text IS NULL OR o.kind = ?)
				ORDER BY o.region_code, o.kind, o.name""")
			.params(regionPrefix + "%", kind == null ? null : kind.name(), kind == null ? null : kind.name())
			.query((rs, n) -> {
				OrgKind k = OrgKind.valueOf(rs.getString("kind"));
				return new Summary(rs.getLong("id"), rs.getString("name"), k, k.label(), rs.getString("level"),
						rs.getString("region_code"), directory.regionName(rs.getString("region_code")), rs.getString("brand"),
						rs.getInt("rooms"), rs.getInt("mediators"));
			})
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> organisation(long id) {
		record Row(long id, String name, String kind, String level, String regionCode, String brand, Array disputeTypes, int version) {
		}
		return jdbc.sql("SELECT id, name, kind, level, region_code, brand, dispute_types, version FROM mediation_org WHERE id = ?")
			.param(id)
			.query((rs, n) -> {
				OrgKind k = OrgKind.valueOf(rs.getString("kind"));
				List<String> types = Arrays.asList((String[]) rs.getArray("dispute_types").getArray());
				return new Organisation(rs.getLong("id"), rs.getString("name"), k, k.label(), rs.getString("level"),
						rs.getString("region_code"), directory.regionPath(rs.getString("region_code")), rs.getString("brand"),
						types, rooms(id), mediators(id), rs.getInt("version"));
			})
			.optional();
	}

	/** An organisation the actor may see: overseers of its region and its own mediators; else 404. */
	@Transactional(readOnly = true)
	public Organisation visible(long id, Actor actor) {
		Organisation org = organisation(id).orElseThrow(() -> new DomainException.NotFound("调解组织不存在"));
		if (Oversight.oversees(actor, org.regionCode()) || orgsOf(actor.userId()).contains(id)) {
			return org;
		}
		throw new DomainException.NotFound("调解组织不存在");
	}

	/** The organisations an account mediates for. */
	@Transactional(readOnly = true)
	public Set<Long> orgsOf(long userId) {
		return Set.copyOf(jdbc.sql("SELECT org_id FROM mediator WHERE user_id = ? AND active").param(userId).query(Long.class).list());
	}

	/**
	 * The suggested organisation for a dispute: the county's industry organisation for its type,
	 * else the 人民调解委员会 of its township, else of its village, else the county's.
	 */
	@Transactional(readOnly = true)
	public Optional<Summary> suggest(String typeCode, String regionCode) {
		if (regionCode == null || regionCode.length() < 6) {
			return Optional.empty();
		}
		String county = regionCode.substring(0, 6);
		Optional<Long> industry = jdbc.sql("SELECT id FROM mediation_org WHERE kind = 'INDUSTRY' AND region_code LIKE ? AND ? = ANY (dispute_types) ORDER BY id LIMIT 1")
			.params(county + "%", typeCode)
			.query(Long.class)
			.optional();
		Optional<Long> chosen = industry;
		if (chosen.isEmpty() && regionCode.length() >= 9) {
			chosen = jdbc.sql("SELECT id FROM mediation_org WHERE kind = 'PEOPLES' AND region_code = ? ORDER BY id LIMIT 1")
				.param(regionCode.substring(0, 9))
				.query(Long.class)
				.optional();
		}
		if (chosen.isEmpty()) {
			chosen = jdbc.sql("SELECT id FROM mediation_org WHERE kind = 'PEOPLES' AND region_code = ? ORDER BY id LIMIT 1")
				.param(regionCode)
				.query(Long.class)
				.optional();
		}
		if (chosen.isEmpty()) {
			chosen = jdbc.sql("SELECT id FROM mediation_org WHERE region_code = ? ORDER BY id LIMIT 1").param(county).query(Long.class).optional();
		}
		return chosen.flatMap(id -> directory(organisation(id).orElseThrow().regionCode(), null).stream().filter(s -> s.id() == id).findFirst());
	}

	/** Mediators of an organisation (for the dispute pages). */
	@Transactional(readOnly = true)
	public List<Mediator> mediators(long orgId) {
		LocalDate today = today();
		return jdbc.sql("""
				SELECT m.id, m.name, m.gender, m.position, m.fair_and_upright, m.enthusiastic, m.qualified, m.education, m.public_lawyer,
				       (SELECT max(t.held_on) FROM mediator_training t WHERE t.mediator_id = m.id) AS last_training, m.user_id
				FROM mediator m WHERE m.org_id = ? AND m.active ORDER BY CASE m.position WHEN 'CHAIR' THEN 0 WHEN 'VICE_CHAIR' THEN 1
				WHEN 'MEMBER' THEN 2 ELSE 3 END, m.id""")
			.param(orgId)
			.query((rs, n) -> {
				LocalDate last = rs.getObject("last_training", LocalDate.class);
				return new Mediator(rs.getLong("id"), rs.getString("name"), rs.getString("gender"), rs.getString("position"),
						positionLabel(rs.getString("position")), rs.getBoolean("fair_and_upright"), rs.getBoolean("enthusiastic"),
						rs.getBoolean("qualified"), rs.getString("education"), rs.getBoolean("public_lawyer"), last,
						MediatorRule.trainingDue(last, today), rs.getObject("user_id") != null);
			})
			.list();
	}

	private List<Room> rooms(long orgId) {
		return jdbc.sql("SELECT id, name, address FROM mediation_room WHERE org_id = ? ORDER BY id")
			.param(orgId)
			.query(Rows.of(Room.class))
			.list();
	}

	private List<CommitteeRule.Seat> seats(long orgId) {
		return jdbc.sql("SELECT position, gender FROM mediator WHERE org_id = ? AND active")
			.param(orgId)
			.query(Rows.of(CommitteeRule.Seat.class))
			.list();
	}

	private Organisation lockedVisible(long orgId, Actor actor) {
		// one composition change at a time per organisation: two removals cannot both pass the Art 8 check
		jdbc.sql("SELECT id FROM mediation_org WHERE id = ? FOR UPDATE").param(orgId).query(Long.class).optional();
		return visible(orgId, actor);
	}

	private void insertMediator(long orgId, MediatorInput m) {
		Long userId = null;
		if (m.username() != null && !m.username().isBlank()) {
			userId = jdbc.sql("SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'MEDIATOR' WHERE u.username = ?")
				.param(m.username().strip())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new DomainException.Invalid("username", "没有该调解员账号：" + m.username()));
		}
		jdbc.sql("""
				INSERT INTO mediator (org_id, user_id, name, gender, birth_date, position, fair_and_upright, enthusiastic, qualified,
				                      education, public_lawyer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(orgId, userId, m.name().strip(), m.gender(), m.birthDate(), m.position(), true, true, true,
					blankToNull(m.education()), Boolean.TRUE.equals(m.publicLawyer()))
			.update();
	}

	private static void requireOverseer(Actor actor, String regionCode) {
		if (actor == null) {
			return; // the demo seed
		}
		if (!actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN) || regionCode == null || !Oversight.oversees(actor, regionCode)) {
			throw new DomainException.Forbidden("只有本地区的矛调中心可以管理调解组织");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}


	static String joinTypes(List<String> types) {
		return types.stream().collect(Collectors.joining(","));
	}

	@SuppressWarnings("unused")
	private static boolean isCounty(String code) {
		return Region.subtreePrefix(code).length() == 4;
	}

}
