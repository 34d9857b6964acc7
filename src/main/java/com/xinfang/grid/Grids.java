package com.xinfang.grid;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The grids, their workers and the workers' status. */
@Service
public class Grids {

	private static final String GRID_SELECT = "SELECT g.code, g.name, g.village_code, r.name AS village_name, g.households, "
			+ "g.boundary::text AS boundary FROM grid g JOIN region r ON r.code = g.village_code ";

	private final JdbcClient jdbc;

	private final Clock clock;

	Grids(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A worker in a grid. */
	public record Member(long userId, String name, Duty duty, WorkerStatus status, LocalDate since, int version) {

		public String dutyLabel() {
			return duty.label();
		}

		public String statusLabel() {
			return status.label();
		}

	}

	/** A grid as one worker holds it. */
	public record Membership(Grid grid, Duty duty, WorkerStatus status) {
	}

	@Transactional(readOnly = true)
	public Optional<Grid> grid(String code) {
		if (!Grid.isGridCode(code)) {
			return Optional.empty();
		}
		return jdbc.sql(GRID_SELECT + "WHERE g.code = ?").param(code).query(Rows.of(Grid.class)).optional();
	}

	/** The grids under a region (village, township or county code prefix), in code order. */
	@Transactional(readOnly = true)
	public List<Grid> under(String regionPrefix) {
		return jdbc.sql(GRID_SELECT + "WHERE g.village_code LIKE ? ORDER BY g.code")
			.param(regionPrefix + "%")
			.query(Rows.of(Grid.class))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Membership> membershipsOf(long userId) {
		return jdbc.sql(GRID_SELECT.replace("FROM grid g", ", m.duty, m.status FROM grid g JOIN grid_member m ON m.grid_code = g.code")
				+ "WHERE m.user_id = ? ORDER BY g.code")
			.param(userId)
			.query((rs, n) -> new Membership(new Grid(rs.getString("code"), rs.getString("name"), rs.getString("village_code"),
					rs.getString("village_name"), rs.getInt("households"), rs.getString("boundary")),
					Duty.valueOf(rs.getString("duty")), WorkerStatus.valueOf(rs.getString("status"))))
			.list();
	}

	@Transactional(readOnly = true)
	public boolean isMember(long userId, String gridCode) {
		return jdbc.sql("SELECT count(*) FROM grid_member WHERE user_id = ? AND grid_code = ?")
			.params(userId, gridCode)
			.query(Integer.class)
			.single() > 0;
	}

	@Transactional(readOnly = true)
	public List<Member> membersOf(String gridCode) {
		return jdbc.sql("""
				SELECT m.user_id, u.display_name, m.duty, m.status, m.since, m.version
				FROM grid_member m JOIN app_user u ON u.id = m.user_id WHERE m.grid_code = ? ORDER BY m.duty, u.display_name""")
			.param(gridCode)
			.query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), Duty.valueOf(rs.getString(3)),
					WorkerStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getInt(6)))
			.list();
	}

	/** A grid the actor may see: their own as a worker, or one in the region they oversee; else 404. */
	@Transactional(readOnly = true)
	public Grid visible(String code, Actor actor) {
		Grid grid = grid(code).orElseThrow(() -> new DomainException.NotFound("网格不存在"));
		if (Oversight.oversees(actor, grid.villageCode()) || isMember(actor.userId(), code)) {
			return grid;
		}
		throw new DomainException.NotFound("网格不存在");
	}

	/** Puts a staff account with the grid-worker role into a grid (administrators, the township's 矛调中心, the demo). */
	@Transactional
	public Member addMember(String gridCode, long userId, Duty duty, Actor actor) {
		Grid grid = grid(gridCode).orElseThrow(() -> new DomainException.NotFound("网格不存在"));
		if (actor != null && !(actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN) && Oversight.oversees(actor, grid.villageCode()))) {
			throw new DomainException.Forbidden("只有乡镇（街道）或县级矛调中心可以配备网格员");
		}
		if (duty == null) {
			throw new DomainException.Invalid("duty", "请选择网格长或网格员");
		}
		boolean worker = jdbc.sql("SELECT count(*) FROM user_role WHERE user_id = ? AND role = 'GRID_WORKER'")
			.param(userId).query(Integer.class).single() > 0;
		if (!worker) {
			throw new DomainException.Invalid("userId", "该账号不是网格员账号");
		}
		try {
			jdbc.sql("INSERT INTO grid_member (grid_code, user_id, duty, status, since) VALUES (?, ?, ?, 'ON_DUTY', ?)")
				.params(gridCode, userId, duty.name(), today())
				.update();
			startPeriod(gridCode, userId, WorkerStatus.ON_DUTY, today());
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException.Conflict(duty == Duty.HEAD ? "该网格已有网格长，或此人已在该网格" : "此人已在该网格");
		}
		return membersOf(gridCode).stream().filter(m -> m.userId() == userId).findFirst().orElseThrow();
	}

	/** 在岗 / 临时抽调 / 休假, changed by the township (conditional on the version the page showed). */
	@Transactional
	public Member changeStatus(String gridCode, long userId, WorkerStatus status, int version, Actor actor) {
		Grid grid = visible(gridCode, actor);
		if (!actor.hasAny(Role.DISPUTE_CENTER, Role.ADMIN) || !Oversight.oversees(actor, grid.villageCode())) {
			throw new DomainException.Forbidden("只有乡镇（街道）或县级矛调中心可以调整网格员状态");
		}
		if (status == null) {
			throw new DomainException.Invalid("status", "请选择在岗、临时抽调或休假");
		}
		LocalDate today = today();
		int n = jdbc.sql("UPDATE grid_member SET status = ?, since = ?, version = version + 1 WHERE grid_code = ? AND user_id = ? AND version = ?")
			.params(status.name(), today, gridCode, userId, version)
			.update();
		if (n == 0) {
			if (membersOf(gridCode).stream().noneMatch(m -> m.userId() == userId)) {
				throw new DomainException.NotFound("该网格没有此网格员");
			}
			throw new DomainException.Conflict("该网格员的状态已被他人修改，请刷新后重试");
		}
		// the history (same transaction, after the version-guarded update: the loser of a race changes nothing)
		startPeriod(gridCode, userId, status, today);
		return membersOf(gridCode).stream().filter(m -> m.userId() == userId).findFirst().orElseThrow();
	}

	/**
	 * Ends the worker's open status period in the grid the day before and opens one with the new status
	 * from the day; a period opened the same day is replaced (the status set last on a day holds for it).
	 * Package-visible for the demo data.
	 */
	void startPeriod(String gridCode, long userId, WorkerStatus status, LocalDate day) {
		jdbc.sql("DELETE FROM grid_duty_period WHERE grid_code = ? AND user_id = ? AND to_day IS NULL AND from_day >= ?")
			.params(gridCode, userId, day)
			.update();
		jdbc.sql("UPDATE grid_duty_period SET to_day = ? WHERE grid_code = ? AND user_id = ? AND to_day IS NULL")
			.params(day.minusDays(1), gridCode, userId)
			.update();
		jdbc.sql("INSERT INTO grid_duty_period (grid_code, user_id, status, from_day) VALUES (?, ?, ?, ?)")
			.params(gridCode, userId, status.name(), day)
			.update();
	}

	/** Beijing's calendar day (the day a status is set on is a Beijing day, like the patrols' days). */
	private LocalDate today() {
		return LocalDate.now(clock.withZone(com.xinfang.platform.BeijingTime.ZONE));
	}

}
