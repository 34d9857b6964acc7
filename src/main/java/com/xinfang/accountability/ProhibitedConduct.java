package com.xinfang.accountability;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionScope;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Texts;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 《信访工作条例》 Art 26 lists behaviour a petitioner must not engage in; when it happens the
 * 信访部门 records the facts and the lawful handling (劝阻、批评教育, or handing over to the public
 * security organ under Art 47). These records weigh on a person, so only the bureau's supervisors
 * and leaders may read them; every refusal is written to the audit log. The person is linked by the
 * ID number's blind index and a masked copy, never in clear.
 */
@Service
public class ProhibitedConduct {

	/** The items of Art 26. */
	public enum Behaviour {

		ILLEGAL_GATHERING("非法聚集，围堵、冲击机关单位，拦截公务车辆或堵塞交通（第二十六条第一项）"),
		DANGEROUS_ITEMS("携带危险物品、管制器具（第二十六条第二项）"),
		ASSAULT_OR_THREAT("侮辱、殴打、威胁工作人员，限制他人人身自由或毁坏财物（第二十六条第三项）"),
		DISRUPTING_RECEPTION("在信访接待场所滞留、滋事，或弃留生活不能自理的人（第二十六条第四项）"),
		INCITING_OR_PROFITEERING("煽动、串联、胁迫、诱使、操纵他人信访，或借信访敛财（第二十六条第五项）"),
		OTHER_DISORDER("其他扰乱公共秩序、妨害国家和公共安全的行为（第二十六条第六项）");

		private final String label;

		Behaviour(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Report(String number, String personName, String idNumber, String regionCode, String behaviour,
			OffsetDateTime occurredAt, String place, String facts, String handling) {
	}

	public record Entry(long id, String number, String personName, String idNumberMasked, String regionName, String behaviour,
			String behaviourLabel, OffsetDateTime occurredAt, String place, String facts, String handling, String recordedBy) {
	}

	private final PetitionQueries petitions;

	private final PersonalDataCipher cipher;

	private final Directory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProhibitedConduct(PetitionQueries petitions, PersonalDataCipher cipher, Directory directory, AuditLog audit, JdbcClient jdbc,
			Clock clock) {
		this.petitions = petitions;
		this.cipher = cipher;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Named rule: who may read and write Art 26 records — a bureau's supervisors and leaders. */
	static boolean mayAccess(Actor actor, boolean atPetitionBureau) {
		return atPetitionBureau && actor.hasAny(Role.SUPERVISOR, Role.LEADER);
	}

	/** A refusal is committed with its audit entry, hence noRollbackFor. */
	@Transactional(noRollbackFor = DomainException.Forbidden.class)
	public Entry record(Report r, Actor actor) {
		requireAccess(actor, "record");
		List<DomainException.FieldProblem> problems = new ArrayList<>();
		Behaviour behaviour = null;
		try {
			behaviour = Behaviour.valueOf(r.behaviour() == null ? "" : r.behaviour().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new DomainException.FieldProblem("behaviour", "请选择第二十六条所列的行为"));
		}
		if (r.personName() == null || r.personName().isBlank()) {
			problems.add(new DomainException.FieldProblem("personName", "请填写当事人姓名"));
		}
		String id = r.idNumber() == null || r.idNumber().isBlank() ? null : IdNumber.normalise(r.idNumber());
		if (id != null) {
			IdNumber.problem(id, LocalDate.now(clock.withZone(BeijingTime.ZONE)))
				.ifPresent(p -> problems.add(new DomainException.FieldProblem("idNumber", p)));
		}
		if (r.occurredAt() == null || r.occurredAt().isAfter(OffsetDateTime.now(clock))) {
			problems.add(new DomainException.FieldProblem("occurredAt", "请填写发生时间（不晚于现在）"));
		}
		if (r.place() == null || r.place().isBlank()) {
			problems.add(new DomainException.FieldProblem("place", "请填写发生地点"));
		}
		if (r.facts() == null || r.facts().strip().length() < 10) {
			problems.add(new DomainException.FieldProblem("facts", "请如实记录事实经过（不少于10字）"));
		}
		if (r.handling() == null || r.handling().strip().length() < 4) {
			problems.add(new DomainException.FieldProblem("handling", "请记录依法处置情况"));
		}
		String region = r.regionCode() == null || r.regionCode().isBlank() ? actor.regionCode() : r.regionCode();
		if (directory.region(region).isEmpty() || !actor.scope().permits(region, null, null)) {
			problems.add(new DomainException.FieldProblem("regionCode", "请选择您辖区内的地区"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		if (r.number() != null && !r.number().isBlank()) {
			petitions.requireVisible(r.number().strip(), actor);
		}
		long rowId = jdbc.sql("""
				INSERT INTO prohibited_conduct (petition_id, person_name, id_number_index, id_number_mask, region_code, behaviour,
				  occurred_at, place, facts, handling, recorded_at, recorded_by)
				VALUES ((SELECT id FROM petition_ref WHERE number = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(r.number() == null ? null : r.number().strip(), Texts.within("personName", "当事人姓名", r.personName(), 64),
					id == null ? null : cipher.blindIndex("id", id), id == null ? null : Masking.idNumber(id), region, behaviour.name(),
					r.occurredAt(), Texts.within("place", "发生地点", r.place(), 200), Texts.within("facts", "事实经过", r.facts(), Texts.LONG),
					Texts.within("handling", "处置情况", r.handling(), Texts.LONG), OffsetDateTime.now(clock), actor.label())
			.query(Long.class)
			.single();
		audit.record(actor.label(), "ART26_RECORD", "prohibited_conduct/" + rowId, behaviour.name());
		return entries(actor, null, rowId).stream().findFirst().orElseThrow();
	}

	/** Records in the actor's region, newest first; optionally of one person (by ID number). */
	@Transactional(noRollbackFor = DomainException.Forbidden.class)
	public List<Entry> list(Actor actor, String idNumber) {
		requireAccess(actor, "read");
		String id = idNumber == null || idNumber.isBlank() ? null : IdNumber.normalise(idNumber);
		return entries(actor, id, null);
	}

	/**
	 * Records in the actor's data scope (a city account sees its counties' records too: the scope's
	 * region prefix, not the actor's own region code); of one person, or one row, when given.
	 */
	private List<Entry> entries(Actor actor, String id, Long rowId) {
		if (actor.scope().type() != DataScope.Type.REGION) {
			return List.of();
		}
		String personFilter = (id == null ? "" : " AND c.id_number_index = ?") + (rowId == null ? "" : " AND c.id = ?");
		List<Object> params = new ArrayList<>();
		params.add(PetitionScope.parameter(actor.scope()));
		if (id != null) {
			params.add(cipher.blindIndex("id", id));
		}
		if (rowId != null) {
			params.add(rowId);
		}
		return jdbc.sql("""
				SELECT c.id, p.number, c.person_name, c.id_number_mask, c.region_code, c.behaviour, c.occurred_at, c.place, c.facts,
				       c.handling, c.recorded_by
				FROM prohibited_conduct c LEFT JOIN petition_ref p ON p.id = c.petition_id
				WHERE c.region_code LIKE ?""" + personFilter + " ORDER BY c.occurred_at DESC LIMIT 200")
			.params(params)
			.query((rs, n) -> {
				Behaviour b = Behaviour.valueOf(rs.getString(6));
				return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						directory.regionName(rs.getString(5)), b.name(), b.label(), BeijingTime.of(rs.getObject(7, OffsetDateTime.class)),
						rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
			})
			.list();
	}

	private void requireAccess(Actor actor, String what) {
		if (!mayAccess(actor, directory.isPetitionBureau(actor.unitCode()))) {
			audit.record(actor.label(), "ART26_REFUSED", "prohibited_conduct", what);
			throw new DomainException.Forbidden("第二十六条行为记录仅限信访部门督办员和领导查看");
		}
	}

}
