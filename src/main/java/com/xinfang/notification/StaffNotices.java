package com.xinfang.notification;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.BeijingTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminders and warnings addressed to a person's unit and roles. */
@Service
public class StaffNotices {

	/** The width of staff_notice.text. */
	static final int MAX_TEXT = 300;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Tells the given roles of a unit about a matter, in the caller's transaction; long texts are cut. */
	@Transactional
	public void send(String unitCode, Collection<Role> roles, long petitionId, String text) {
		String fitted = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
		for (var role : roles) {
			jdbc.sql("INSERT INTO staff_notice (unit_code, role, petition_id, text, created_at) VALUES (?,?,?,?,?)")
				.params(unitCode, role.name(), petitionId, fitted, OffsetDateTime.now(clock))
				.update();
		}
	}

	public record Notice(long id, String number, String text, OffsetDateTime createdAt) {
	}

	@Transactional(readOnly = true)
	public List<Notice> unread(Actor actor, int limit) {
		if (actor.unitCode() == null || actor.roles().isEmpty()) {
			return List.of();
		}
		List<String> roles = actor.roles().stream().map(Enum::name).toList();
		return jdbc.sql("SELECT n.id, p.number, n.text, n.created_at FROM staff_notice n JOIN petition_ref p ON p.id = n.petition_id "
				+ "WHERE n.read_at IS NULL AND n.unit_code = ? AND n.role IN (" + String.join(",", Collections.nCopies(roles.size(), "?"))
				+ ") ORDER BY n.created_at DESC LIMIT ?")
			.params(concat(actor.unitCode(), roles, limit))
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
					BeijingTime.of(rs.getObject(4, OffsetDateTime.class))))
			.list();
	}

	private static List<Object> concat(String unit, List<String> roles, int limit) {
		List<Object> params = new ArrayList<>();
		params.add(unit);
		params.addAll(roles);
		params.add(limit);
		return params;
	}

}
