package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 双沟通 records, investigation notes, mediation sessions, hearings and re-checks of a matter. */
@Component
class HandlingRecords {

	static final Map<String, String> LABELS = Map.of("COMMUNICATION", "线下沟通", "INVESTIGATION", "调查核实", "MEDIATION",
			"调解", "HEARING", "听证", "RECHECK", "不满意复核查");

	private final JdbcClient jdbc;

	HandlingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String label(String kind) {
		return LABELS.getOrDefault(kind, kind);
	}


	void add(long petitionId, String kind, Instant at, Actor actor, OffsetDateTime occurredAt, String contact,
			String summary, String outcome) {
		jdbc.sql("""
				INSERT INTO petition_record (petition_id, kind, at, actor, unit_code, occurred_at, contact, summary, outcome)
				VALUES (?,?,?,?,?,?,?,?,?)""")
			.params(petitionId, kind, PetitionActions.beijing(at), actor.label(), actor.unitCode(), occurredAt, contact, summary,
					outcome)
			.update();
	}

	/** A referral to mediation (访调结合) whose outcome has not come back yet. */
	boolean mediationPending(long petitionId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM petition_record r WHERE r.petition_id = ? AND r.kind = 'MEDIATION' AND r.outcome = 'REFERRED'
				  AND NOT EXISTS (SELECT 1 FROM petition_record o WHERE o.petition_id = r.petition_id AND o.kind = 'MEDIATION'
				                  AND o.outcome IN ('AGREED', 'NOT_AGREED') AND o.contact = r.contact AND o.id > r.id))""")
			.param(petitionId)
			.query(Boolean.class)
			.single();
	}

	boolean has(long petitionId, String kind, String contact, String outcome, String summary) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM petition_record WHERE petition_id = ? AND kind = ? AND contact = ? AND outcome = ? AND summary = ?)")
			.params(petitionId, kind, contact, outcome, summary)
			.query(Boolean.class)
			.single();
	}

	List<PetitionViews.RecordView> of(long petitionId) {
		return jdbc.sql("SELECT kind, at, actor, occurred_at, contact, summary, outcome FROM petition_record WHERE petition_id = ? ORDER BY at, id")
			.param(petitionId)
			.query((rs, n) -> new PetitionViews.RecordView(rs.getString(1), label(rs.getString(1)),
					BeijingTime.of(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), BeijingTime.of(rs.getObject(4, OffsetDateTime.class)),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
