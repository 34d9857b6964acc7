package com.xinfang.accountability;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionScope;
import com.xinfang.platform.BeijingTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 积案攻坚: the backlog and the three counts the report asks for — 控增量 (matters newly entering the
 * backlog), 减存量 (backlog matters resolved) and 防变量 (closed matters petitioned again) — by county
 * and month, computed from the matters themselves.
 * <p>
 * Named rule (docs/supervision.md): a matter (not merged) enters the backlog on the earlier of
 * <ul>
 * <li>the day after its statutory limit (handling limit once accepted, else the acceptance limit)
 * if it was still open then — Art 23 and 34 limits;</li>
 * <li>the day its second repeat petition was received (repeats are matters merged into it), if it was
 * still open then — Art 19 repeat petitioning.</li>
 * </ul>
 * It leaves the backlog (化解) when it is closed, finally decided, not accepted in writing or diverted
 * to a legal channel. A closed matter relapses (变量) on the first repeat received after its closure.
 */
@Service
public class Backlog {

	public record MonthCount(String countyCode, String countyName, int month, long newCases, long resolved, long relapsed,
			long openAtMonthEnd) {
	}

	public record BacklogMatter(String number, String title, String countyName, String unitName, LocalDate since,
			String reason, long repeats) {
	}

	private static final String EXIT = Duties.BACKLOG_EXIT_STATUSES;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	Backlog(Directory directory, JdbcClient jdbc, Clock clock) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Per matter: entry into the backlog, exit, first relapse; over the actor's scope. */
	private String matters(Actor actor) {
		return """
				WITH rep AS (
				  SELECT r.duplicate_of AS number, array_agg(r.received_at ORDER BY r.received_at) AS ats
				  FROM petition_fact r WHERE r.duplicate_of IS NOT NULL GROUP BY r.duplicate_of),
				m AS (
				  SELECT p.number, p.title, p.responsible_unit_code, substr(p.region_code, 1, 6) AS county,
				         CASE WHEN p.status IN %1$s THEN (p.closed_at AT TIME ZONE 'Asia/Shanghai')::date END AS exit_day,
				         coalesce(p.handle_statutory, p.accept_statutory) + 1 AS overdue_day,
				         (rep.ats[2] AT TIME ZONE 'Asia/Shanghai')::date AS repeat_day,
				         coalesce(cardinality(rep.ats), 0) AS repeats,
				         CASE WHEN p.status = 'CLOSED' THEN (SELECT (min(x) AT TIME ZONE 'Asia/Shanghai')::date
				                                              FROM unnest(rep.ats) x WHERE x > p.closed_at) END AS relapse_day
				  FROM petition_fact p LEFT JOIN rep ON rep.number = p.number
				  WHERE p.status <> 'MERGED' AND %2$s),
				b AS (
				  SELECT m.*,
				         least(CASE WHEN (exit_day IS NULL OR exit_day >= overdue_day) AND overdue_day <= ?::date THEN overdue_day END,
				               CASE WHEN exit_day IS NULL OR exit_day >= repeat_day THEN repeat_day END) AS entry_day
				  FROM m)
				""".formatted(EXIT, PetitionScope.sql(actor.scope(), "p"));
	}

	private List<Object> params(Actor actor, LocalDate today) {
		List<Object> params = new ArrayList<>();
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		params.add(today);
		return params;
	}

	/** The three counts and the month-end stock, per county and month of the year. */
	@Transactional(readOnly = true)
	public List<MonthCount> counts(int year, Actor actor) {
		LocalDate today = today();
		List<Object> params = params(actor, today);
		params.add(LocalDate.of(year, 1, 1));
		params.add(LocalDate.of(year, 12, 1));
		return jdbc.sql(matters(actor) + """
				, months AS (SELECT generate_series(?::date, ?::date, interval '1 month')::date AS first_day)
				SELECT b.county, extract(month FROM mo.first_day)::int,
				  count(*) FILTER (WHERE b.entry_day >= mo.first_day AND b.entry_day < mo.first_day + interval '1 month'),
				  count(*) FILTER (WHERE b.entry_day IS NOT NULL AND b.exit_day >= mo.first_day AND b.exit_day < mo.first_day + interval '1 month'),
				  count(*) FILTER (WHERE b.relapse_day >= mo.first_day AND b.relapse_day < mo.first_day + interval '1 month'),
				  count(*) FILTER (WHERE b.entry_day < mo.first_day + interval '1 month'
				                   AND (b.exit_day IS NULL OR b.exit_day >= mo.first_day + interval '1 month'))
				FROM b CROSS JOIN months mo
				GROUP BY b.county, mo.first_day ORDER BY b.county, mo.first_day""")
			.params(params)
			.query((rs, n) -> new MonthCount(rs.getString(1), directory.regionName(rs.getString(1)), rs.getInt(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list()
			.stream()
			.filter(c -> c.newCases() + c.resolved() + c.relapsed() + c.openAtMonthEnd() > 0)
			.toList();
	}

	/** The matters in the backlog today, oldest first: what the 积案攻坚 works through. */
	@Transactional(readOnly = true)
	public List<BacklogMatter> open(Actor actor, int limit) {
		List<Object> params = params(actor, today());
		params.add(limit);
		return jdbc.sql(matters(actor) + """
				SELECT number, title, county, responsible_unit_code, entry_day, entry_day = repeat_day, repeats
				FROM b WHERE entry_day IS NOT NULL AND exit_day IS NULL ORDER BY entry_day, number LIMIT ?""")
			.params(params)
			.query((rs, n) -> new BacklogMatter(rs.getString(1), rs.getString(2), directory.regionName(rs.getString(3)),
					rs.getString(4) == null ? "" : directory.unitName(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getBoolean(6) ? "重复信访" : "超过法定期限", rs.getLong(7)))
			.list();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

}
