package com.xinfang.prevention;

import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Duty;
import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.grid.PatrolLog;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.mediation.MediationFigures;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.RegionFigures;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 无上访村(社区): every village's rating computed from the data (petition, mediation and grid figures
 * through their public APIs) against the configured indicators ({@code village_indicator}: thresholds,
 * one-vote-veto items, on/off), by {@link VillageRatingRule}. The flow: self-assessment by the village
 * (a 网格长 of one of its grids) → review by the township (its 矛调中心) → approval by the county (its
 * 矛调中心 or 信访局; never the village's or the township's own reviewer). Approval of a first rating
 * grants the title for two years; while a title is held each year's rating is its annual review, and
 * a review the county does not approve withdraws it.
 */
@Service
public class VillageRatings {

	/** How long a title is granted for. */
	public static final int TITLE_YEARS = 2;

	public record Assessment(String villageCode, String villageName, int year, LocalDate from, LocalDate to,
			VillageRatingRule.Result result) {
	}

	public record Rating(long id, String villageCode, String villageName, int year, String kind, String status, String statusLabel,
			boolean eligible, String figures, String selfBy, String selfNote, String townshipBy, String townshipNote, String countyBy,
			String countyNote, LocalDate titleUntil, int version) {
	}

	public record VillageLine(String code, String name, String township, VillageRatingRule.Result result, String ratingStatus,
			LocalDate titleUntil, boolean holdsTitle) {
	}

	public record Decision(Boolean pass, String note, Integer version) {
	}

	private final JdbcClient jdbc;

	private final RegionFigures petitions;

	private final MediationFigures mediation;

	private final PatrolLog patrols;

	private final Grids grids;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	VillageRatings(JdbcClient jdbc, RegionFigures petitions, MediationFigures mediation, PatrolLog patrols, Grids grids,
			Directory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.mediation = mediation;
		this.patrols = patrols;
		this.grids = grids;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The configured indicators, active ones in order. */
	@Transactional(readOnly = true)
	public List<VillageRatingRule.Indicator> indicators() {
		return jdbc.sql("SELECT code, name, veto, comparison, threshold FROM village_indicator WHERE active ORDER BY sort_order, code")
			.query((rs, n) -> new VillageRatingRule.Indicator(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getDouble(5)))
			.list();
	}

	/**
	 * The measured values of a village for a year (up to today in the current year). Definitions:
	 * BEYOND_LEVEL petitions received in the period flagged 越级访 or 进京访; OPEN_RED_DISPUTES red disputes
	 * not closed (now); OVERDUE_REPEATS repeat petitions open past their limit (now); REPORTING_RATE days
	 * with a patrol or a 零报告 ÷ days owed by the grid workers 在岗; MEDIATION_SUCCESS_RATE the mediation
	 * figures' 调解成功率 of the period; PETITIONS_PER_THOUSAND petitions received × 1000 ÷ the grids' households.
	 */
	@Transactional(readOnly = true)
	public Map<String, Double> values(String villageCode, LocalDate from, LocalDate to) {
		return valuesUnder(villageCode, List.of(village(villageCode)), from, to).get(villageCode);
	}

	/**
	 * The values of every village under the prefix, set-based: each figure is one grouped query of its module
	 * (petition, mediation, grid) over the whole prefix, not a handful of small queries per village (a city of
	 * 2,600 villages: bench/villages.sh). The one path to the values: a single village, the county page and the
	 * report's summary all come through here.
	 */
	private Map<String, Map<String, Double>> valuesUnder(String prefix, List<Region> villages, LocalDate from, LocalDate to) {
		LocalDate today = today();
		var petitionCounts = petitions.byVillage(prefix, from, to, today);
		var coverage = patrols.coverageByVillage(prefix, from, to);
		var mediated = mediation.byVillage(prefix, from, to);
		var red = mediation.openRedByVillage(prefix);
		Map<String, Map<String, Double>> out = new LinkedHashMap<>();
		for (Region v : villages) {
			out.put(v.code(), measure(petitionCounts.getOrDefault(v.code(), NO_PETITIONS), coverage.getOrDefault(v.code(), NO_GRID),
					mediated.getOrDefault(v.code(), NO_MEDIATION), red.getOrDefault(v.code(), 0L)));
		}
		return out;
	}

	/** The values of every village under the prefix (for the test that compares them with each village's own figures). */
	Map<String, Map<String, Double>> valuesUnder(String prefix, LocalDate from, LocalDate to) {
		return valuesUnder(prefix, villagesUnder(prefix), from, to);
	}

	private static final RegionFigures.Counts NO_PETITIONS = new RegionFigures.Counts(0, 0, 0, 0);

	private static final PatrolLog.Coverage NO_GRID = new PatrolLog.Coverage(0, 0, 0);

	private static final MediationFigures.Figures NO_MEDIATION = new MediationFigures.Figures(0, 0, 0, null);

	/** One village's indicator values from its module figures (the definitions above). */
	private static Map<String, Double> measure(RegionFigures.Counts p, PatrolLog.Coverage coverage, MediationFigures.Figures m, long openRed) {
		Map<String, Double> v = new LinkedHashMap<>();
		v.put("BEYOND_LEVEL", (double) p.beyondLevel());
		v.put("OPEN_RED_DISPUTES", (double) openRed);
		v.put("OVERDUE_REPEATS", (double) p.overdueRepeats());
		v.put("REPORTING_RATE", coverage.rate());
		v.put("MEDIATION_SUCCESS_RATE", m.successRate());
		v.put("PETITIONS_PER_THOUSAND", coverage.households() == 0 ? null : Math.round(1000.0 * p.received() / coverage.households() * 100) / 100.0);
		return v;
	}

	@Transactional(readOnly = true)
	public Assessment assess(String villageCode, int year) {
		Region village = village(villageCode);
		LocalDate[] period = period(year);
		return new Assessment(village.code(), village.name(), year, period[0], period[1],
				VillageRatingRule.evaluate(indicators(), values(villageCode, period[0], period[1])));
	}

	/** A rating year: 1 January to 31 December, or to today in the current year; a year to come: 400. */
	private LocalDate[] period(int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate to = end.isAfter(today()) ? today() : end;
		if (to.isBefore(from)) {
			throw new DomainException.Invalid("year", "评定年度不能晚于今年");
		}
		return new LocalDate[] { from, to };
	}

	/** 自评: by the village (a 网格长 of one of its grids), once a year; the computed figures are kept as shown. */
	@Transactional
	public Rating selfAssess(String villageCode, Integer year, String note, Actor actor) {
		if (year == null) {
			throw new DomainException.Invalid("year", "请选择评定年度");
		}
		Region village = village(villageCode);
		boolean villageHead = actor.has(Role.GRID_WORKER) && grids.membershipsOf(actor.userId())
			.stream()
			.anyMatch(m -> m.duty() == Duty.HEAD && m.grid().villageCode().equals(village.code()));
		if (!villageHead) {
			throw new DomainException.Forbidden("由本村（社区）网格长提交自评");
		}
		Assessment a = assess(villageCode, year);
		String kind = titleUntil(villageCode).filter(until -> !until.isBefore(LocalDate.of(year, 1, 1))).isPresent() ? "REVIEW" : "GRANT";
		int n = jdbc.sql("""
				INSERT INTO village_rating (village_code, year, kind, status, eligible, figures, self_by, self_note, self_at)
				VALUES (?, ?, ?, 'SELF_ASSESSED', ?, ?, ?, ?, ?) ON CONFLICT (village_code, year) DO NOTHING""")
			.params(villageCode, year, kind, a.result().eligible(), text(a.result()), actor.userId(), blankToNull(note), now())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict(year + "年度已提交自评");
		}
		audit.record(actor.label(), "VILLAGE_SELF_ASSESSED", villageCode, year + "");
		return rating(villageCode, year).orElseThrow();
	}

	/** 乡镇审核: the township's 矛调中心; a village that missed a threshold item passes only with a 情况说明, a veto item never. */
	@Transactional
	public Rating townshipReview(long id, Decision in, Actor actor) {
		Rating r = byId(id);
		String township = r.villageCode().substring(0, 9);
		if (!(Oversight.regionPrefix(actor).map(township::equals).orElse(false) && actor.has(Role.DISPUTE_CENTER))) {
			throw new DomainException.Forbidden("由乡镇（街道）矛调中心审核");
		}
		if (in == null || in.pass() == null) {
			throw new DomainException.Invalid("pass", "请选择审核结论");
		}
		if (actor.userId() == selfBy(id)) {
			throw new DomainException.Forbidden("自评人不能审核本村（社区）的评定");
		}
		Assessment now = assess(r.villageCode(), r.year());
		if (in.pass() && !VillageRatingRule.mayPassWithExplanation(now.result(), in.note())) {
			throw new DomainException.Invalid("note", now.result().vetoed() ? "存在一票否决项，不能审核通过：" + String.join("；", now.result().why())
					: "有指标未达标，审核通过须写明情况说明（至少10个字）：" + String.join("；", now.result().why()));
		}
		move(r, in.version(), "SELF_ASSESSED", in.pass() ? "TOWNSHIP_REVIEWED" : "REJECTED",
				"township_by = ?, township_note = ?, township_at = ?", actor.userId(), blankToNull(in.note()), now());
		audit.record(actor.label(), "VILLAGE_TOWNSHIP_REVIEWED", r.villageCode(), r.year() + (in.pass() ? " 通过" : " 不通过"));
		return byId(id);
	}

	/**
	 * 县级审批: the county's 矛调中心 or 信访局 (a scope of the county or wider, never the village's or
	 * township's own): approval grants the title for two years, or keeps it at an annual review; a review
	 * not approved withdraws it.
	 */
	@Transactional
	public Rating countyApprove(long id, Decision in, Actor actor) {
		Rating r = byId(id);
		String prefix = Oversight.regionPrefix(actor).orElse("");
		if (prefix.length() > 6 || !r.villageCode().startsWith(prefix) || prefix.isEmpty()
				|| !actor.hasAny(Role.DISPUTE_CENTER, Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER)) {
			throw new DomainException.Forbidden("由县级审批，村（社区）、乡镇（街道）不能审批");
		}
		if (actor.userId() == selfBy(id)) {
			throw new DomainException.Forbidden("自评人不能审批本村（社区）的评定");
		}
		if (in == null || in.pass() == null) {
			throw new DomainException.Invalid("pass", "请选择审批结论");
		}
		LocalDate today = today();
		boolean review = "REVIEW".equals(r.kind());
		LocalDate until = in.pass() ? (review ? titleUntil(r.villageCode()).orElse(today.plusYears(TITLE_YEARS)) : today.plusYears(TITLE_YEARS)) : null;
		move(r, in.version(), "TOWNSHIP_REVIEWED", in.pass() ? "APPROVED" : "REJECTED",
				"county_by = ?, county_note = ?, county_at = ?, title_until = ?", actor.userId(), blankToNull(in.note()), now(), until);
		if (!in.pass() && review) {
			// the annual review not approved: the title held is withdrawn today
			jdbc.sql("UPDATE village_rating SET title_until = ? WHERE village_code = ? AND status = 'APPROVED' AND title_until >= ?")
				.params(today.minusDays(1), r.villageCode(), today)
				.update();
		}
		audit.record(actor.label(), "VILLAGE_COUNTY_DECIDED", r.villageCode(), r.year() + (in.pass() ? " 批准" : " 不批准"));
		return byId(id);
	}

	/** The county page: every village of the county with its computed rating, why, its rating's status and its title. */
	@Transactional(readOnly = true)
	public List<VillageLine> county(String countyCode, int year, Actor actor) {
		if (countyCode == null || !countyCode.matches("\\d{6}") || !Oversight.oversees(actor, countyCode)
				&& !Oversight.regionPrefix(actor).map(p -> p.startsWith(countyCode)).orElse(false)) {
			throw new DomainException.NotFound("没有该县市区的评定");
		}
		String prefix = Oversight.regionPrefix(actor).filter(p -> p.startsWith(countyCode)).orElse(countyCode);
		List<VillageLine> out = new ArrayList<>();
		LocalDate today = today();
		LocalDate[] period = period(year);
		List<Region> villages = villagesUnder(prefix);
		// the page's villages measured at once (the same values as assess() of each, by construction: valuesUnder)
		Map<String, Map<String, Double>> values = valuesUnder(prefix, villages, period[0], period[1]);
		List<VillageRatingRule.Indicator> indicators = indicators();
		for (Region v : villages) {
			VillageRatingRule.Result result = VillageRatingRule.evaluate(indicators, values.get(v.code()));
			Optional<Rating> rating = rating(v.code(), year);
			Optional<LocalDate> until = titleUntil(v.code());
			out.add(new VillageLine(v.code(), v.name(), directory.regionName(v.parentCode()), result, rating.map(Rating::statusLabel).orElse("未自评"),
					until.orElse(null), until.map(u -> !u.isBefore(today)).orElse(false)));
		}
		return out;
	}

	/**
	 * A place's 无上访村(社区) figures for a year, for the annual report: the same computed rating as the
	 * county page ({@link #assess}) for every village and community under the prefix, and the year's
	 * ratings as decided. Definitions: docs/indicators.md, 无上访村（社区）.
	 *
	 * @param villages      村（社区） under the prefix
	 * @param eligible      those whose computed rating for the year meets every active indicator
	 * @param vetoed        those failing at least one 一票否决 item
	 * @param missed        those failing threshold items only
	 * @param selfAssessed  the year's ratings submitted (自评), whatever became of them
	 * @param granted       the year's first ratings (GRANT) approved by the county: titles granted
	 * @param kept          the year's annual reviews approved: titles kept
	 * @param withdrawn     the year's annual reviews the county did not approve: titles withdrawn
	 * @param holding       villages holding the title on {@code asOf}
	 * @param asOf          the end of the year, or today within the current year
	 */
	public record Summary(int villages, int eligible, int vetoed, int missed, int selfAssessed, int granted, int kept, int withdrawn,
			int holding, LocalDate asOf) {
	}

	@Transactional(readOnly = true)
	public Summary summary(String regionPrefix, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		LocalDate to = end.isAfter(today()) ? today() : end;
		List<Region> villages = villagesUnder(regionPrefix);
		int eligible = 0;
		int vetoed = 0;
		if (!to.isBefore(from)) {
			List<VillageRatingRule.Indicator> indicators = indicators();
			// the one rule and the one set of values the county page shows, measured for all the villages at once
			Map<String, Map<String, Double>> values = valuesUnder(regionPrefix, villages, from, to);
			for (Region v : villages) {
				VillageRatingRule.Result r = VillageRatingRule.evaluate(indicators, values.get(v.code()));
				eligible += r.eligible() ? 1 : 0;
				vetoed += r.vetoed() ? 1 : 0;
			}
		}
		record Counts(int self, int granted, int kept, int withdrawn) {
		}
		Counts c = jdbc.sql("""
				SELECT count(*),
				       count(*) FILTER (WHERE kind = 'GRANT' AND status = 'APPROVED'),
				       count(*) FILTER (WHERE kind = 'REVIEW' AND status = 'APPROVED'),
				       count(*) FILTER (WHERE kind = 'REVIEW' AND status = 'REJECTED' AND county_by IS NOT NULL)
				FROM village_rating WHERE village_code LIKE ? AND year = ?""")
			.params(regionPrefix + "%", year)
			.query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
		// holding on asOf: an approval decided by then whose title runs to asOf or later (a withdrawal has cut it to the day before)
		int holding = jdbc.sql("""
				SELECT count(DISTINCT village_code) FROM village_rating
				WHERE village_code LIKE ? AND status = 'APPROVED' AND title_until >= ? AND county_at < ?""")
			.params(regionPrefix + "%", to, to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toOffsetDateTime())
			.query(Integer.class)
			.single();
		return new Summary(villages.size(), eligible, vetoed, villages.size() - eligible - vetoed, c.self(), c.granted(), c.kept(),
				c.withdrawn(), holding, to);
	}

	/** One county's (or functional zone's) line of the by-county table: its code, its name and its {@link #summary}. */
	public record CountySummary(String code, String name, Summary summary) {
	}

	/**
	 * The annual report's by-county table: {@link #summary} of every county and functional zone under the
	 * prefix, in the directory's order (each village is in exactly one, so the lines add up to the summary
	 * of the prefix).
	 */
	@Transactional(readOnly = true)
	public List<CountySummary> summaryByCounty(String regionPrefix, int year) {
		return directory.counties()
			.stream()
			.filter(c -> c.code().startsWith(regionPrefix) || regionPrefix.startsWith(c.code()))
			.map(c -> new CountySummary(c.code(), c.name(), summary(regionPrefix.startsWith(c.code()) ? regionPrefix : c.code(), year)))
			.toList();
	}

	private List<Region> villagesUnder(String prefix) {
		List<Region> out = new ArrayList<>();
		for (Region county : directory.counties()) {
			if (!county.code().startsWith(prefix) && !prefix.startsWith(county.code())) {
				continue;
			}
			for (Region township : directory.regionChildren(county.code())) {
				if (!township.code().startsWith(prefix) && !prefix.startsWith(township.code())) {
					continue;
				}
				directory.regionChildren(township.code()).stream().filter(v -> v.level() == Region.Level.VILLAGE && v.code().startsWith(prefix))
					.forEach(out::add);
			}
		}
		return out;
	}

	@Transactional(readOnly = true)
	public Optional<Rating> rating(String villageCode, int year) {
		return jdbc.sql("SELECT id FROM village_rating WHERE village_code = ? AND year = ?").params(villageCode, year).query(Long.class)
			.optional().map(this::byId);
	}

	/** The date up to which the village holds the title, from its latest approved grant or review. */
	@Transactional(readOnly = true)
	public Optional<LocalDate> titleUntil(String villageCode) {
		return jdbc.sql("SELECT max(title_until) FROM village_rating WHERE village_code = ? AND status = 'APPROVED'")
			.param(villageCode)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional()
			.filter(Objects::nonNull);
	}

	// ------------------------------------------------------------------ internals

	private Region village(String code) {
		Region v = code == null ? null : directory.region(code).orElse(null);
		if (v == null || v.level() != Region.Level.VILLAGE) {
			throw new DomainException.Invalid("villageCode", "请选择村（社区）");
		}
		return v;
	}

	private long selfBy(long id) {
		return jdbc.sql("SELECT self_by FROM village_rating WHERE id = ?").param(id).query(Long.class).single();
	}

	private void move(Rating r, Integer version, String from, String to, String set, Object... values) {
		if (version == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		if (!from.equals(r.status())) {
			throw new DomainException.Conflict("该评定当前为“" + r.statusLabel() + "”，不能办理此步骤");
		}
		List<Object> params = new ArrayList<>();
		params.add(to);
		params.addAll(Arrays.asList(values));
		params.add(r.id());
		params.add(version);
		params.add(from);
		int n = jdbc.sql("UPDATE village_rating SET status = ?, " + set + ", version = version + 1 WHERE id = ? AND version = ? AND status = ?")
			.params(params)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该评定已被他人办理，请刷新后重试");
		}
	}

	private Rating byId(long id) {
		return jdbc.sql("""
				SELECT r.id, r.village_code, r.year, r.kind, r.status, r.eligible, r.figures, s.display_name AS self_by, r.self_note,
				       t.display_name AS township_by, r.township_note, c.display_name AS county_by, r.county_note, r.title_until, r.version
				FROM village_rating r JOIN app_user s ON s.id = r.self_by LEFT JOIN app_user t ON t.id = r.township_by
				LEFT JOIN app_user c ON c.id = r.county_by WHERE r.id = ?""")
			.param(id)
			.query((rs, n) -> new Rating(rs.getLong(1), rs.getString(2), directory.regionName(rs.getString(2)), rs.getInt(3),
					rs.getString(4), rs.getString(5), statusLabel(rs.getString(5)), rs.getBoolean(6), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
					rs.getObject(14, LocalDate.class), rs.getInt(15)))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("评定不存在"));
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "SELF_ASSESSED" -> "已自评，待乡镇审核";
			case "TOWNSHIP_REVIEWED" -> "乡镇已审核，待县级审批";
			case "APPROVED" -> "县级已批准";
			case "REJECTED" -> "未通过";
			default -> status;
		};
	}

	private static String text(VillageRatingRule.Result r) {
		return String.join("；", r.lines().stream().map(l -> (l.passed() ? "达标 " : l.veto() ? "否决 " : "未达标 ") + l.note()).toList());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
