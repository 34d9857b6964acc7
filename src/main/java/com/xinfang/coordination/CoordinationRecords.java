package com.xinfang.coordination;

import static com.xinfang.platform.Texts.blankToNull;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' side of coordination: 领导接访日 (a leader receives petitioners on a scheduled day and
 * each visit is linked to a matter with the leader's instructions) and 联席会议 records (date,
 * participants, matters discussed, decisions with an owner unit and a deadline).
 */
@Service
public class CoordinationRecords {

	public record ReceptionDay(long id, String leaderName, long leaderUserId, LocalDate day, String place, String regionCode,
			String regionName, String topic, List<ReceptionVisit> visits) {
	}

	public record ReceptionVisit(String number, String title, String instructions, OffsetDateTime recordedAt) {
	}

	public record Schedule(Long leaderUserId, LocalDate day, String place, String regionCode, String topic) {
	}

	public record Meeting(long id, LocalDate heldOn, String title, String regionCode, String participants, String summary,
			List<String> matters, List<Decision> decisions) {
	}

	public record Decision(long id, String decision, String ownerUnitCode, String ownerUnitName, LocalDate due,
			OffsetDateTime doneAt, String doneNote) {
	}

	public record NewMeeting(LocalDate heldOn, String title, String regionCode, String participants, String summary,
			List<String> matters, List<NewDecision> decisions) {
	}

	public record NewDecision(String decision, String ownerUnitCode, LocalDate due) {
	}

	private final PetitionQueries petitions;

	private final Directory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	CoordinationRecords(PetitionQueries petitions, Directory directory, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.petitions = petitions;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A leader's reception day, scheduled by the leader or by the bureau's supervisor for a leader. */
	@Transactional
	public ReceptionDay schedule(Schedule s, Actor actor) {
		requireBureauOrLeader(actor);
		long leader = s.leaderUserId() == null ? actor.userId() : s.leaderUserId();
		boolean isLeader = Boolean.TRUE.equals(jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.id = ? AND r.role = 'LEADER')""")
			.param(leader)
			.query(Boolean.class)
			.single());
		if (!isLeader) {
			throw new DomainException.Invalid("leaderUserId", "接访人必须是领导");
		}
		if (s.day() == null || s.day().isBefore(today().minusDays(30))) {
			throw new DomainException.Invalid("day", "请选择接访日期");
		}
		if (s.place() == null || s.place().isBlank()) {
			throw new DomainException.Invalid("place", "请填写接访地点");
		}
		String region = s.regionCode() == null || s.regionCode().isBlank() ? actor.regionCode() : s.regionCode();
		if (directory.region(region).isEmpty() || !actor.scope().permits(region, null, null)) {
			throw new DomainException.Invalid("regionCode", "请选择您辖区内的地区");
		}
		int inserted = jdbc.sql("""
				INSERT INTO reception_day (leader_user_id, day, place, region_code, topic, created_at, created_by)
				VALUES (?,?,?,?,?,?,?) ON CONFLICT (leader_user_id, day) DO NOTHING""")
			.params(leader, s.day(), Texts.within("place", "接访地点", s.place(), 200), region,
					blankToNull(Texts.within("topic", "接访主题", s.topic(), 200)), OffsetDateTime.now(clock), actor.label())
			.update();
		if (inserted == 0) {
			throw new DomainException.Conflict("该领导当日已安排接访");
		}
		long id = jdbc.sql("SELECT id FROM reception_day WHERE leader_user_id = ? AND day = ?").params(leader, s.day())
			.query(Long.class).single();
		return reception(id, actor);
	}

	/** A visit received by the leader on that day, linked to a matter, with the leader's instructions. */
	@Transactional
	public ReceptionDay recordVisit(long receptionId, String number, String instructions, Actor actor) {
		requireBureauOrLeader(actor);
		ReceptionDay day = reception(receptionId, actor);
		petitions.requireVisible(number, actor);
		if (instructions == null || instructions.strip().length() < 4) {
			throw new DomainException.Invalid("instructions", "请填写领导批示或处理意见（至少4个字）");
		}
		int inserted = jdbc.sql("""
				INSERT INTO reception_visit (reception_id, petition_id, instructions, recorded_at, recorded_by)
				SELECT ?, id, ?, ?, ? FROM petition_ref WHERE number = ? ON CONFLICT DO NOTHING""")
			.params(day.id(), Texts.within("instructions", "领导批示", instructions, Texts.LONG), OffsetDateTime.now(clock),
					actor.label(), number)
			.update();
		if (inserted == 0) {
			throw new DomainException.Conflict("该事项已记录在本次接访中");
		}
		audit.record(actor.label(), "LEADER_RECEPTION", number, day.leaderName() + " " + day.day());
		return reception(day.id(), actor);
	}

	/** Reception days in the actor's region from the given day on (and the last month's). */
	@Transactional(readOnly = true)
	public List<ReceptionDay> receptions(Actor actor) {
		return jdbc.sql("SELECT id, region_code FROM reception_day WHERE day >= ? ORDER BY day, id")
			.param(today().minusDays(31))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()
			.stream()
			.filter(r -> actor.scope().permits((String) r[1], null, null))
			.map(r -> reception((Long) r[0], actor))
			.toList();
	}

	private ReceptionDay reception(long id, Actor actor) {
		ReceptionDay day = jdbc.sql("""
				SELECT d.id, u.display_name, u.id, d.day, d.place, d.region_code, d.topic
				FROM reception_day d JOIN app_user u ON u.id = d.leader_user_id WHERE d.id = ?""")
			.param(id)
			.query((rs, n) -> new ReceptionDay(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getString(6), directory.regionName(rs.getString(6)), rs.getString(7), visits(rs.getLong(1))))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("接访安排不存在"));
		if (!actor.scope().permits(day.regionCode(), null, null)) {
			throw new DomainException.NotFound("接访安排不存在");
		}
		return day;
	}

	private List<ReceptionVisit> visits(long receptionId) {
		return jdbc.sql("""
				SELECT p.number, p.title, v.instructions, v.recorded_at FROM reception_visit v JOIN petition_ref p ON p.id = v.petition_id
				WHERE v.reception_id = ? ORDER BY v.recorded_at""")
			.param(receptionId)
			.query((rs, n) -> new ReceptionVisit(rs.getString(1), rs.getString(2), rs.getString(3),
					BeijingTime.of(rs.getObject(4, OffsetDateTime.class))))
			.list();
	}

	/** A 联席会议 record with the matters discussed and the decisions, each owned by a unit with a deadline. */
	@Transactional
	public Meeting recordMeeting(NewMeeting m, Actor actor) {
		requireBureauOrLeader(actor);
		if (m.heldOn() == null || m.heldOn().isAfter(today())) {
			throw new DomainException.Invalid("heldOn", "请填写会议日期（不晚于今天）");
		}
		if (m.title() == null || m.title().isBlank() || m.participants() == null || m.participants().isBlank()) {
			throw new DomainException.Invalid("participants", "请填写会议名称和参会人员");
		}
		if (m.summary() == null || m.summary().strip().length() < 10) {
			throw new DomainException.Invalid("summary", "请填写会议纪要（不少于10字）");
		}
		List<NewDecision> decisions = m.decisions() == null ? List.of() : m.decisions();
		for (NewDecision d : decisions) {
			if (d.decision() == null || d.decision().isBlank() || d.due() == null || directory.unit(d.ownerUnitCode()).isEmpty()) {
				throw new DomainException.Invalid("decisions", "每项议定事项都要写明内容、责任单位和完成时限");
			}
		}
		List<String> matters = m.matters() == null ? List.of() : m.matters().stream().filter(x -> x != null && !x.isBlank())
			.map(String::strip).distinct().toList();
		matters.forEach(number -> petitions.requireVisible(number, actor));
		String region = m.regionCode() == null || m.regionCode().isBlank() ? actor.regionCode() : m.regionCode();
		if (directory.region(region).isEmpty() || !actor.scope().permits(region, null, null)) {
			throw new DomainException.Invalid("regionCode", "请选择您辖区内的地区");
		}
		long id = jdbc.sql("""
				INSERT INTO joint_meeting (held_on, title, region_code, participants, summary, recorded_at, recorded_by)
				VALUES (?,?,?,?,?,?,?) RETURNING id""")
			.params(m.heldOn(), Texts.within("title", "会议名称", m.title(), 200), region,
					Texts.within("participants", "参会人员", m.participants(), Texts.LONG),
					Texts.within("summary", "会议纪要", m.summary(), Texts.LONG), OffsetDateTime.now(clock), actor.label())
			.query(Long.class)
			.single();
		for (String number : matters) {
			jdbc.sql("INSERT INTO joint_meeting_matter (meeting_id, petition_id) SELECT ?, id FROM petition_ref WHERE number = ?")
				.params(id, number)
				.update();
		}
		for (NewDecision d : decisions) {
			jdbc.sql("INSERT INTO joint_meeting_decision (meeting_id, decision, owner_unit, due) VALUES (?,?,?,?)")
				.params(id, Texts.within("decisions", "议定事项", d.decision(), Texts.LONG), d.ownerUnitCode(), d.due())
				.update();
		}
		audit.record(actor.label(), "JOINT_MEETING", m.title().strip(), String.join(",", matters));
		return meeting(id, actor);
	}

	/** The owner unit marks a decision done, with a note. */
	@Transactional
	public void completeDecision(long decisionId, String note, Actor actor) {
		String owner = jdbc.sql("SELECT owner_unit FROM joint_meeting_decision WHERE id = ?").param(decisionId)
			.query(String.class).optional().orElseThrow(() -> new DomainException.NotFound("议定事项不存在"));
		if (!owner.equals(actor.unitCode()) || !actor.hasAny(Role.UNIT_HEAD, Role.CASE_OFFICER, Role.SUPERVISOR)) {
			throw new DomainException.Forbidden("只有责任单位可以报告议定事项的落实情况");
		}
		if (note == null || note.strip().length() < 4) {
			throw new DomainException.Invalid("note", "请填写落实情况");
		}
		int done = jdbc.sql("UPDATE joint_meeting_decision SET done_at = ?, done_note = ? WHERE id = ? AND done_at IS NULL")
			.params(OffsetDateTime.now(clock), Texts.within("note", "落实情况", note, Texts.LONG), decisionId)
			.update();
		if (done == 0) {
			throw new DomainException.Conflict("该议定事项已报告落实");
		}
	}

	@Transactional(readOnly = true)
	public List<Meeting> meetings(Actor actor) {
		return jdbc.sql("SELECT id, region_code FROM joint_meeting ORDER BY held_on DESC, id DESC LIMIT 50")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()
			.stream()
			.filter(r -> actor.scope().permits((String) r[1], null, null))
			.map(r -> meeting((Long) r[0], actor))
			.toList();
	}

	private Meeting meeting(long id, Actor actor) {
		List<String> matters = jdbc.sql("""
				SELECT p.number FROM joint_meeting_matter m JOIN petition_ref p ON p.id = m.petition_id WHERE m.meeting_id = ? ORDER BY 1""")
			.param(id).query(String.class).list();
		List<Decision> decisions = jdbc.sql("""
				SELECT id, decision, owner_unit, due, done_at, done_note FROM joint_meeting_decision WHERE meeting_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), directory.unitName(rs.getString(3)),
					rs.getObject(4, LocalDate.class), BeijingTime.of(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)))
			.list();
		return jdbc.sql("SELECT id, held_on, title, region_code, participants, summary FROM joint_meeting WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Meeting(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), matters, decisions))
			.single();
	}

	/** Open meeting decisions owned by the actor's unit, earliest deadline first. */
	@Transactional(readOnly = true)
	public List<OpenDecision> openDecisionsFor(Actor actor) {
		if (actor.unitCode() == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT d.id, m.title, m.held_on, d.decision, d.due FROM joint_meeting_decision d JOIN joint_meeting m ON m.id = d.meeting_id
				WHERE d.owner_unit = ? AND d.done_at IS NULL ORDER BY d.due""")
			.param(actor.unitCode())
			.query((rs, n) -> new OpenDecision(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.list();
	}

	public record OpenDecision(long id, String meeting, LocalDate heldOn, String decision, LocalDate due) {
	}

	/** The leaders a reception day can be scheduled for, in the actor's region. */
	@Transactional(readOnly = true)
	public List<Leader> leaders(Actor actor) {
		return jdbc.sql("""
				SELECT u.id, u.display_name, n.region_code FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'LEADER'
				JOIN unit n ON n.code = u.unit_code ORDER BY u.id""")
			.query((rs, n) -> new Leader(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.filter(l -> actor.scope().permits(l.regionCode(), null, null) || l.id() == actor.userId())
			.toList();
	}

	public record Leader(long id, String name, String regionCode) {
	}

	private void requireBureauOrLeader(Actor actor) {
		boolean bureau = directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.SUPERVISOR, Role.REGISTRAR);
		if (!bureau && !actor.has(Role.LEADER)) {
			throw new DomainException.Forbidden("只有领导和信访部门可以安排接访、记录联席会议");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}


}
