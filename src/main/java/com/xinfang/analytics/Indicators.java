package com.xinfang.analytics;

import static com.xinfang.platform.Texts.blankToNull;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.mediation.MediationFigures;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.Status;
import com.xinfang.platform.DomainException;
import com.xinfang.accountability.Duties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of a region, unit and period, read from the rollup tables: whole months from
 * {@code stats_monthly}, the partial months at either end from {@code stats_daily} (their per-county
 * copies for city- and county-wide questions). The two
 * "open now" figures come from the petition table's partial index of open matters.
 */
@Service
public class Indicators {

	/** Statuses of a matter no longer open (the predicate of the petition_open_deadline index). */
	static final String OPEN = Status.sqlOpen("p");

	/** The longest period one question may cover. */
	static final long MAX_DAYS = 366L * 10;

	public enum Granularity {

		DAY, MONTH, QUARTER, YEAR

	}

	public enum Dimension {

		REGION, UNIT, CATEGORY

	}

	public record Point(LocalDate period, Figures figures) {
	}

	public record Row(String code, String name, Figures figures) {
	}

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Clock clock;

	private final MediationFigures mediation;

	Indicators(JdbcClient jdbc, Directory directory, Clock clock, MediationFigures mediation) {
		this.mediation = mediation;
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** Who may see statistics: leaders, the 信访部门's staff, and unit heads (for their unit). */
	public static boolean maySee(Actor actor, Directory directory) {
		return actor.isStaff() && (actor.hasAny(Role.LEADER, Role.UNIT_HEAD)
				|| (directory.isPetitionBureau(actor.unitCode()) && actor.hasAny(Role.REGISTRAR, Role.REVIEWER, Role.SUPERVISOR)));
	}

	/**
	 * Checks a question against the caller's scope. No period means this month so far; a region
	 * or unit outside the scope is answered as unknown.
	 */
	public StatsQuery resolve(Actor actor, LocalDate from, LocalDate to, String regionCode, String unitCode) {
		if (!maySee(actor, directory)) {
			throw new DomainException.Forbidden("只有领导、信访部门和单位负责人可以查看统计");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate f = from != null ? from : (to != null ? to.withDayOfMonth(1) : today.withDayOfMonth(1));
		LocalDate t = to != null ? to : today;
		if (t.isBefore(f)) {
			throw new DomainException.Invalid("to", "结束日期不能早于开始日期");
		}
		if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
			throw new DomainException.Invalid("from", "统计区间不能超过十年");
		}
		DataScope scope = actor.scope();
		String region = blankToNull(regionCode);
		String unit = blankToNull(unitCode);
		String prefix;
		if (region != null) {
			Region r = directory.region(region).orElseThrow(() -> new DomainException.NotFound("没有该地区：" + regionCode));
			prefix = r.subtreePrefix();
			if (scope.type() == DataScope.Type.REGION && !prefix.startsWith(scope.value())) {
				throw new DomainException.NotFound("没有该地区：" + regionCode);
			}
		}
		else {
			prefix = scope.type() == DataScope.Type.REGION ? scope.value() : "";
			region = scope.type() == DataScope.Type.REGION ? regionOfPrefix(scope.value()) : null;
		}
		if (scope.type() == DataScope.Type.UNIT) {
			if (unit != null && !unit.equals(scope.value())) {
				throw new DomainException.NotFound("没有该单位：" + unitCode);
			}
			unit = scope.value();
		}
		else if (scope.type() != DataScope.Type.REGION) {
			throw new DomainException.Forbidden("没有统计范围");
		}
		if (unit != null && directory.unit(unit).isEmpty()) {
			throw new DomainException.NotFound("没有该单位：" + unitCode);
		}
		return new StatsQuery(f, t, region, prefix, unit);
	}

	private static String regionOfPrefix(String prefix) {
		return prefix.length() == 4 ? prefix + "00" : prefix.length() == 2 ? prefix + "0000" : prefix;
	}


	@Transactional(readOnly = true)
	public Figures figures(StatsQuery q) {
		Map<String, long[]> sums = sums(q, "''", false);
		Map<String, long[]> open = open(q, "''");
		long[] o = open.getOrDefault("", new long[2]);
		return Figures.of(sums.getOrDefault("", new long[StatsColumns.COUNTS.size()]), o[0], o[1])
			.withMediation(q.unitCode() == null ? mediation.successRate(q.regionPrefix(), q.from(), q.to()) : null);
	}

	/** One point per day, month, quarter or year of the period (partial at either end). */
	@Transactional(readOnly = true)
	public List<Point> series(StatsQuery q, Granularity g) {
		if (g == Granularity.DAY && ChronoUnit.DAYS.between(q.from(), q.to()) > 1000) {
			throw new DomainException.Invalid("granularity", "按日统计的区间不能超过1000天");
		}
		String unit = g.name().toLowerCase(Locale.ROOT);
		Map<String, long[]> sums = sums(q, "to_char(date_trunc('" + unit + "', day::timestamp), 'YYYY-MM-DD')", false);
		List<Point> points = new ArrayList<>();
		LocalDate start = truncate(q.from(), g);
		for (LocalDate d = start; !d.isAfter(q.to()); d = next(d, g)) {
			long[] c = sums.getOrDefault(d.toString(), new long[StatsColumns.COUNTS.size()]);
			points.add(new Point(d, Figures.of(c, 0, 0)));
		}
		return points;
	}

	/** The figures of each child region, unit or category, biggest intake first. */
	@Transactional(readOnly = true)
	public List<Row> breakdown(StatsQuery q, Dimension by) {
		int childLength = q.regionPrefix().length() <= 4 ? 6 : 9;
		String key = switch (by) {
			case REGION -> "left(region, " + childLength + ")";
			case UNIT -> "unit";
			case CATEGORY -> "category";
		};
		String openKey = switch (by) {
			case REGION -> "left(p.region_code, " + childLength + ")";
			case UNIT -> "coalesce(" + Duties.OVERDUE_UNIT + ", '')";
			case CATEGORY -> "coalesce(p.category_code, '')";
		};
		Map<String, long[]> sums = sums(q, key, by == Dimension.REGION && childLength == 9);
		Map<String, long[]> open = open(q, openKey);
		List<String> codes = new ArrayList<>();
		if (by == Dimension.REGION) {
			String parent = q.regionPrefix().length() <= 4 ? q.regionPrefix() + "00" : q.regionPrefix();
			directory.regionChildren(parent).forEach(r -> codes.add(r.code()));
		}
		sums.keySet().stream().filter(k -> !codes.contains(k)).sorted().forEach(codes::add);
		open.keySet().stream().filter(k -> !codes.contains(k)).sorted().forEach(codes::add);
		// 调解成功率 by county or township: one query of the mediation figures (not for units or categories)
		Map<String, Double> mediated = new HashMap<>();
		if (by == Dimension.REGION && q.unitCode() == null) {
			mediation.breakdownFor(q.regionPrefix(), q.from(), q.to(),
					childLength == 6 ? MediationFigures.By.COUNTY : MediationFigures.By.TOWNSHIP)
				.forEach(l -> mediated.put(l.key(), l.figures().successRate()));
		}
		List<Row> rows = new ArrayList<>();
		for (String code : codes) {
			long[] o = open.getOrDefault(code, new long[2]);
			Figures f = Figures.of(sums.getOrDefault(code, new long[StatsColumns.COUNTS.size()]), o[0], o[1])
				.withMediation(mediated.get(code));
			rows.add(new Row(code, name(by, code), f));
		}
		rows.sort((a, b) -> Long.compare(b.figures().received(), a.figures().received()));
		return rows;
	}

	private String name(Dimension by, String code) {
		if (code.isEmpty()) {
			return by == Dimension.UNIT ? "（未交转送）" : "（未分类）";
		}
		return switch (by) {
			case REGION -> directory.regionName(code);
			case UNIT -> directory.unitName(code);
			case CATEGORY -> directory.categoryName(code);
		};
	}

	static LocalDate truncate(LocalDate d, Granularity g) {
		return switch (g) {
			case DAY -> d;
			case MONTH -> d.withDayOfMonth(1);
			case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
			case YEAR -> d.withDayOfYear(1);
		};
	}

	static LocalDate next(LocalDate d, Granularity g) {
		return switch (g) {
			case DAY -> d.plusDays(1);
			case MONTH -> d.plusMonths(1);
			case QUARTER -> d.plusMonths(3);
			case YEAR -> d.plusYears(1);
		};
	}

	/**
	 * Sums of the count columns grouped by a key expression over the rollup columns (day, region,
	 * unit, category). Whole months come from the monthly table.
	 */
	Map<String, long[]> sums(StatsQuery q, String key, boolean byTownship) {
		// city- and county-wide questions read the per-county tables
		String suffix = byTownship || q.regionPrefix().length() > 6 ? "" : "_county";
		LocalDate monthsFrom = q.from().getDayOfMonth() == 1 ? q.from() : q.from().withDayOfMonth(1).plusMonths(1);
		LocalDate today = LocalDate.now(clock);
		// exclusive: months wholly inside the period and already over (duties of this month may not be due yet)
		LocalDate monthsTo = min(q.to().plusDays(1).withDayOfMonth(1), today.withDayOfMonth(1));
		String cols = String.join(", ", StatsColumns.COUNTS);
		String where = " AND region LIKE :prefix" + (q.unitCode() != null ? " AND unit = :unit" : "");
		String source;
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", q.regionPrefix() + "%");
		if (q.unitCode() != null) {
			params.put("unit", q.unitCode());
		}
		if (monthsFrom.isBefore(monthsTo)) {
			source = "SELECT day, region, unit, category, " + cols + " FROM stats_monthly" + suffix + " WHERE day >= :mFrom AND day < :mTo" + where
					+ " UNION ALL SELECT day, region, unit, category, " + cols
					+ " FROM stats_daily" + suffix + " WHERE ((day >= :from AND day < :mFrom) OR (day >= :mTo AND day <= :to))" + where;
			params.put("mFrom", monthsFrom);
			params.put("mTo", monthsTo);
		}
		else {
			source = "SELECT day, region, unit, category, " + cols + " FROM stats_daily" + suffix + " WHERE day >= :from AND day <= :to"
					+ where;
		}
		params.put("from", q.from());
		params.put("to", q.to());
		params.put("yesterday", today.minusDays(1));
		String sums = StatsColumns.COUNTS.stream()
			.map(c -> StatsColumns.DUTIES.contains(c) ? "coalesce(sum(CASE WHEN day <= :yesterday THEN " + c + " END), 0)"
					: "coalesce(sum(" + c + "), 0)")
			.collect(Collectors.joining(", "));
		Map<String, long[]> out = new LinkedHashMap<>();
		jdbc.sql("SELECT " + key + " AS k, " + sums + " FROM (" + source + ") s GROUP BY 1").params(params).query(rs -> {
			long[] c = new long[StatsColumns.COUNTS.size()];
			for (int i = 0; i < c.length; i++) {
				c[i] = rs.getLong(i + 2);
			}
			out.put(rs.getString(1), c);
		});
		return out;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The two "now" figures per key: [超期未办结, 积案]. Overdue: open and past the limit of the current
	 * stage, the 督办看板's list, by the unit that owes the current duty. 积案 (accountability.Backlog's rule):
	 * those, plus open matters with at least two repeats that are not (yet) overdue. Two disjoint reads,
	 * each through its own index.
	 */
	Map<String, long[]> open(StatsQuery q, String key) {
		LocalDate today = LocalDate.now(clock);
		String where = " AND p.region_code LIKE :prefix" + (q.unitCode() != null ? " AND " + Duties.OVERDUE_UNIT + " = :unit" : "");
		Map<String, long[]> out = new LinkedHashMap<>();
		jdbc.sql("SELECT k, sum(overdue), count(*) FROM (SELECT " + key + " AS k, 1 AS overdue FROM petition_fact p WHERE "
				+ Duties.OVERDUE_OPEN + where + " UNION ALL SELECT " + key + ", 0 FROM petition_fact p WHERE p.number IN ("
				+ Duties.REPEATED_TWICE + ") AND " + OPEN + " AND NOT coalesce(coalesce(p.handle_statutory, p.accept_statutory) < :today, false)"
				+ where + ") o GROUP BY 1")
			.param("today", today)
			.param("prefix", q.regionPrefix() + "%")
			.params(q.unitCode() != null ? Map.of("unit", q.unitCode()) : Map.of())
			.query(rs -> {
				out.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return out;
	}

}
