package com.xinfang.grid;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Role;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.EmbeddedPostgresGuard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo grid workers and 矛调中心 staff for townships of 武陵区, 鼎城区 and 桃源县 (password Demo@2026),
 * and a few days of patrols, created once when demo data is on (as for the demo module).
 */
@Component
@Order(10)
class GridDemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private final Environment env;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	GridDemoData(Environment env, Accounts accounts, JdbcClient jdbc, Clock clock) {
		this.env = env;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean enabled() {
		Boolean explicit = env.getProperty("xinfang.demo.enabled", Boolean.class);
		return explicit != null ? explicit : EmbeddedPostgresGuard.embeddedDatabase(env);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!enabled() || accounts.exists("grid.worker")) {
			return;
		}
		// 武陵区 穿紫河街道
		long he = worker("grid.worker", "何网格", "WL-CZH");
		long luo = worker("grid.worker2", "罗网格", "WL-CZH");
		long tian = worker("grid.worker3", "田网格", "WL-CZH");
		member("430702001001001", he, Duty.HEAD, "ON_DUTY");
		member("430702001001002", he, Duty.MEMBER, "ON_DUTY");
		member("430702001002001", luo, Duty.HEAD, "ON_DUTY");
		member("430702001003001", tian, Duty.HEAD, "LEAVE");
		// 鼎城区 灌溪镇, 桃源县 漳江街道
		long gong = worker("dc.grid", "龚网格", "DC-GX");
		member("430703003001001", gong, Duty.HEAD, "ON_DUTY");
		member("430703003002001", gong, Duty.HEAD, "ON_DUTY");
		long qin = worker("ty.grid", "覃网格", "TY-ZJ");
		member("430725001001001", qin, Duty.HEAD, "ON_DUTY");
		member("430725001002001", qin, Duty.HEAD, "ON_DUTY");
		// the 矛调中心: township (街道综治中心) and county level
		staff("czh.center", "易主任", "WL-CZH");
		staff("wuling.center", "林主任", "WL-MTZX");
		staff("dingcheng.center", "邓主任", "DC-MTZX");
		staff("taoyuan.center", "向主任", "TY-MTZX");
		// a few days of patrols: 何网格 reports every day, 罗网格 missed yesterday, 龚网格 files 零报告
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		for (int back = 1; back <= 5; back++) {
			LocalDate day = today.minusDays(back);
			patrol("430702001001001", he, day, false, 12 + back, back == 2 ? 1 : 0, back == 3 ? 1 : 0, 0, "走访独居老人和出租户");
			if (back != 1) {
				patrol("430702001002001", luo, day, false, 8, 0, 0, back == 4 ? 1 : 0, "巡查小区消防通道");
			}
			patrol("430703003001001", gong, day, true, 0, 0, 0, 0, "零报告：当日未发现矛盾纠纷、群众诉求和安全隐患");
			patrol("430725001001001", qin, day, false, 10, 0, 1, 0, "入户走访");
		}
	}

	private long worker(String username, String name, String unit) {
		return accounts.createStaff(username, PASSWORD, name, unit, EnumSet.of(Role.GRID_WORKER));
	}

	private void staff(String username, String name, String unit) {
		accounts.createStaff(username, PASSWORD, name, unit, EnumSet.of(Role.DISPUTE_CENTER));
	}

	private void member(String grid, long user, Duty duty, String status) {
		LocalDate since = LocalDate.now(clock.withZone(BeijingTime.ZONE)).minusMonths(6);
		jdbc.sql("INSERT INTO grid_member (grid_code, user_id, duty, status, since) VALUES (?, ?, ?, ?, ?)")
			.params(grid, user, duty.name(), status, since)
			.update();
		jdbc.sql("INSERT INTO grid_duty_period (grid_code, user_id, status, from_day) VALUES (?, ?, ?, ?)")
			.params(grid, user, status, since)
			.update();
	}

	private void patrol(String grid, long user, LocalDate day, boolean zero, int households, int disputes, int demands,
			int hazards, String note) {
		jdbc.sql("""
				INSERT INTO grid_patrol (grid_code, user_id, day, zero_report, households_visited, disputes_found, demands_found,
				                         hazards_found, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(grid, user, day, zero, households, disputes, demands, hazards, note,
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

}
