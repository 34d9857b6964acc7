package com.xinfang.demo;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.coordination.CoordinationRecords;
import com.xinfang.coordination.JointHandling;
import com.xinfang.coordination.Recommendations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A few coordination records on top of the sample matters, made through the real services, so the
 * demo shows 吹哨报到, a leader's reception day, a joint meeting and a 三项建议 on first start.
 */
@Component
class DemoCoordination {

	private static final Logger log = LoggerFactory.getLogger(DemoCoordination.class);

	private final JointHandling joint;

	private final CoordinationRecords records;

	private final Recommendations recommendations;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoCoordination(JointHandling joint, CoordinationRecords records, Recommendations recommendations, Accounts accounts,
			JdbcClient jdbc, Clock clock) {
		this.joint = joint;
		this.records = records;
		this.recommendations = recommendations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The records; a failure is logged and skipped, or (strict) stops the start. */
	void seed(boolean strict) {
		try {
			Actor officer = accounts.actorByUsername("hr.officer").orElseThrow();
			Actor leader = accounts.actorByUsername("leader").orElseThrow();
			Actor supervisor = accounts.actorByUsername("city.supervisor").orElseThrow();
			LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
			List<String> hrMatters = jdbc.sql("""
					SELECT number FROM petition_ref WHERE responsible_unit_code = 'CD-HRSS' AND status = 'ACCEPTED' ORDER BY received_at LIMIT 2""")
				.query(String.class)
				.list();
			if (!hrMatters.isEmpty()) {
				joint.blowWhistle(hrMatters.get(0), new JointHandling.Whistle(List.of("CD-ZJJ", "CD-SCJG"),
						"欠薪涉及在建工程项目，请住建部门核查工程款拨付、市场监管部门核查施工企业登记情况", 3), officer);
			}
			var day = records.schedule(new CoordinationRecords.Schedule(leader.userId(), today.plusDays(5), "市信访局群众接待大厅",
					null, "劳动保障、征地拆迁类信访"), supervisor);
			if (hrMatters.size() > 1) {
				records.recordVisit(day.id(), hrMatters.get(1), "请市人社局一周内拿出解决方案，当面向信访人反馈", leader);
			}
			records.recordMeeting(new CoordinationRecords.NewMeeting(today.minusDays(2), "全市信访工作联席会议（第四季度）", null,
					"市政府办、市信访局、市人社局、市住建局、市市场监管局", "研究欠薪类、物业类重复信访的化解，明确责任单位和完成时限。", hrMatters,
					List.of(new CoordinationRecords.NewDecision("开展在建项目欠薪专项清理", "CD-HRSS", today.plusDays(30)),
							new CoordinationRecords.NewDecision("规范物业服务企业信用评价", "CD-ZJJ", today.plusDays(45)))), leader);
			recommendations.issue(new Recommendations.Issue("IMPROVEMENT", "CD-HRSS", "关于缩短工伤认定办理时限的建议",
					"近期工伤认定类信访集中，反映认定周期长。建议优化工伤认定流程，压缩办理时限，及时告知进度。", 30), supervisor);
		}
		catch (RuntimeException ex) {
			if (strict) {
				throw new IllegalStateException("demo coordination records could not be seeded", ex);
			}
			log.warn("Demo coordination records skipped: {}", ex.getMessage());
		}
	}

}
