package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warnings (早期预警) of unusual growth by {@link GrowthRule}: of a 类案 in its county, and of a
 * content category in a county or a township, each against its own history. Swept in the
 * background ({@link ClassCaseJob}); a warning is one row whose primary key is subject, place and
 * window end, and a subject and place warned less than a window ago is not warned again, so
 * several nodes sweeping at once raise each warning once. Read by the supervisor's board and the
 * leader's dashboard, within the reader's region.
 */
@Service
public class Warnings {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final ClassCases classes;

	private final Clock clock;

	Warnings(JdbcClient jdbc, Directory directory, ClassCases classes, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.classes = classes;
		this.clock = clock;
	}

	/** A warning as shown: what grew, where, this window's count against the weekly mean before, and where to look. */
	public record Warning(String type, String subject, String place, int count, double mean, LocalDate weekEnd, String link) {
	}

	public static String rule() {
		return GrowthRule.definition();
	}

	@Transactional
	public int sweep() {
		return sweep(LocalDate.now(clock.withZone(BeijingTime.ZONE)));
	}

	/** Raises the warnings of the window ending with {@code today} (Beijing days); the number raised. */
	@Transactional
	public int sweep(LocalDate today) {
		OffsetDateTime end = today.plusDays(1).atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
		OffsetDateTime start = end.minusDays((long) GrowthRule.WINDOW_DAYS * (GrowthRule.HISTORY_WEEKS + 1));
		Map<List<String>, int[]> counts = new HashMap<>();
		int weeks = GrowthRule.HISTORY_WEEKS + 1;
		long window = GrowthRule.WINDOW_DAYS * 86_400L;
		jdbc.sql("""
				SELECT p.category_code, r.code, floor(extract(epoch FROM (?::timestamptz - p.received_at)) / ?)::int, count(*)
				FROM petition_fact p CROSS JOIN LATERAL (VALUES (substring(p.region_code, 1, 6)),
				    (CASE WHEN length(p.region_code) >= 9 THEN substring(p.region_code, 1, 9) END)) AS r(code)
				WHERE p.received_at >= ? AND p.received_at < ? AND p.category_code IS NOT NULL AND r.code IS NOT NULL
				GROUP BY 1, 2, 3""")
			.params(end, window, start, end)
			.query((rs, n) -> counts.computeIfAbsent(List.of("CATEGORY", rs.getString(1), rs.getString(2)), k -> new int[weeks])[rs.getInt(3)] += rs.getInt(4))
			.list();
		jdbc.sql("""
				SELECT m.class_id, c.county_code, floor(extract(epoch FROM (?::timestamptz - p.received_at)) / ?)::int, count(*)
				FROM casefile_class_member m JOIN casefile_class c ON c.id = m.class_id JOIN petition_fact p ON p.id = m.petition_id
				WHERE c.merged_into IS NULL AND p.received_at >= ? AND p.received_at < ?
				GROUP BY 1, 2, 3""")
			.params(end, window, start, end)
			.query((rs, n) -> counts.computeIfAbsent(List.of("CLASS", Long.toString(rs.getLong(1)), rs.getString(2)), k -> new int[weeks])[rs.getInt(3)] += rs.getInt(4))
			.list();
		int raised = 0;
		for (var e : counts.entrySet()) {
			int[] c = e.getValue();
			int[] history = Arrays.copyOfRange(c, 1, weeks);
			Optional<GrowthRule> alert = GrowthRule.alert(c[0], history);
			if (alert.isEmpty()) {
				continue;
			}
			raised += jdbc.sql("""
					INSERT INTO casefile_warning (subject_type, subject_key, region_code, week_end, count, baseline_mean, baseline_sd, raised_at)
					SELECT ?, ?, ?, ?, ?, ?, ?, ?
					WHERE NOT EXISTS (SELECT 1 FROM casefile_warning w WHERE w.subject_type = ? AND w.subject_key = ?
					    AND w.region_code = ? AND w.week_end > ? AND w.week_end <= ?)
					ON CONFLICT DO NOTHING""")
				.params(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), today, alert.get().current(),
						Math.round(alert.get().mean() * 100) / 100.0, Math.round(alert.get().sd() * 100) / 100.0,
						OffsetDateTime.now(clock), e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
						today.minusDays(GrowthRule.WINDOW_DAYS), today)
				.update();
		}
		return raised;
	}

	/** The warnings of the last two windows in the reader's region, newest first. */
	@Transactional(readOnly = true)
	public List<Warning> visibleTo(Actor actor) {
		if (!actor.isStaff() || actor.scope().type() != DataScope.Type.REGION) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		record Row(String subjectType, String subjectKey, String regionCode, LocalDate weekEnd, int count, double baselineMean) {
		}
		List<Row> rows = jdbc.sql("SELECT subject_type, subject_key, region_code, week_end, count, baseline_mean FROM casefile_warning "
				+ "WHERE region_code LIKE ? AND week_end > ? ORDER BY week_end DESC, count DESC LIMIT 50")
			.params(actor.scope().value() + "%", today.minusDays(2L * GrowthRule.WINDOW_DAYS))
			.query(Rows.of(Row.class))
			.list();
		List<Warning> out = new ArrayList<>();
		for (Row r : rows) {
			String place = directory.regionPath(r.regionCode());
			if ("CLASS".equals(r.subjectType())) {
				classes.summary(Long.parseLong(r.subjectKey()), actor)
					.ifPresent(s -> out.add(new Warning("类案", s.name(), place, r.count(), r.baselineMean(), r.weekEnd(),
							"/console/class-cases/" + s.id())));
			}
			else {
				out.add(new Warning("类别", directory.categoryName(r.subjectKey()), place, r.count(), r.baselineMean(), r.weekEnd(),
						"/console/petitions?regionCode=" + r.regionCode() + "&categoryCode=" + r.subjectKey()));
			}
		}
		return out;
	}

}
