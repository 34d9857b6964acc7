package com.xinfang.coordination;

import com.xinfang.accountability.FigureScope;
import com.xinfang.notification.StaffNotices;

import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.WorkingCalendar;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.JointUnits;
import com.xinfang.petition.Kind;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.Status;
import com.xinfang.petition.VisibleMatter;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信访吹哨、部门报到 (Changde): when one unit cannot resolve a matter alone, its case officer or the
 * 信访部门 "blows the whistle", naming the units that must join and a report-in deadline. Each
 * named unit reports in (报到) by then, takes a part and records its contribution; the lead unit
 * (the responsible unit) gives one combined reply. Report-ins missed or late are counted per unit.
 */
@Service
public class JointHandling {

	/** Report-in within 1–10 working days: the mechanism is meant for quick joint action. */
	static final int MAX_REPORT_DAYS = 10;


	public enum ReportIn {

		PENDING("待报到"), ON_TIME("按时报到"), LATE("逾期报到"), MISSED("未报到");

		private final String label;

		ReportIn(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Participant(String unitCode, String unitName, ReportIn reportIn, String reportInLabel, OffsetDateTime reportedAt,
			String part, String contribution, OffsetDateTime contributedAt) {
	}

	public record Joint(String number, String leadUnitCode, String leadUnitName, String reason, LocalDate reportDue,
			OffsetDateTime calledAt, String calledBy, List<Participant> participants, String combinedReply,
			OffsetDateTime repliedAt) {

		/**
		 * Whether the actor's unit has something to do here before the combined reply: a called-in
		 * unit that has not reported in or contributed, or the lead unit that has not replied.
		 */
		public boolean awaits(Actor actor) {
			if (repliedAt != null || actor.unitCode() == null) {
				return false;
			}
			return participants.stream()
				.anyMatch(x -> x.unitCode().equals(actor.unitCode()) && (x.reportedAt() == null || x.contribution() == null))
					|| combinedReply == null && actor.unitCode().equals(leadUnitCode);
		}

	}

	public record Whistle(List<String> unitCodes, String reason, Integer reportDays) {
	}

	/** Per unit: how often it was called in, reported on time, late, or not at all. */
	public record ReportInCount(String unitCode, String unitName, long called, long onTime, long late, long missed) {
	}

	private final PetitionQueries petitions;

	private final JointUnits jointUnits;

	private final Directory directory;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final StaffNotices notices;

	private final JdbcClient jdbc;

	private final Clock clock;

	JointHandling(PetitionQueries petitions, JointUnits jointUnits, Directory directory, WorkingCalendar calendar, AuditLog audit,
			StaffNotices notices, JdbcClient jdbc, Clock clock) {
		this.notices = notices;
		this.petitions = petitions;
		this.jointUnits = jointUnits;
		this.directory = directory;
		this.calendar = calendar;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Named rule: who may blow the whistle — the lead unit's case officer or head, or the 信访部门. */
	public boolean mayWhistle(String responsibleUnitCode, String status, Actor actor) {
		return mayCallIn(responsibleUnitCode, actor) && Status.isOpen(status);
	}

	public boolean mayWhistle(VisibleMatter matter, Actor actor) {
		return mayCallIn(matter.responsibleUnitCode(), actor) && matter.status().isOpen();
	}

	/** The person half of the rule: whoever may call units in, whatever the matter's state. */
	private boolean mayCallIn(String responsibleUnitCode, Actor actor) {
		boolean leadUnit = responsibleUnitCode != null && responsibleUnitCode.equals(actor.unitCode())
				&& actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD);
		boolean bureau = directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.SUPERVISOR, Role.REGISTRAR);
		return leadUnit || bureau;
	}

	/** 吹哨: the lead unit's case officer or head, or the 信访部门, calls other units in. */
	@Transactional
	public Joint blowWhistle(String number, Whistle whistle, Actor actor) {
		var p = petitions.find(number, actor);
		String lead = p.responsibleUnitCode();
		if (!mayCallIn(lead, actor)) {
			throw new DomainException.Forbidden("只有责任单位的承办人、负责人或信访部门可以吹哨");
		}
		if (lead == null) {
			throw new DomainException.Conflict("该事项尚未确定责任单位，请先转送或交办，再吹哨召集其他单位");
		}
		if (!p.status().isOpen()) {
			throw new DomainException.Conflict("该事项已办结或终结，不能再吹哨");
		}
		if (p.kind() == Kind.ACCUSATION) {
			// Art 30: accusation material must never reach the accused; calling units in would spread it
			throw new DomainException.Conflict("检举控告类事项依法保密，不适用吹哨召集其他单位（条例第三十条）");
		}
		if (find(number).isPresent()) {
			throw new DomainException.Conflict("该事项已吹哨，请在原有联合办理中跟进");
		}
		Set<String> units = new LinkedHashSet<>(whistle.unitCodes() == null ? List.of() : whistle.unitCodes());
		units.removeIf(u -> u == null || u.isBlank());
		if (units.isEmpty()) {
			throw new DomainException.Invalid("unitCodes", "请选择需要报到的单位");
		}
		for (String unit : units) {
			if (directory.unit(unit).isEmpty()) {
				throw new DomainException.Invalid("unitCodes", "单位 " + unit + " 不存在");
			}
			if (unit.equals(lead)) {
				throw new DomainException.Invalid("unitCodes", "牵头单位不必向自己报到，请选择其他单位");
			}
		}
		if (whistle.reason() == null || whistle.reason().strip().length() < 4) {
			throw new DomainException.Invalid("reason", "请说明需要各单位配合的事项（至少4个字）");
		}
		int days = whistle.reportDays() == null ? 3 : whistle.reportDays();
		if (days < 1 || days > MAX_REPORT_DAYS) {
			throw new DomainException.Invalid("reportDays", "报到期限应为1至" + MAX_REPORT_DAYS + "个工作日");
		}
		LocalDate due = calendar.addWorkingDays(today(), days);
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = petitionId(number);
		String reason = Texts.within("reason", "配合事项", whistle.reason(), Texts.LONG);
		// two whistles at once: the primary key lets one row in; the other is told, nothing half-stored
		int inserted = jdbc.sql("""
				INSERT INTO joint_handling (petition_id, lead_unit_code, reason, report_due, called_at, called_by)
				VALUES (?,?,?,?,?,?) ON CONFLICT (petition_id) DO NOTHING""")
			.params(id, lead, reason, due, now, actor.label())
			.update();
		if (inserted == 0) {
			throw new DomainException.Conflict("该事项已吹哨，请在原有联合办理中跟进");
		}
		for (String unit : units) {
			jdbc.sql("INSERT INTO joint_participant (petition_id, unit_code) VALUES (?, ?)").params(id, unit).update();
			notices.send(unit, List.of(Role.UNIT_HEAD, Role.CASE_OFFICER), id,
					number + "「" + p.title() + "」吹哨：请于" + due + "前报到，牵头单位" + directory.unitName(lead));
		}
		jointUnits.callIn(number, units);
		audit.record(actor.label(), "JOINT_WHISTLE", number, String.join(",", units));
		return find(number).orElseThrow();
	}

	/** 报到: a called-in unit reports and says which part it takes on. */
	@Transactional
	public Joint reportIn(String number, String part, Actor actor) {
		Joint joint = participantView(number, actor);
		Participant me = mine(joint, actor);
		if (me.reportedAt() != null) {
			throw new DomainException.Conflict("本单位已报到");
		}
		if (part == null || part.strip().length() < 4) {
			throw new DomainException.Invalid("part", "请填写本单位承担的工作（至少4个字）");
		}
		String text = Texts.within("part", "承担的工作", part, Texts.LONG);
		// guarded: of two report-ins at once exactly one changes the row, the other is told
		int changed = jdbc.sql("""
				UPDATE joint_participant SET reported_at = ?, reported_by = ?, part = ?
				WHERE petition_id = ? AND unit_code = ? AND reported_at IS NULL""")
			.params(OffsetDateTime.now(clock), actor.label(), text, petitionId(number), actor.unitCode())
			.update();
		if (changed == 0) {
			throw new DomainException.Conflict("本单位已报到");
		}
		audit.record(actor.label(), "JOINT_REPORT_IN", number, actor.unitCode());
		return find(number).orElseThrow();
	}

	/** A called-in unit records what it did for the matter. */
	@Transactional
	public Joint contribute(String number, String contribution, Actor actor) {
		Joint joint = participantView(number, actor);
		Participant me = mine(joint, actor);
		if (me.reportedAt() == null) {
			throw new DomainException.Conflict("请先报到，再记录本单位的办理情况");
		}
		if (joint.repliedAt() != null) {
			throw new DomainException.Conflict("牵头单位已作出综合答复");
		}
		if (contribution == null || contribution.strip().length() < 10) {
			throw new DomainException.Invalid("contribution", "请填写本单位的办理情况（不少于10字）");
		}
		long id = petitionId(number);
		// guarded: a contribution is recorded only while the combined reply is not yet made
		int changed = jdbc.sql("""
				UPDATE joint_participant SET contribution = ?, contributed_at = ?, contributed_by = ?
				WHERE petition_id = ? AND unit_code = ? AND reported_at IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM joint_handling h WHERE h.petition_id = ? AND h.replied_at IS NOT NULL)""")
			.params(Texts.within("contribution", "办理情况", contribution, Texts.LONG), OffsetDateTime.now(clock), actor.label(),
					id, actor.unitCode(), id)
			.update();
		if (changed == 0) {
			throw new DomainException.Conflict("牵头单位已作出综合答复");
		}
		return find(number).orElseThrow();
	}

	/**
	 * The lead unit's one combined reply. Every unit that reported in must have recorded its part
	 * first; units that never reported do not block it (they are counted as missed).
	 */
	@Transactional
	public Joint combinedReply(String number, String text, Actor actor) {
		var p = petitions.find(number, actor);
		Joint joint = find(number).orElseThrow(() -> new DomainException.NotFound("该事项没有吹哨联合办理"));
		if (!joint.leadUnitCode().equals(actor.unitCode()) || !actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD)
				|| !joint.leadUnitCode().equals(p.responsibleUnitCode())) {
			throw new DomainException.Forbidden("综合答复由牵头单位作出");
		}
		if (joint.repliedAt() != null) {
			throw new DomainException.Conflict("已作出综合答复");
		}
		List<String> waiting = joint.participants()
			.stream()
			.filter(x -> x.reportedAt() != null && x.contribution() == null)
			.map(Participant::unitName)
			.toList();
		if (!waiting.isEmpty()) {
			throw new DomainException.Conflict("以下单位已报到但尚未记录办理情况：" + String.join("、", waiting));
		}
		if (text == null || text.strip().length() < 10) {
			throw new DomainException.Invalid("text", "请填写综合答复（不少于10字）");
		}
		String reply = Texts.within("text", "综合答复", text, Texts.LONG);
		// guarded: of two combined replies at once exactly one is kept, the other is told
		int changed = jdbc.sql("""
				UPDATE joint_handling SET combined_reply = ?, replied_at = ?, replied_by = ?
				WHERE petition_id = ? AND replied_at IS NULL""")
			.params(reply, OffsetDateTime.now(clock), actor.label(), petitionId(number))
			.update();
		if (changed == 0) {
			throw new DomainException.Conflict("已作出综合答复");
		}
		audit.record(actor.label(), "JOINT_REPLY", number, null);
		return find(number).orElseThrow();
	}

	/** The joint handling of a matter the actor may see. */
	@Transactional(readOnly = true)
	public Optional<Joint> of(String number, Actor actor) {
		return of(petitions.visible(number, actor));
	}

	/** The joint handling of a matter already found in the actor's scope (the case page). */
	@Transactional(readOnly = true)
	public Optional<Joint> of(VisibleMatter matter) {
		return find(matter.number());
	}

	/** Matters the actor's unit was called in to and has not reported in to yet. */
	@Transactional(readOnly = true)
	public List<Joint> awaitingReportIn(Actor actor) {
		if (actor.unitCode() == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT p.number FROM joint_participant j JOIN petition_ref p ON p.id = j.petition_id
				WHERE j.unit_code = ? AND j.reported_at IS NULL ORDER BY p.number""")
			.param(actor.unitCode())
			.query(String.class)
			.list()
			.stream()
			.map(n -> find(n).orElseThrow())
			.toList();
	}

	/** Per unit: calls received and how the unit reported in (the deadline counts in Beijing days). */
	@Transactional(readOnly = true)
	public List<ReportInCount> reportInCounts(Actor actor) {
		FigureScope.requireStaff(actor);
		return jdbc.sql("""
				SELECT j.unit_code, count(*),
				       count(*) FILTER (WHERE j.reported_at IS NOT NULL AND (j.reported_at AT TIME ZONE 'Asia/Shanghai')::date <= h.report_due),
				       count(*) FILTER (WHERE j.reported_at IS NOT NULL AND (j.reported_at AT TIME ZONE 'Asia/Shanghai')::date > h.report_due),
				       count(*) FILTER (WHERE j.reported_at IS NULL AND h.report_due < ?)
				FROM joint_participant j JOIN joint_handling h ON h.petition_id = j.petition_id
				GROUP BY j.unit_code ORDER BY 5 DESC, 1""")
			.param(today())
			.query((rs, n) -> new ReportInCount(rs.getString(1), directory.unitName(rs.getString(1)), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5)))
			.list()
			.stream()
			.filter(c -> FigureScope.shows(actor, c.unitCode(), directory.unit(c.unitCode()).orElse(null)))
			.toList();
	}

	/**
	 * Tells the lead unit (its case officers and head) once about each report-in missed before
	 * {@code today}. The stamp is set by one UPDATE … RETURNING, so two nodes sweeping at the same
	 * time never both notify. Returns how many notices were written.
	 */
	@Transactional
	public int noticeMissedReportIns(LocalDate today) {
		record Missed(long petitionId, String unitCode, String leadUnitCode, String number, LocalDate due) {
		}
		List<Missed> missed = jdbc.sql("""
				UPDATE joint_participant j SET missed_noticed_at = ?
				FROM joint_handling h JOIN petition_ref p ON p.id = h.petition_id
				WHERE h.petition_id = j.petition_id AND j.reported_at IS NULL AND j.missed_noticed_at IS NULL
				  AND h.report_due < ? AND h.replied_at IS NULL
				RETURNING j.petition_id, j.unit_code, h.lead_unit_code, p.number, h.report_due""")
			.params(OffsetDateTime.now(clock), today)
			.query((rs, n) -> new Missed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.list();
		List<Role> roles = List.of(Role.UNIT_HEAD, Role.CASE_OFFICER);
		for (Missed m : missed) {
			notices.send(m.leadUnitCode(), roles, m.petitionId(),
					m.number() + " 吹哨联合办理：" + directory.unitName(m.unitCode()) + "未在" + m.due() + "前报到");
		}
		return missed.size() * roles.size();
	}

	private Joint participantView(String number, Actor actor) {
		petitions.requireVisible(number, actor);
		return find(number).orElseThrow(() -> new DomainException.NotFound("该事项没有吹哨联合办理"));
	}

	private static Participant mine(Joint joint, Actor actor) {
		return joint.participants()
			.stream()
			.filter(x -> x.unitCode().equals(actor.unitCode()))
			.filter(x -> actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD))
			.findFirst()
			.orElseThrow(() -> new DomainException.Forbidden("本单位不在被召集报到的单位之列"));
	}

	private Optional<Joint> find(String number) {
		LocalDate today = today();
		return jdbc.sql("""
				SELECT p.id, h.lead_unit_code, h.reason, h.report_due, h.called_at, h.called_by, h.combined_reply, h.replied_at
				FROM joint_handling h JOIN petition_ref p ON p.id = h.petition_id WHERE p.number = ?""")
			.param(number)
			.query((rs, n) -> {
				long id = rs.getLong(1);
				LocalDate due = rs.getObject(4, LocalDate.class);
				List<Participant> participants = jdbc.sql("""
						SELECT unit_code, reported_at, part, contribution, contributed_at FROM joint_participant
						WHERE petition_id = ? ORDER BY unit_code""")
					.param(id)
					.query((r, i) -> {
						OffsetDateTime reported = r.getObject(2, OffsetDateTime.class);
						OffsetDateTime contributed = r.getObject(5, OffsetDateTime.class);
						ReportIn standing = standing(reported, due, today);
						return new Participant(r.getString(1), directory.unitName(r.getString(1)), standing, standing.label(),
								reported == null ? null : BeijingTime.of(reported), r.getString(3), r.getString(4),
								contributed == null ? null : BeijingTime.of(contributed));
					})
					.list();
				OffsetDateTime replied = rs.getObject(8, OffsetDateTime.class);
				return new Joint(number, rs.getString(2), directory.unitName(rs.getString(2)), rs.getString(3), due,
						BeijingTime.of(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), participants, rs.getString(7),
						replied == null ? null : BeijingTime.of(replied));
			})
			.optional();
	}

	/** Named rule: a report-in counts as on time when made on or before the due date (Beijing). */
	static ReportIn standing(OffsetDateTime reportedAt, LocalDate due, LocalDate today) {
		if (reportedAt == null) {
			return today.isAfter(due) ? ReportIn.MISSED : ReportIn.PENDING;
		}
		return reportedAt.atZoneSameInstant(BeijingTime.ZONE).toLocalDate().isAfter(due) ? ReportIn.LATE : ReportIn.ON_TIME;
	}

	private long petitionId(String number) {
		return jdbc.sql("SELECT id FROM petition_ref WHERE number = ?").param(number).query(Long.class).single();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

}
