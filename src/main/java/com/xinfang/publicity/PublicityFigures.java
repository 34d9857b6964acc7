package com.xinfang.publicity;

import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's 法治宣传 figures, as the annual 法治政府建设 report prints them; every figure is counted
 * from the records of this module with the definition written beside it.
 */
@Service
public class PublicityFigures {

	private final JdbcClient jdbc;

	PublicityFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param activities activities held in the year by kind (ledger, counties under the region prefix)
	 * @param materials 宣传资料 handed out (sum over activities)
	 * @param attendees people reached on the spot (sum; a training counts its attendance list when recorded)
	 * @param answered people answered on the spot (现场答疑)
	 * @param quizPageViews page views of the public challenge in the year (see {@link Visits})
	 * @param quizVisitors distinct browsers per day, summed over the year
	 * @param quizRounds rounds of the challenge handed in during the year
	 * @param quizPlayers distinct verified phones that played
	 * @param staff enabled staff accounts in units under the region prefix
	 * @param staffPassed of them, those who passed at least one staff exam held (opened) in the year
	 * @param tasks tasks of the year's two lists; tasksDone those reported done; tasksOnTime by their deadline
	 */
	public record Year(int year, Map<ActivityKind, Long> activities, long materials, long attendees, long answered, long quizPageViews,
			long quizVisitors, long quizRounds, long quizPlayers, long staff, long staffPassed, long tasks, long tasksDone,
			long tasksOnTime) {

		public long activitiesOf(ActivityKind k) {
			return activities.getOrDefault(k, 0L);
		}

		/** 普法考试通过率: staffPassed ÷ staff, null when there are no staff accounts. */
		public Double staffPassRate() {
			return staff == 0 ? null : (double) staffPassed / staff;
		}

	}

	@Transactional(readOnly = true)
	public Year year(int year, String regionPrefix) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		String prefix = (regionPrefix == null ? "" : regionPrefix) + "%";
		Map<ActivityKind, Long> kinds = new EnumMap<>(ActivityKind.class);
		jdbc.sql("SELECT kind, count(*) FROM publicity_activity WHERE held_on BETWEEN ? AND ? AND county_code LIKE ? GROUP BY kind")
			.params(from, to, prefix)
			.query((rs, n) -> kinds.put(ActivityKind.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		record Sums(long materials, long attendees, long answered) {
		}
		Sums sums = jdbc.sql("""
				SELECT coalesce(sum(a.materials), 0) AS materials,
				       coalesce(sum(CASE WHEN t.n > 0 THEN t.n ELSE a.attendees END), 0) AS attendees,
				       coalesce(sum(a.answered), 0) AS answered
				FROM publicity_activity a
				LEFT JOIN (SELECT activity_id, count(*) AS n FROM training_attendance GROUP BY activity_id) t ON t.activity_id = a.id
				WHERE a.held_on BETWEEN ? AND ? AND a.county_code LIKE ?""")
			.params(from, to, prefix)
			.query(Rows.of(Sums.class))
			.single();
		record Visits(long views, long visitors) {
		}
		Visits v = jdbc.sql("SELECT coalesce(sum(views), 0) AS views, count(*) AS visitors FROM quiz_visit WHERE day BETWEEN ? AND ?")
			.params(from, to)
			.query(Rows.of(Visits.class))
			.single();
		OffsetDateTime start = from.atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
		record Rounds(long rounds, long players) {
		}
		Rounds r = jdbc.sql("""
				SELECT count(*) AS rounds, count(DISTINCT phone_index) AS players FROM quiz_round
				WHERE status = 'SUBMITTED' AND day BETWEEN ? AND ? AND (county_code IS NULL OR county_code LIKE ?)""")
			.params(from, to, prefix)
			.query(Rows.of(Rounds.class))
			.single();
		record Staff(long staff, long passed) {
		}
		Staff s = jdbc.sql("""
				SELECT count(*) AS staff,
				       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM exam_attempt a JOIN exam e ON e.id = a.exam_id
				         WHERE a.user_id = u.id AND a.passed AND e.opens_at >= ? AND e.opens_at < ?)) AS passed
				FROM app_user u JOIN unit un ON un.code = u.unit_code WHERE u.kind = 'STAFF' AND u.enabled AND un.region_code LIKE ?""")
			.params(start, end, prefix)
			.query(Rows.of(Staff.class))
			.single();
		record Tasks(long tasks, long done, long onTime) {
		}
		Tasks t = jdbc.sql("""
				SELECT count(*) AS tasks, count(done_at) AS done,
				       count(*) FILTER (WHERE done_at IS NOT NULL AND (done_at AT TIME ZONE 'Asia/Shanghai')::date <= deadline) AS on_time
				FROM publicity_task p JOIN unit un ON un.code = p.owner_unit WHERE p.year = ? AND un.region_code LIKE ?""")
			.params(year, prefix)
			.query(Rows.of(Tasks.class))
			.single();
		return new Year(year, kinds, sums.materials(), sums.attendees(), sums.answered(), v.views(), v.visitors(), r.rounds(), r.players(),
				s.staff(), s.passed(), t.tasks(), t.done(), t.onTime());
	}

}
