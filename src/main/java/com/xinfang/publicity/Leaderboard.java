package com.xinfang.publicity;

import com.xinfang.platform.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaderboards of verified players: each person's best round of a day and of all time, ordered by
 * score (higher first), then time taken (shorter first), then who got there first. Kept at submission
 * in {@code quiz_best}, so reading a board reads its first rows of one index whatever the number of
 * rounds. Flagged rounds stay off the boards until the bureau clears them.
 */
@Service
public class Leaderboard {

	public static final String TOTAL = "TOTAL";

	static final int SIZE = 50;

	private final JdbcClient jdbc;

	Leaderboard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static String day(LocalDate day) {
		return "D" + day;
	}

	public record Entry(int rank, String nickname, String phoneMask, String countyCode, int score, long durationMs,
			OffsetDateTime achievedAt) {

		public String duration() {
			long s = durationMs / 1000;
			return s / 60 + "分" + String.format("%02d", s % 60) + "秒";
		}

	}

	public record CountyRow(String countyCode, long players, double averageScore, int bestScore) {
	}

	/** Records a round on the day's board and the total board, where it beats the person's best. */
	@Transactional
	void record(long roundId, String phoneIndex, String phoneMask, String nickname, String county, int score, long durationMs,
			OffsetDateTime at, LocalDate day) {
		for (String board : List.of(day(day), TOTAL)) {
			jdbc.sql("""
					INSERT INTO quiz_best (board, phone_index, phone_mask, nickname, county_code, score, duration_ms, achieved_at, round_id)
					VALUES (?,?,?,?,?,?,?,?,?)
					ON CONFLICT (board, phone_index) DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
					  achieved_at = excluded.achieved_at, round_id = excluded.round_id, nickname = excluded.nickname,
					  county_code = excluded.county_code
					WHERE excluded.score > quiz_best.score
					   OR (excluded.score = quiz_best.score AND excluded.duration_ms < quiz_best.duration_ms)""")
				.params(board, phoneIndex, phoneMask, nickname, county, score, durationMs, at, roundId)
				.update();
		}
	}

	@Transactional(readOnly = true)
	public List<Entry> top(String board, String county, int limit) {
		String sql = "SELECT nickname, phone_mask, county_code, score, duration_ms, achieved_at FROM quiz_best WHERE board = ?"
				+ (county == null ? "" : " AND county_code = ?") + " ORDER BY score DESC, duration_ms, achieved_at LIMIT ?";
		List<Object> params = new ArrayList<>();
		params.add(board);
		if (county != null) {
			params.add(county);
		}
		params.add(Math.min(limit, 200));
		List<Entry> out = new ArrayList<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			out.add(new Entry(out.size() + 1, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
					rs.getObject(6, OffsetDateTime.class)));
			return null;
		}).list();
		return out;
	}

	/** Players, average and best score per county on a board. */
	@Transactional(readOnly = true)
	public List<CountyRow> byCounty(String board) {
		return jdbc.sql("""
				SELECT county_code, count(*) AS players, round(avg(score), 1)::float8 AS average_score, max(score) AS best_score
				FROM quiz_best WHERE board = ? GROUP BY county_code ORDER BY average_score DESC, players DESC""")
			.param(board)
			.query(Rows.of(CountyRow.class))
			.list();
	}

}
