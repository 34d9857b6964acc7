package com.xinfang.accountability;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionScope;
import com.xinfang.petition.Status;
import com.xinfang.petition.VisibleMatter;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 应受理而不受理率 and 应办理而不办理率, per unit and period, computed from the matters (never typed in),
 * from the duty definitions in {@link Duties} (docs/supervision.md), which the dashboard's rollup
 * uses too:
 * <ul>
 * <li><b>应受理而不受理</b> — denominator: matters (not merged) whose statutory acceptance date
 * ({@code accept_statutory}, Art 23: 15 days) falls in the period and has passed, counted for the unit
 * that had to decide (the responsible unit, or the registering 信访部门 while not yet routed).
 * Numerator: those not decided (accepted, not accepted in writing, or diverted to a legal channel)
 * by that date — still undecided included — plus those the 信访部门 found should have been accepted.</li>
 * <li><b>应办理而不办理</b> — denominator: accepted matters whose statutory handling date
 * ({@code handle_statutory}, Art 34: 60 days plus any extension) falls in the period and has passed,
 * for the responsible unit. Numerator: those not 办结 (closed or finally decided) by that date —
 * still open included, so every overdue matter on the 督办看板 counts — plus those the 信访部门 found
 * were not really handled.</li>
 * </ul>
 * A period ending today or later is cut at yesterday: a duty not yet due is not yet failed.
 */
@Service
public class AccountabilityRates {

	public enum FindingKind {

		SHOULD_HAVE_ACCEPTED("应受理而不受理"), SHOULD_HAVE_HANDLED("应办理而不办理");

		private final String label;

		FindingKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** One unit's figures for a period; rates (0..1) are null when nothing fell due. */
	public record UnitRates(String unitCode, String unitName, long acceptDue, long notAccepted, Double notAcceptedRate,
			long handleDue, long notHandled, Double notHandledRate) {

		static UnitRates of(String unitCode, String unitName, long acceptDue, long notAccepted, long handleDue, long notHandled) {
			return new UnitRates(unitCode, unitName, acceptDue, notAccepted, acceptDue == 0 ? null : (double) notAccepted / acceptDue,
					handleDue, notHandled, handleDue == 0 ? null : (double) notHandled / handleDue);
		}

	}

	public record Finding(long id, String number, String kind, String kindLabel, String unitCode, String unitName, String reason,
			OffsetDateTime foundAt, String foundBy) {
	}

	private final PetitionQueries petitions;

	private final Directory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountabilityRates(PetitionQueries petitions, Directory directory, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.petitions = petitions;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Per unit, for duties falling due in [from, to] (cut at yesterday), among the matters in the
	 * actor's scope; optionally one unit only.
	 */
	@Transactional(readOnly = true)
	public List<UnitRates> perUnit(LocalDate from, LocalDate to, String unitCode, Actor actor) {
		FigureScope.requireStaff(actor);
		if (actor.scope().type() == DataScope.Type.UNIT) {
			// a department sees its own row only, not the units it met through a joint handling
			if (unitCode != null && !unitCode.isBlank() && !unitCode.equals(actor.scope().value())) {
				return List.of();
			}
			unitCode = actor.scope().value();
		}
		LocalDate yesterday = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusDays(1);
		LocalDate end = to.isAfter(yesterday) ? yesterday : to;
		List<Object> params = new ArrayList<>();
		String scope = PetitionScope.sql(actor.scope(), "p");
		String unitFilter = unitCode == null || unitCode.isBlank() ? "" : " WHERE unit = ?";
		// the duties as docs/supervision.md defines them (one definition with the dashboard: Duties)
		String sql = """
				WITH acc AS (
				  SELECT %3$s AS unit, %4$s AS failed
				  FROM petition_fact p %5$s
				  WHERE p.status <> 'MERGED' AND p.accept_statutory BETWEEN ? AND ? AND %1$s),
				han AS (
				  SELECT p.responsible_unit_code AS unit, %6$s AS failed
				  FROM petition_fact p
				  WHERE p.accepted_at IS NOT NULL AND p.status <> 'MERGED' AND p.handle_statutory BETWEEN ? AND ? AND %1$s),
				merged AS (
				  SELECT unit, count(*) AS accept_due, count(*) FILTER (WHERE failed) AS not_accepted, 0 AS handle_due, 0 AS not_handled FROM acc GROUP BY unit
				  UNION ALL
				  SELECT unit, 0, 0, count(*), count(*) FILTER (WHERE failed) FROM han GROUP BY unit)
				SELECT unit, sum(accept_due), sum(not_accepted), sum(handle_due), sum(not_handled) FROM merged
				%2$s GROUP BY unit ORDER BY unit""".formatted(scope, unitFilter, Duties.ACCEPT_UNIT, Duties.ACCEPT_FAILED,
				Duties.HISTORY, Duties.HANDLE_FAILED);
		params.add(from);
		params.add(end);
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		params.add(from);
		params.add(end);
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		if (!unitFilter.isEmpty()) {
			params.add(unitCode);
		}
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> UnitRates.of(rs.getString(1), directory.unitName(rs.getString(1)), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/** The whole scope's figures for the period (all units summed). */
	@Transactional(readOnly = true)
	public UnitRates total(LocalDate from, LocalDate to, String unitCode, Actor actor) {
		long a = 0;
		long na = 0;
		long h = 0;
		long nh = 0;
		for (UnitRates r : perUnit(from, to, unitCode, actor)) {
			a += r.acceptDue();
			na += r.notAccepted();
			h += r.handleDue();
			nh += r.notHandled();
		}
		return UnitRates.of(unitCode, unitCode == null ? "合计" : directory.unitName(unitCode), a, na, h, nh);
	}

	/**
	 * The 信访部门 records that a unit should have accepted (on a 不予受理 decision) or should have
	 * really handled (on a replied or closed matter) a matter. Supervisors and reviewers of a bureau only.
	 */
	@Transactional
	public Finding find(String number, String kindName, String reason, Actor actor) {
		if (!mayFind(actor)) {
			throw new DomainException.Forbidden("只有信访部门的督办员或审核人可以认定");
		}
		var p = petitions.find(number, actor);
		FindingKind kind;
		try {
			kind = FindingKind.valueOf(kindName == null ? "" : kindName.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("kind", "请选择认定类型：应受理而不受理或应办理而不办理");
		}
		if (kind == FindingKind.SHOULD_HAVE_ACCEPTED && p.status() != Status.NOT_ACCEPTED) {
			throw new DomainException.Conflict("只有作出不予受理决定的事项才能认定为应受理而不受理");
		}
		if (kind == FindingKind.SHOULD_HAVE_HANDLED && !Status.REPLY_ISSUED.contains(p.status())) {
			throw new DomainException.Conflict("只有已答复或办结的事项才能认定为应办理而不办理");
		}
		if (reason == null || reason.strip().length() < 10) {
			throw new DomainException.Invalid("reason", "请写明认定理由（不少于10字）");
		}
		int inserted = jdbc.sql("""
				INSERT INTO accountability_finding (petition_id, kind, unit_code, reason, found_at, found_by)
				SELECT id, ?, coalesce(responsible_unit_code, registering_unit_code), ?, ?, ? FROM petition_fact WHERE number = ?
				ON CONFLICT (petition_id, kind) DO NOTHING""")
			.params(kind.name(), reason.strip(), OffsetDateTime.now(clock), actor.label(), number)
			.update();
		if (inserted == 0) {
			throw new DomainException.Conflict("该事项已作过同类认定");
		}
		audit.record(actor.label(), "FINDING_" + kind.name(), number, reason.strip());
		return findings(number, actor).stream().filter(f -> f.kind().equals(kind.name())).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Finding> findings(String number, Actor actor) {
		return findings(petitions.visible(number, actor));
	}

	/** The findings on a matter already found in the actor's scope (the case page). */
	@Transactional(readOnly = true)
	public List<Finding> findings(VisibleMatter matter) {
		String number = matter.number();
		return jdbc.sql("""
				SELECT f.id, p.number, f.kind, f.unit_code, f.reason, f.found_at, f.found_by
				FROM accountability_finding f JOIN petition_fact p ON p.id = f.petition_id WHERE p.number = ? ORDER BY f.found_at""")
			.param(number)
			.query((rs, n) -> {
				FindingKind kind = FindingKind.valueOf(rs.getString(3));
				return new Finding(rs.getLong(1), rs.getString(2), kind.name(), kind.label(), rs.getString(4),
						directory.unitName(rs.getString(4)), rs.getString(5), BeijingTime.of(rs.getObject(6, OffsetDateTime.class)),
						rs.getString(7));
			})
			.list();
	}

	/**
	 * Whether the actor may make an Art 26 finding on the matter now (what {@link #find} enforces):
	 * a supervisor or reviewer of a petition bureau, on a decided matter.
	 */
	public boolean mayFind(VisibleMatter matter, Actor actor) {
		return mayFind(actor) && findable(matter.status().name());
	}

	private boolean mayFind(Actor actor) {
		return directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.SUPERVISOR, Role.REVIEWER);
	}

	/** Whether a matter in this status is decided, so an Art 26 finding may be made on it. */
	public static boolean findable(String status) {
		return Status.NOT_ACCEPTED.name().equals(status) || Status.isIn(status, Status.REPLY_ISSUED);
	}

}
