package com.xinfang.mediation;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mediation figures, by region and period. Definitions (the same in the README and on the page):
 * <ul>
 * <li>排查化解矛盾纠纷（件次）{@code screened}: disputes registered in the period (登记日期 in the period);</li>
 * <li>调解成功 {@code agreed}: disputes whose mediation ended in the period with an agreement (written or oral);</li>
 * <li>调解未成功 {@code failed}: disputes whose mediation ended in the period without one;</li>
 * <li>调解成功率 {@code successRate} = agreed ÷ (agreed + failed), 0..1; null when no mediation ended in
 * the scope and period. A dispute still being mediated counts in neither.</li>
 * </ul>
 * The place is the dispute's (its village or township), whatever organisation mediated it.
 */
@Service
public class MediationFigures {

	/** How a breakdown groups the disputes. */
	public enum By {

		COUNTY("县市区"), TOWNSHIP("乡镇（街道）"), ORGANISATION("调解组织"), KIND("调解类别"), TYPE("纠纷类型");

		private final String label;

		By(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Figures(long screened, long agreed, long failed, Double successRate) {

		static Figures of(long screened, long agreed, long failed) {
			return new Figures(screened, agreed, failed, agreed + failed == 0 ? null : (double) agreed / (agreed + failed));
		}

	}

	public record Line(String key, String name, Figures figures) {
	}

	private final JdbcClient jdbc;

	private final Directory directory;

	MediationFigures(JdbcClient jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/**
	 * The figures for a region-code prefix (city "43", county "430702", township "430702001") and period.
	 * Two counts, each an index-only range scan of one covering index: the registrations on
	 * (county, 登记日期) and the outcomes on (county, 调解终结日期); a place below the county filters on the
	 * index's included region code. (One scan with "registered OR ended in the period" made a bitmap
	 * heap scan over rows scattered across the table.)
	 */
	@Transactional(readOnly = true)
	public Figures of(String regionPrefix, LocalDate from, LocalDate to) {
		check(regionPrefix, from, to);
		Place p = Place.of(regionPrefix);
		List<Object> params = twoPeriodScans(p, from, to);
		return jdbc.sql("""
				SELECT s.n, o.agreed, o.failed
				FROM (SELECT count(*) AS n FROM dispute d WHERE %1$s AND d.registered_on BETWEEN ? AND ?) s,
				     (SELECT count(*) FILTER (WHERE d.outcome = 'AGREED') AS agreed, count(*) FILTER (WHERE d.outcome = 'FAILED') AS failed
				      FROM dispute d WHERE %1$s AND d.outcome_on BETWEEN ? AND ?) o""".formatted(p.condition()))
			.params(params)
			.query((rs, n) -> Figures.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/** A place as a condition on the covering indexes' leading county code (and the included region code below a county). */
	record Place(String condition, List<Object> params) {

		static Place of(String prefix) {
			if (prefix.length() >= 6) {
				return prefix.length() == 6 ? new Place("d.county_code = ?", List.of(prefix))
						: new Place("d.county_code = ? AND d.region_code LIKE ?", List.of(prefix.substring(0, 6), prefix + "%"));
			}
			// the city or a wider prefix: a range of county codes
			return new Place("d.county_code BETWEEN ? AND ?", List.of((prefix + "000000").substring(0, 6), (prefix + "999999").substring(0, 6)));
		}

	}

	/** The 调解成功率 alone, for the dashboard tile (null when nothing was mediated). */
	@Transactional(readOnly = true)
	public Double successRate(String regionPrefix, LocalDate from, LocalDate to) {
		return of(regionPrefix, from, to).successRate();
	}

	/** Red-level (高风险) disputes of a place not yet closed (for the 无上访村 rating's veto item). */
	@Transactional(readOnly = true)
	public long openRed(String regionPrefix) {
		return jdbc.sql("SELECT count(*) FROM dispute WHERE region_code LIKE ? AND risk_level = 'RED' AND status <> 'CLOSED'")
			.param(regionPrefix + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * {@link #of} for every village and community under the prefix at once (the 无上访村 figures of a whole county or
	 * city): the same two counts grouped by the dispute's village (the first 12 digits of its place, a grid's code
	 * included; a dispute placed at a township belongs to no village, as {@code of(village)} leaves it out). Villages
	 * without a dispute are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, Figures> byVillage(String regionPrefix, LocalDate from, LocalDate to) {
		check(regionPrefix, from, to);
		Place p = Place.of(regionPrefix);
		List<Object> params = twoPeriodScans(p, from, to);
		Map<String, Figures> out = new HashMap<>();
		jdbc.sql("""
				WITH s AS (SELECT substr(d.region_code, 1, 12) AS k, count(*) AS n FROM dispute d
				           WHERE %1$s AND d.registered_on BETWEEN ? AND ? AND length(d.region_code) >= 12 GROUP BY 1),
				     o AS (SELECT substr(d.region_code, 1, 12) AS k, count(*) FILTER (WHERE d.outcome = 'AGREED') AS a,
				                  count(*) FILTER (WHERE d.outcome = 'FAILED') AS f
				           FROM dispute d WHERE %1$s AND d.outcome_on BETWEEN ? AND ? AND length(d.region_code) >= 12 GROUP BY 1)
				SELECT coalesce(s.k, o.k), coalesce(s.n, 0), coalesce(o.a, 0), coalesce(o.f, 0) FROM s FULL JOIN o ON o.k = s.k""".formatted(p.condition()))
			.params(params)
			.query((rs, n) -> out.put(rs.getString(1), Figures.of(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		return out;
	}

	/** {@link #openRed} for every village and community under the prefix at once; villages without one are absent. */
	@Transactional(readOnly = true)
	public Map<String, Long> openRedByVillage(String regionPrefix) {
		Map<String, Long> out = new HashMap<>();
		jdbc.sql("""
				SELECT substr(region_code, 1, 12), count(*) FROM dispute
				WHERE region_code LIKE ? AND risk_level = 'RED' AND status <> 'CLOSED' AND length(region_code) >= 12 GROUP BY 1""")
			.param(regionPrefix + "%")
			.query((rs, n) -> out.put(rs.getString(1), rs.getLong(2)))
			.list();
		return out;
	}

	/** The figures for the actor's region (or a part of it); outside it: 404. */
	@Transactional(readOnly = true)
	public Figures of(String regionPrefix, LocalDate from, LocalDate to, Actor actor) {
		return of(visiblePrefix(regionPrefix, actor), from, to);
	}

	@Transactional(readOnly = true)
	public List<Line> breakdown(String regionPrefix, LocalDate from, LocalDate to, By by, Actor actor) {
		return breakdownFor(visiblePrefix(regionPrefix, actor), from, to, by);
	}

	/**
	 * The breakdown without a caller (for the annual report, the dashboard and the benchmark): the
	 * registrations and the outcomes grouped separately (index-only scans as in {@link #of}), joined by
	 * key, then named from the small organisation and type tables.
	 */
	@Transactional(readOnly = true)
	public List<Line> breakdownFor(String prefix, LocalDate from, LocalDate to, By by) {
		check(prefix, from, to);
		String key = switch (by) {
			case COUNTY -> "d.county_code";
			case TOWNSHIP -> "substr(d.region_code, 1, 9)";
			case ORGANISATION, KIND -> "coalesce(d.org_id::text, '')";
			case TYPE -> "d.type_code";
		};
		Place p = Place.of(prefix);
		List<Object> params = twoPeriodScans(p, from, to);
		Map<String, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				WITH s AS (SELECT %2$s AS k, count(*) AS n FROM dispute d WHERE %1$s AND d.registered_on BETWEEN ? AND ? GROUP BY 1),
				     o AS (SELECT %2$s AS k, count(*) FILTER (WHERE d.outcome = 'AGREED') AS a, count(*) FILTER (WHERE d.outcome = 'FAILED') AS f
				           FROM dispute d WHERE %1$s AND d.outcome_on BETWEEN ? AND ? GROUP BY 1)
				SELECT coalesce(s.k, o.k), coalesce(s.n, 0), coalesce(o.a, 0), coalesce(o.f, 0) FROM s FULL JOIN o ON o.k = s.k""".formatted(p.condition(), key))
			.params(params)
			.query((rs, n) -> counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list();
		Map<String, String> kinds = Map.of("PEOPLES", OrgKind.PEOPLES.label(), "INDUSTRY", OrgKind.INDUSTRY.label(), "ADMINISTRATIVE",
				OrgKind.ADMINISTRATIVE.label(), "JUDICIAL", OrgKind.JUDICIAL.label(), "NONE", "未分流");
		Map<String, String[]> orgs = new HashMap<>();
		if (by == By.ORGANISATION || by == By.KIND) {
			jdbc.sql("SELECT id::text, name, kind FROM mediation_org").query((rs, n) -> orgs.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }))
				.list();
		}
		Map<String, String> types = new HashMap<>();
		if (by == By.TYPE) {
			jdbc.sql("SELECT code, name FROM dispute_type").query((rs, n) -> types.put(rs.getString(1), rs.getString(2))).list();
		}
		// regroup by the key shown (an organisation's name, its kind, the type's name) and name it
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, long[]> shown = new LinkedHashMap<>();
		counts.forEach((k, c) -> {
			String shownKey = switch (by) {
				case ORGANISATION -> k.isEmpty() ? "未分流" : orgs.getOrDefault(k, new String[] { k, "NONE" })[0];
				case KIND -> k.isEmpty() ? "NONE" : orgs.getOrDefault(k, new String[] { k, "NONE" })[1];
				case TYPE -> types.getOrDefault(k, k);
				default -> k;
			};
			names.computeIfAbsent(shownKey, x -> switch (by) {
				case COUNTY, TOWNSHIP -> directory.regionName(x);
				case KIND -> kinds.getOrDefault(x, x);
				default -> x;
			});
			long[] sum = shown.computeIfAbsent(shownKey, x -> new long[3]);
			for (int i = 0; i < 3; i++) {
				sum[i] += c[i];
			}
		});
		return shown.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
			.map(e -> new Line(e.getKey(), names.get(e.getKey()), Figures.of(e.getValue()[0], e.getValue()[1], e.getValue()[2])))
			.toList();
	}

	private static String visiblePrefix(String regionPrefix, Actor actor) {
		String own = Oversight.regionPrefix(actor).orElseThrow(() -> new DomainException.NotFound("没有可查看的调解统计"));
		String wanted = regionPrefix == null || regionPrefix.isBlank() ? own : regionPrefix;
		if (!wanted.startsWith(own)) {
			throw new DomainException.NotFound("没有该地区的调解统计");
		}
		return wanted;
	}

	private static void check(String prefix, LocalDate from, LocalDate to) {
		if (prefix == null || !prefix.matches("\\d{2,12}")) {
			throw new DomainException.Invalid("region", "地区代码有误");
		}
		if (from == null || to == null || to.isBefore(from)) {
			throw new DomainException.Invalid("to", "请选择正确的起止日期");
		}
	}

	/** The parameters of the two scans every figure makes (registrations, outcomes): place and period, twice. */
	private static List<Object> twoPeriodScans(Place p, LocalDate from, LocalDate to) {
		List<Object> params = new ArrayList<>(p.params());
		params.add(from);
		params.add(to);
		params.addAll(p.params());
		params.add(from);
		params.add(to);
		return params;
	}

}
