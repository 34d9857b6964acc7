package com.xinfang.petition;

import com.xinfang.platform.BeijingTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The timeline of a matter; entries marked as public milestones are what the petitioner sees. */
@Component
class History {

	private static final ZoneId BEIJING = BeijingTime.ZONE;

	private final JdbcClient jdbc;

	History(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long petitionId, Instant at, String actor, String action, Status from, Status to, String note,
			String publicMilestone) {
		jdbc.sql("""
				INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status, note, public_milestone)
				VALUES (?,?,?,?,?,?,?,?)""")
			.params(petitionId, OffsetDateTime.ofInstant(at, BEIJING), Confidentiality.historyActor(actor), action, from == null ? null : from.name(),
					to.name(), note, publicMilestone)
			.update();
	}

	List<PetitionViews.HistoryEntry> of(long petitionId) {
		return jdbc.sql("SELECT at, actor, action, from_status, to_status, note FROM petition_history WHERE petition_id = ? ORDER BY at, id")
			.param(petitionId)
			.query((rs, n) -> new PetitionViews.HistoryEntry(
					BeijingTime.of(rs.getObject("at", OffsetDateTime.class)),
					Confidentiality.historyActor(rs.getString("actor")), rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")),
					rs.getString("note")))
			.list();
	}

	private static Status status(String name) {
		return name == null ? null : Status.valueOf(name);
	}

	List<PetitionViews.Milestone> milestones(long petitionId) {
		return jdbc.sql("SELECT at, public_milestone FROM petition_history WHERE petition_id = ? AND public_milestone IS NOT NULL ORDER BY at, id")
			.param(petitionId)
			.query((rs, n) -> new PetitionViews.Milestone(
					BeijingTime.of(rs.getObject("at", OffsetDateTime.class)),
					rs.getString("public_milestone")))
			.list();
	}

}
