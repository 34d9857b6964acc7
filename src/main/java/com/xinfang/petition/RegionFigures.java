package com.xinfang.petition;

import com.xinfang.platform.BeijingTime;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of a place's petitions for other modules' ratings (the 无上访村(社区) rating of module
 * prevention): no names, no numbers, only counts by the matter's place (a region-code prefix).
 */
@Service
public class RegionFigures {

	/**
	 * received: matters received in the period; beyondLevel: of those, flagged 越级访 or 进京访; toBeijing: of
	 * those, flagged 进京访 (a part of beyondLevel); overdueRepeats: repeat matters (not the first time) still
	 * open now and past the limit of their current stage.
	 */
	public record Counts(long received, long beyondLevel, long toBeijing, long overdueRepeats) {
	}

	private static final String OPEN = "status NOT IN ('CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'DIVERTED')";

	private final JdbcClient jdbc;

	RegionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Counts of(String regionPrefix, LocalDate from, LocalDate to, LocalDate today) {
		var zone = BeijingTime.ZONE;
		String sql = "SELECT count(*) FILTER (WHERE received_at >= :from AND received_at < :until), "
				+ "count(*) FILTER (WHERE received_at >= :from AND received_at < :until AND (flags LIKE '%BEYOND_LEVEL%' OR flags LIKE '%TO_BEIJING%')), "
				+ "count(*) FILTER (WHERE received_at >= :from AND received_at < :until AND flags LIKE '%TO_BEIJING%'), "
				+ "count(*) FILTER (WHERE NOT first_time AND " + OPEN + " AND coalesce(handle_statutory, accept_statutory) < :today) "
				+ "FROM petition WHERE region_code LIKE :prefix";
		return jdbc.sql(sql)
			.param("from", from.atStartOfDay(zone).toOffsetDateTime())
			.param("until", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.param("today", today)
			.param("prefix", regionPrefix + "%")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * {@link #of} for every village and community under the prefix at once (the 无上访村 figures of a whole county or
	 * city): the same counts grouped by the matter's village (the first 12 digits of its place; a matter placed at a
	 * township or county belongs to no village and is left out, as {@code of(village)} leaves it out). Villages without
	 * a matter are absent.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<String, Counts> byVillage(String regionPrefix, LocalDate from, LocalDate to, LocalDate today) {
		var zone = BeijingTime.ZONE;
		String sql = "SELECT substr(region_code, 1, 12), "
				+ "count(*) FILTER (WHERE received_at >= :from AND received_at < :until), "
				+ "count(*) FILTER (WHERE received_at >= :from AND received_at < :until AND (flags LIKE '%BEYOND_LEVEL%' OR flags LIKE '%TO_BEIJING%')), "
				+ "count(*) FILTER (WHERE received_at >= :from AND received_at < :until AND flags LIKE '%TO_BEIJING%'), "
				+ "count(*) FILTER (WHERE NOT first_time AND " + OPEN + " AND coalesce(handle_statutory, accept_statutory) < :today) "
				+ "FROM petition WHERE region_code LIKE :prefix AND length(region_code) >= 12 GROUP BY 1";
		java.util.Map<String, Counts> out = new java.util.HashMap<>();
		jdbc.sql(sql)
			.param("from", from.atStartOfDay(zone).toOffsetDateTime())
			.param("until", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.param("today", today)
			.param("prefix", regionPrefix + "%")
			.query((rs, n) -> out.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
			.list();
		return out;
	}

}
