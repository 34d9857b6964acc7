package com.xinfang.grid;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid worker's 走访/巡查 log and 零报告, and the township's view of who has reported. A worker
 * 在岗 owes, for each day, either a patrol record or a 零报告 for each of their grids.
 */
@Service
public class PatrolLog {

	private static final int MAX_COUNT = 10_000;

	private final JdbcClient jdbc;

	private final Grids grids;

	private final AuditLog audit;

	private final Clock clock;

	PatrolLog(JdbcClient jdbc, Grids grids, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.grids = grids;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a worker found on a patrol. Counts may be left empty (0). */
	public record PatrolInput(LocalDate day, Integer householdsVisited, Integer disputesFound, Integer demandsFound,
			Integer hazardsFound, String note) {
	}

	public record Patrol(long id, String gridCode, String gridName, String workerName, LocalDate day, boolean zeroReport,
			int householdsVisited, int disputesFound, int demandsFound, int hazardsFound, String note,
			OffsetDateTime recordedAt) {
	}

	/** One worker's reporting over a period, as the township sees it. */
	public record Reporting(String gridCode, String gridName, String villageName, long userId, String workerName, Duty duty,
			WorkerStatus status, int version, int patrolDays, int zeroReportDays, int days, int missingDays) {

		public boolean owes() {
			return status.owesReports();
		}

		public boolean complete() {
			return missingDays == 0;
		}

		public String statusLabel() {
			return status.label();
		}

		public String dutyLabel() {
			return duty.label();
		}

	}

	@Transactional
	public Patrol record(String gridCode, PatrolInput in, Actor actor) {
		requireOwnGrid(gridCode, actor);
		if (in == null) {
			throw new DomainException.Invalid("day", "请填写走访记录");
		}
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		List<FieldProblem> problems = new ArrayList<>();
		ReportingRule.dayProblem(in.day(), today).ifPresent(p -> problems.add(new FieldProblem("day", p)));
		int households = count(in.householdsVisited(), "householdsVisited", "走访户数", problems);
		int disputes = count(in.disputesFound(), "disputesFound", "发现矛盾纠纷数", problems);
		int demands = count(in.demandsFound(), "demandsFound", "发现群众诉求数", problems);
		int hazards = count(in.hazardsFound(), "hazardsFound", "发现安全隐患数", problems);
		String note = in.note() == null ? null : in.note().strip();
		if (note != null && note.length() > 1000) {
			problems.add(new FieldProblem("note", "情况说明不能超过1000字"));
		}
		if (households == 0 && disputes + demands + hazards == 0 && (note == null || note.isEmpty())) {
			problems.add(new FieldProblem("householdsVisited", "请填写走访户数或发现的情况；什么也没发现请提交零报告"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		lockDay(gridCode, actor.userId(), in.day());
		ReportingRule.findingsAfterZeroReport(disputes + demands + hazards, zeroReported(gridCode, actor.userId(), in.day()))
			.ifPresent(p -> {
				throw new DomainException.Conflict(p);
			});
		long id = insert(gridCode, actor.userId(), in.day(), false, households, disputes, demands, hazards, note);
		audit.record(actor.label(), "GRID_PATROL", gridCode, in.day().toString());
		return patrol(id);
	}

	@Transactional
	public Patrol zeroReport(String gridCode, LocalDate day, Actor actor) {
		requireOwnGrid(gridCode, actor);
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		LocalDate d = day == null ? today : day;
		ReportingRule.dayProblem(d, today).ifPresent(p -> {
			throw new DomainException.Invalid("day", p);
		});
		lockDay(gridCode, actor.userId(), d);
		int findings = jdbc.sql("""
				SELECT coalesce(sum(disputes_found + demands_found + hazards_found), 0) FROM grid_patrol
				WHERE grid_code = ? AND user_id = ? AND day = ? AND NOT zero_report""")
			.params(gridCode, actor.userId(), d)
			.query(Integer.class)
			.single();
		ReportingRule.zeroReportProblem(findings, zeroReported(gridCode, actor.userId(), d)).ifPresent(p -> {
			throw new DomainException.Conflict(p);
		});
		try {
			long id = insert(gridCode, actor.userId(), d, true, 0, 0, 0, 0, "零报告：当日未发现矛盾纠纷、群众诉求和安全隐患");
			audit.record(actor.label(), "GRID_ZERO_REPORT", gridCode, d.toString());
			return patrol(id);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException.Conflict("当天已提交零报告");
		}
	}

	/** The worker's own recent records, newest first. */
	@Transactional(readOnly = true)
	public List<Patrol> recentOf(Actor actor, int limit) {
		return jdbc.sql(SELECT + "WHERE p.user_id = ? ORDER BY p.day DESC, p.id DESC LIMIT ?")
			.params(actor.userId(), limit)
			.query(Rows.of(Patrol.class))
			.list();
	}

	/** The records of a grid the actor may see, newest first. */
	@Transactional(readOnly = true)
	public List<Patrol> ofGrid(String gridCode, Actor actor, int limit) {
		grids.visible(gridCode, actor);
		return jdbc.sql(SELECT + "WHERE p.grid_code = ? ORDER BY p.day DESC, p.id DESC LIMIT ?")
			.params(gridCode, limit)
			.query(Rows.of(Patrol.class))
			.list();
	}

	/**
	 * For each worker of each grid under the township (or village/county prefix) the actor
	 * oversees: on how many days of the period they filed a patrol or a 零报告, and how many days
	 * are missing. Days are counted only for workers 在岗 (their current status).
	 */
	@Transactional(readOnly = true)
	public List<Reporting> reporting(String regionCode, LocalDate from, LocalDate to, Actor actor) {
		if (regionCode == null || !Oversight.oversees(actor, regionCode)) {
			throw new DomainException.NotFound("没有该地区的网格");
		}
		if (from == null || to == null || to.isBefore(from)) {
			throw new DomainException.Invalid("to", "请选择正确的起止日期");
		}
		if (from.plusDays(92).isBefore(to)) {
			throw new DomainException.Invalid("to", "一次最多查看92天");
		}
		// owed: the days of the period the worker was 在岗 in the grid (grid_duty_period); missing: those without a report
		return jdbc.sql("""
				SELECT g.code, g.name, r.name AS village, m.user_id, u.display_name, m.duty, m.status, m.version,
				       (SELECT count(DISTINCT p.day) FROM grid_patrol p WHERE p.grid_code = g.code AND p.user_id = m.user_id
				            AND p.day BETWEEN :from AND :to AND NOT p.zero_report) AS patrol_days,
				       (SELECT count(DISTINCT p.day) FROM grid_patrol p WHERE p.grid_code = g.code AND p.user_id = m.user_id
				            AND p.day BETWEEN :from AND :to AND p.zero_report) AS zero_days,
				       coalesce(d.owed, 0) AS owed, coalesce(d.reported, 0) AS reported
				FROM grid g JOIN region r ON r.code = g.village_code
				JOIN grid_member m ON m.grid_code = g.code JOIN app_user u ON u.id = m.user_id
				LEFT JOIN LATERAL (""" + ON_DUTY_DAYS + """
				     AND d.grid_code = g.code AND d.user_id = m.user_id GROUP BY d.grid_code, d.user_id) d ON true
				WHERE g.village_code LIKE :prefix
				ORDER BY g.code, m.duty, u.display_name""")
			.param("from", from)
			.param("to", to)
			.param("prefix", regionCode + "%")
			.query((rs, n) -> {
				WorkerStatus status = WorkerStatus.valueOf(rs.getString(7));
				int owed = rs.getInt("owed");
				return new Reporting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
						Duty.valueOf(rs.getString(6)), status, rs.getInt(8), rs.getInt(9), rs.getInt(10), owed, owed - rs.getInt("reported"));
			})
			.list();
	}

	/** A place's reporting over a period (for the 无上访村 rating): days owed by workers 在岗, days with a patrol or a 零报告, households. */
	public record Coverage(long owedDays, long reportedDays, long households) {

		/** reported ÷ owed, null when nobody owed a report. */
		public Double rate() {
			return owedDays == 0 ? null : Math.min(1.0, (double) reportedDays / owedDays);
		}

	}

	/**
	 * The days each worker was 在岗 in a grid within [:from, :to] (owed), and how many of those days have a
	 * patrol or a 零报告 by that worker for that grid (reported): one row per worker and grid, from the
	 * status history {@code grid_duty_period}. The caller adds the grid condition after this text.
	 */
	static final String ON_DUTY_DAYS = """
			SELECT d.grid_code, d.user_id,
			       sum(least(coalesce(d.to_day, :to), :to) - greatest(d.from_day, :from) + 1) AS owed,
			       sum((SELECT count(DISTINCT p.day) FROM grid_patrol p WHERE p.grid_code = d.grid_code AND p.user_id = d.user_id
			            AND p.day BETWEEN greatest(d.from_day, :from) AND least(coalesce(d.to_day, :to), :to))) AS reported
			FROM grid_duty_period d
			WHERE d.status = 'ON_DUTY' AND d.from_day <= :to AND (d.to_day IS NULL OR d.to_day >= :from)
			""";

	/**
	 * Reporting of every grid under a region prefix over a period, without a caller (the rating is
	 * computed, not looked at): a worker owes a report for each day of the period they were 在岗 in the
	 * grid (their status history, not today's status); a day counts as reported when that worker filed a
	 * patrol or a 零报告 for that grid on it. Definition: docs/indicators.md, 网格排查报告率.
	 */
	@Transactional(readOnly = true)
	public Coverage coverage(String regionPrefix, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT coalesce(sum(x.owed), 0), coalesce(sum(x.reported), 0), "
				+ "(SELECT coalesce(sum(households), 0) FROM grid WHERE village_code LIKE :prefix) FROM (" + ON_DUTY_DAYS
				+ " AND d.grid_code IN (SELECT code FROM grid WHERE village_code LIKE :prefix) GROUP BY d.grid_code, d.user_id) x")
			.param("from", from)
			.param("to", to)
			.param("prefix", regionPrefix + "%")
			.query((rs, n) -> new Coverage(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * {@link #coverage} for every village and community under the prefix at once (the 无上访村 figures of a whole
	 * county or city): the same days owed and reported, summed by the grid's village, with the village's households.
	 * Villages without a grid are absent.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Coverage> coverageByVillage(String regionPrefix, LocalDate from, LocalDate to) {
		java.util.Map<String, Coverage> out = new java.util.HashMap<>();
		jdbc.sql("WITH h AS (SELECT village_code, sum(households) AS households FROM grid WHERE village_code LIKE :prefix GROUP BY 1), "
				+ "x AS (" + ON_DUTY_DAYS + " AND d.grid_code IN (SELECT code FROM grid WHERE village_code LIKE :prefix) GROUP BY d.grid_code, d.user_id), "
				+ "c AS (SELECT g.village_code, sum(x.owed) AS owed, sum(x.reported) AS reported FROM x JOIN grid g ON g.code = x.grid_code GROUP BY 1) "
				+ "SELECT h.village_code, coalesce(c.owed, 0), coalesce(c.reported, 0), h.households FROM h LEFT JOIN c ON c.village_code = h.village_code")
			.param("from", from)
			.param("to", to)
			.param("prefix", regionPrefix + "%")
			.query((rs, n) -> out.put(rs.getString(1), new Coverage(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		return out;
	}

	private static final String SELECT = """
			SELECT p.id, p.grid_code, g.name AS grid_name, u.display_name AS worker_name, p.day, p.zero_report,
			       p.households_visited, p.disputes_found, p.demands_found, p.hazards_found, p.note, p.recorded_at
			FROM grid_patrol p JOIN grid g ON g.code = p.grid_code JOIN app_user u ON u.id = p.user_id
			""";

	private Patrol patrol(long id) {
		return jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(Rows.of(Patrol.class)).single();
	}

	private void requireOwnGrid(String gridCode, Actor actor) {
		if (!Grid.isGridCode(gridCode) || !grids.isMember(actor.userId(), gridCode)) {
			throw new DomainException.NotFound("网格不存在或不是您负责的网格");
		}
	}

	/** One filing at a time per worker, grid and day: the 零报告 check and a patrol never race. */
	private void lockDay(String gridCode, long userId, LocalDate day) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("grid_patrol:" + gridCode + ":" + userId + ":" + day)
			.query()
			.singleValue();
	}

	private boolean zeroReported(String gridCode, long userId, LocalDate day) {
		return jdbc.sql("SELECT count(*) FROM grid_patrol WHERE grid_code = ? AND user_id = ? AND day = ? AND zero_report")
			.params(gridCode, userId, day)
			.query(Integer.class)
			.single() > 0;
	}

	private long insert(String gridCode, long userId, LocalDate day, boolean zero, int households, int disputes, int demands,
			int hazards, String note) {
		long id = jdbc.sql("""
				INSERT INTO grid_patrol (grid_code, user_id, day, zero_report, households_visited, disputes_found, demands_found,
				                         hazards_found, note, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(gridCode, userId, day, zero, households, disputes, demands, hazards, note,
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query(Long.class)
			.single();
		return id;
	}

	private static int count(Integer value, String field, String name, List<FieldProblem> problems) {
		if (value == null) {
			return 0;
		}
		if (value < 0 || value > MAX_COUNT) {
			problems.add(new FieldProblem(field, name + "应在0至" + MAX_COUNT + "之间"));
			return 0;
		}
		return value;
	}

}
