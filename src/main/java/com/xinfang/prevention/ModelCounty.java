package com.xinfang.prevention;

import com.xinfang.grid.Oversight;
import com.xinfang.grid.PatrolLog;
import com.xinfang.identity.Actor;
import com.xinfang.mediation.MediationFigures;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.RegionFigures;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信访工作示范县(市区) 创建进展: a county's progress toward the model-county title the city strives for
 * ("全力争创国家信访工作示范县市区"), measured against configurable criteria ({@code model_county_criterion}:
 * on/off, threshold, MAX or MIN, one-vote-veto) whose values are computed, never typed. Every value is
 * another module's own figure, not a copy of it: the 无上访村 figures are {@link VillageRatings#summary}
 * (the county page's computation), the 调解成功率 and red disputes are {@link MediationFigures}, the
 * reporting rate is {@link PatrolLog#coverage}, the 越级访 / 进京访 and overdue repeats are
 * {@link RegionFigures}. The same {@link VillageRatingRule} judges the values against the criteria, except that
 * a criterion without its figure is not met (无数据), where a village's rating lets it pass.
 * Definitions: docs/indicators.md, 信访工作示范县创建进展. Scope: a county's bureau (or 矛调中心) sees its
 * county only; the city sees every county; anyone else (a township, a department): "does not exist".
 */
@Service
public class ModelCounty {

	/**
	 * One county's progress in a year (1 January to 31 December, or to today in the current year).
	 *
	 * @param passed  criteria met
	 * @param basis   per criterion code, the counts behind its value ("持有称号 3 个 / 村（社区）5 个")
	 * @param villages the year's 无上访村 summary of the county, as the annual report prints it
	 */
	public record Progress(String countyCode, String countyName, int year, LocalDate from, LocalDate to,
			VillageRatingRule.Result result, int passed, int criteria, Map<String, String> basis, VillageRatings.Summary villages) {

		/** 已达到全部创建标准 / 有一票否决项未达标 / 尚有 n 项未达标. */
		public String verdict() {
			if (result.eligible()) {
				return "已达到全部创建标准";
			}
			return result.vetoed() ? "有一票否决项未达标" : "尚有" + (criteria - passed) + "项未达标";
		}

	}

	private final JdbcClient jdbc;

	private final VillageRatings villages;

	private final RegionFigures petitions;

	private final MediationFigures mediation;

	private final PatrolLog patrols;

	private final Directory directory;

	private final Clock clock;

	ModelCounty(JdbcClient jdbc, VillageRatings villages, RegionFigures petitions, MediationFigures mediation, PatrolLog patrols,
			Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.villages = villages;
		this.petitions = petitions;
		this.mediation = mediation;
		this.patrols = patrols;
		this.directory = directory;
		this.clock = clock;
	}

	/** The configured criteria, active ones in order. */
	@Transactional(readOnly = true)
	public List<VillageRatingRule.Indicator> criteria() {
		return jdbc.sql("SELECT code, name, veto, comparison, threshold FROM model_county_criterion WHERE active ORDER BY sort_order, code")
			.query((rs, n) -> new VillageRatingRule.Indicator(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getDouble(5)))
			.list();
	}

	/** Whether the actor may see the county (its own county, or the city); a township or a department may not. */
	public static boolean maySee(Actor actor, String countyCode) {
		return countyCode != null && Oversight.regionPrefix(actor).map(p -> p.length() <= 6 && countyCode.startsWith(p)).orElse(false);
	}

	/** The counties (and functional zones) the actor may see, in the directory's order; none: "does not exist". */
	public List<Region> counties(Actor actor) {
		List<Region> out = directory.counties().stream().filter(c -> maySee(actor, c.code())).toList();
		if (out.isEmpty()) {
			throw new DomainException.NotFound("没有可查看的示范县创建进展");
		}
		return out;
	}

	/** One county's progress, for those who may see it (another county: "does not exist"). */
	@Transactional(readOnly = true)
	public Progress of(String countyCode, int year, Actor actor) {
		Region county = countyCode == null ? null : directory.region(countyCode).orElse(null);
		if (county == null || !(county.level() == Region.Level.COUNTY || county.level() == Region.Level.ZONE) || !maySee(actor, countyCode)) {
			throw new DomainException.NotFound("没有该县市区的示范县创建进展");
		}
		return compute(county, year, criteria());
	}

	/** Every county the actor may see (the city: all of them), one line each. */
	@Transactional(readOnly = true)
	public List<Progress> overview(int year, Actor actor) {
		List<Region> counties = counties(actor);
		List<VillageRatingRule.Indicator> criteria = criteria();
		return counties.stream().map(c -> compute(c, year, criteria)).toList();
	}

	Progress compute(Region county, int year, List<VillageRatingRule.Indicator> criteria) {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate to = end.isAfter(today) ? today : end;
		if (year < 2000 || to.isBefore(from)) {
			throw new DomainException.Invalid("year", "请选择2000年至今年之间的年度");
		}
		String c = county.code();
		var p = petitions.of(c, from, to, today);
		var m = mediation.of(c, from, to);
		var coverage = patrols.coverage(c, from, to);
		long red = mediation.openRed(c);
		VillageRatings.Summary v = villages.summary(c, year);
		Map<String, Double> values = new LinkedHashMap<>();
		Map<String, String> basis = new LinkedHashMap<>();
		values.put("TO_BEIJING", (double) p.toBeijing());
		basis.put("TO_BEIJING", "本年度收到的信访事项中标记为进京访的");
		values.put("OVERDUE_REPEATS", (double) p.overdueRepeats());
		basis.put("OVERDUE_REPEATS", "截至今天仍未办结且已超过当前环节期限的重复信访事项");
		values.put("BEYOND_LEVEL", (double) p.beyondLevel());
		basis.put("BEYOND_LEVEL", "越级访、进京访" + p.beyondLevel() + "件（其中进京访" + p.toBeijing() + "件）/ 本年度收到" + p.received() + "件");
		values.put("OPEN_RED_DISPUTES", (double) red);
		basis.put("OPEN_RED_DISPUTES", "截至今天尚未结案的红色（高风险）矛盾纠纷");
		values.put("TITLE_RATE", v.villages() == 0 ? null : (double) v.holding() / v.villages());
		basis.put("TITLE_RATE", "截至" + v.asOf() + "持有称号" + v.holding() + "个 / 村（社区）" + v.villages() + "个");
		values.put("VETOED_VILLAGES", (double) v.vetoed());
		basis.put("VETOED_VILLAGES", "按数据评定：全部达标" + v.eligible() + "个，一票否决" + v.vetoed() + "个，其他指标未达标" + v.missed() + "个");
		values.put("MEDIATION_SUCCESS_RATE", m.successRate());
		basis.put("MEDIATION_SUCCESS_RATE", "达成协议" + m.agreed() + "件 / 调解终结" + (m.agreed() + m.failed()) + "件（排查化解" + m.screened() + "件次）");
		values.put("REPORTING_RATE", coverage.rate());
		basis.put("REPORTING_RATE", "已报" + coverage.reportedDays() + "天 / 在岗应报" + coverage.owedDays() + "天");
		// a criterion without its figure (no villages in the tree, no mediation ended, nobody on grid duty) is not met
		VillageRatingRule.Result result = VillageRatingRule.evaluate(criteria, values, false);
		int passed = (int) result.lines().stream().filter(VillageRatingRule.Line::passed).count();
		return new Progress(c, county.name(), year, from, to, result, passed, result.lines().size(), basis, v);
	}

}
