package com.xinfang.publicity;

import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits to the public challenge, counted so that the report's "访问 N 人次" is a figure the product
 * computes. Definition: a <b>page view</b> (访问人次) is one load of a challenge page (home, a round,
 * a result, the leaderboard, a certificate check) rendered by the server for a browser; API calls,
 * images, scripts and styles are not counted. A <b>visitor</b> (访客) is one browser on one Beijing
 * day, recognised by a random first-party cookie that carries no personal data; a browser that
 * refuses cookies is counted again on each load, so the visitor figure is an upper bound.
 */
@Service
public class Visits {

	private final JdbcClient jdbc;

	private final Clock clock;

	Visits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public void record(String visitor) {
		jdbc.sql("SET LOCAL synchronous_commit = off").update(); // a page view need not wait for the disk
		jdbc.sql("INSERT INTO quiz_visit (day, visitor, views) VALUES (?, ?, 1) ON CONFLICT (day, visitor) DO UPDATE SET views = quiz_visit.views + 1")
			.params(LocalDate.now(clock.withZone(BeijingTime.ZONE)), visitor)
			.update();
	}

	public record Day(LocalDate day, long pageViews, long visitors) {
	}

	public record Totals(long pageViews, long visitorDays) {
	}

	@Transactional(readOnly = true)
	public List<Day> byDay(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT day, sum(views) AS page_views, count(*) AS visitors FROM quiz_visit WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day")
			.params(from, to)
			.query(Rows.of(Day.class))
			.list();
	}

	@Transactional(readOnly = true)
	public Totals totals(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT coalesce(sum(views), 0) AS page_views, count(*) AS visitor_days FROM quiz_visit WHERE day BETWEEN ? AND ?")
			.params(from, to)
			.query(Rows.of(Totals.class))
			.single();
	}

}
