package com.xinfang.mediation;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import java.time.LocalDate;
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

	/** The figures for a region-code prefix (city "43", county "430702", township "430702001") and period. */
	@Transactional(readOnly = true)
	public Figures of(String regionPrefix, LocalDate from, LocalDate to) {
		check(regionPrefix, from, to);
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE registered_on BETWEEN ? AND ?),
				       count(*) FILTER (WHERE outcome = 'AGREED' AND outcome_on BETWEEN ? AND ?),
				       count(*) FILTER (WHERE outcome = 'FAILED' AND outcome_on BETWEEN ? AND ?)
				FROM dispute WHERE %s AND (registered_on BETWEEN ? AND ? OR outcome_on BETWEEN ? AND ?)""".formatted(place(regionPrefix)))
			.params(from, to, from, to, from, to, placeParam(regionPrefix), from, to, from, to)
			.query((rs, n) -> Figures.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
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

	/** The figures for the actor's region (or a part of it); outside it: 404. */
	@Transactional(readOnly = true)
	public Figures of(String regionPrefix, LocalDate from, LocalDate to, Actor actor) {
		return of(visiblePrefix(regionPrefix, actor), from, to);
	}

	@Transactional(readOnly = true)
	public List<Line> breakdown(String regionPrefix, LocalDate from, LocalDate to, By by, Actor actor) {
		return breakdownFor(visiblePrefix(regionPrefix, actor), from, to, by);
	}

	/** The breakdown without a caller (for the annual report, the dashboard and the benchmark). */
	@Transactional(readOnly = true)
	public List<Line> breakdownFor(String prefix, LocalDate from, LocalDate to, By by) {
		check(prefix, from, to);
		String key = switch (by) {
			case COUNTY -> "d.county_code";
			case TOWNSHIP -> "substr(d.region_code, 1, 9)";
			case ORGANISATION -> "coalesce(o.name, '未分流')";
			case KIND -> "coalesce(o.kind, 'NONE')";
			case TYPE -> "t.name";
		};
		Map<String, String> kinds = Map.of("PEOPLES", OrgKind.PEOPLES.label(), "INDUSTRY", OrgKind.INDUSTRY.label(), "ADMINISTRATIVE",
				OrgKind.ADMINISTRATIVE.label(), "JUDICIAL", OrgKind.JUDICIAL.label(), "NONE", "未分流");
		return jdbc.sql("""
				SELECT %s AS k,
				       count(*) FILTER (WHERE d.registered_on BETWEEN ? AND ?),
				       count(*) FILTER (WHERE d.outcome = 'AGREED' AND d.outcome_on BETWEEN ? AND ?),
				       count(*) FILTER (WHERE d.outcome = 'FAILED' AND d.outcome_on BETWEEN ? AND ?)
				FROM dispute d LEFT JOIN mediation_org o ON o.id = d.org_id JOIN dispute_type t ON t.code = d.type_code
				WHERE %s AND (d.registered_on BETWEEN ? AND ? OR d.outcome_on BETWEEN ? AND ?)
				GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(key, place(prefix).replace("county_code", "d.county_code").replace("region_code", "d.region_code")))
			.params(from, to, from, to, from, to, placeParam(prefix), from, to, from, to)
			.query((rs, n) -> {
				String k = rs.getString(1);
				String name = switch (by) {
					case COUNTY, TOWNSHIP -> directory.regionName(k);
					case KIND -> kinds.getOrDefault(k, k);
					default -> k;
				};
				return new Line(k, name, Figures.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
			})
			.list();
	}

	private static String visiblePrefix(String regionPrefix, Actor actor) {
		String own = Oversight.regionPrefix(actor).orElseThrow(() -> new DomainException.NotFound("没有可查看的调解统计"));
		String wanted = regionPrefix == null || regionPrefix.isBlank() ? own : regionPrefix;
		if (!wanted.startsWith(own)) {
			throw new DomainException.NotFound("没有该地区的调解统计");
		}
		return wanted;
	}

	/** A county's figures use the (county, day) index; a wider or narrower place the region prefix. */
	private static String place(String prefix) {
		return prefix.length() == 6 ? "county_code = ?" : "region_code LIKE ?";
	}

	private static Object placeParam(String prefix) {
		return prefix.length() == 6 ? prefix : prefix + "%";
	}

	private static void check(String prefix, LocalDate from, LocalDate to) {
		if (prefix == null || !prefix.matches("\\d{2,12}")) {
			throw new DomainException.Invalid("region", "地区代码有误");
		}
		if (from == null || to == null || to.isBefore(from)) {
			throw new DomainException.Invalid("to", "请选择正确的起止日期");
		}
	}

}
