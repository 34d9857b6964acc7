package com.xinfang.petition;

import com.xinfang.platform.Rows;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open matters whose clocks fall due by a date, for the deadline sweep. Reads through the partial
 * index on open deadlines, so its cost follows the number of due matters, not the table.
 */
@Service
public class DeadlineWatch {

	private final JdbcClient jdbc;

	DeadlineWatch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One open matter and its current clocks.
	 * @param phase ACCEPT (waiting for acceptance), HANDLE (in handling) or APPEAL (复查/复核)
	 * @param clockStart the day the current clocks started
	 */
	public record DueMatter(long id, String number, String title, String status, String phase, String responsibleUnitCode,
			String registeringUnitCode, String regionCode, LocalDate clockStart, LocalDate targetDue,
			LocalDate statutoryDue) {
	}

	@Transactional(readOnly = true)
	public List<DueMatter> dueBy(LocalDate until) {
		return jdbc.sql("""
				SELECT id, number, title, status,
				       CASE WHEN status IN ('REGISTERED','TRANSFERRED') THEN 'ACCEPT'
				            WHEN status IN ('REEXAMINATION','REVIEW') THEN 'APPEAL' ELSE 'HANDLE' END AS phase,
				       responsible_unit_code, registering_unit_code, region_code,
				       (CASE WHEN status IN ('REGISTERED','TRANSFERRED') THEN coalesce(routed_at, received_at)
				             WHEN status IN ('REEXAMINATION','REVIEW') THEN appeal_requested_at
				             ELSE accepted_at END AT TIME ZONE 'Asia/Shanghai')::date AS clock_start,
				       coalesce(handle_target, accept_target) AS target_due,
				       coalesce(handle_statutory, accept_statutory) AS statutory_due
				FROM petition
				WHERE %s
				  AND coalesce(handle_statutory, accept_statutory) <= ?
				ORDER BY coalesce(handle_statutory, accept_statutory)""".formatted(Status.sqlOpen(null)))
			.param(until)
			.query(Rows.of(DueMatter.class))
			.list();
	}

}
