package com.xinfang.publicity;

import com.xinfang.platform.BeijingTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo publicity data, once, where the demo accounts exist (demo mode): a study material, a staff
 * exam open for a month, a few ledger activities and two list tasks. Like the other demo seeders,
 * a failure (or demo mode without its accounts) is logged and skipped, or with
 * {@code xinfang.demo.strict} stops the start: the integration tests rely on this data.
 */
@Component
class PublicityDemo {

	private static final Logger log = LoggerFactory.getLogger(PublicityDemo.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Environment env;

	PublicityDemo(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Environment env) {
		this.env = env;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		boolean strict = env.getProperty("xinfang.demo.strict", Boolean.class, false);
		try {
			seedOnce(strict && Boolean.TRUE.equals(env.getProperty("xinfang.demo.enabled", Boolean.class)));
		}
		catch (RuntimeException ex) {
			if (strict) {
				throw new IllegalStateException("demo publicity data could not be seeded", ex);
			}
			log.warn("Demo publicity data skipped: {}", ex.getMessage());
		}
	}

	private void seedOnce(boolean demoRequired) {
		Optional<Long> registrar = jdbc.sql("SELECT id FROM app_user WHERE username = 'city.registrar'").query(Long.class).optional();
		if (registrar.isEmpty() && demoRequired) {
			throw new IllegalStateException("demo mode without the demo account city.registrar");
		}
		if (registrar.isEmpty() || jdbc.sql("SELECT count(*) FROM exam").query(Long.class).single() > 0) {
			return;
		}
		long by = registrar.get();
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		tx.executeWithoutResult(s -> {
			jdbc.sql("INSERT INTO study_material (title, body, law, created_by, created_at) VALUES (?,?,?,?,?)")
				.params("《信访工作条例》学习要点", """
						一、定位：信访工作是党的群众工作的重要组成部分（第三条）。
						二、格局：党委统一领导、政府组织落实、信访工作联席会议协调、信访部门推动、各方齐抓共管（第七条）。
						三、受理：信访部门收到信访事项应当登记，15日内转送、交办（第二十二条）；其他机关收到后15日内书面告知，转送有异议的5个工作日内提出（第二十三条）。
						四、办理：按诉求合理、无理、生活困难、行为违法分类处理（第二十七条）；申诉求决类事项依法应当通过诉讼、仲裁、行政复议等途径解决的，导入相应程序（第三十一条）；处理意见分支持、解释说明、不予支持（第三十二条）。
						五、期限：受理之日起60日内办结，复杂的经负责人批准可延长不超过30日并告知理由（第三十四条）；不服可在30日内请求复查、复核（第三十五、三十六条）。
						六、纪律：不得将检举、揭发材料透露或转给被检举人（第三十条、第四十六条）。""",
						"《信访工作条例》", by, now)
				.update();
			jdbc.sql("""
					INSERT INTO exam (title, kind, counts, points, opens_at, closes_at, duration_minutes, pass_score, max_attempts, created_by, created_at)
					VALUES (?, 'DRAWN', '{10,4,6,0}', '{5,5,5,5}', ?, ?, 30, 60, 2, ?, ?)""")
				.params(today.getYear() + "年度全局干部职工普法考试（《信访工作条例》）", now.minusDays(1), now.plusDays(30), by, now)
				.update();
			activity("MONTH", "“循法信访、依法办访”信访法治宣传月启动仪式", "430702", "CD-XFJ", today.minusDays(20), "武陵区丹阳街道市民广场", 3200, 600, 410, by, now);
			activity("CONSTITUTION_DAY", "12·4国家宪法日暨《信访工作条例》集中宣传", "430703", "CD-XFJ", today.minusDays(2), "鼎城区武陵镇文化广场", 1800, 350, 260, by, now);
			activity("LED", "城区LED屏滚动播放《信访工作条例》宣传标语", "430702", "CD-XFJ", today.minusDays(10), "市区主要路口LED屏", 0, 0, 0, by, now);
			activity("TRAINING", "全市信访干部《信访工作条例》专题培训", "430702", "CD-XFJ", today.minusDays(5), "市信访局三楼会议室", 120, 45, 0, by, now);
			jdbc.sql("INSERT INTO publicity_task (list, year, title, owner_unit, deadline, created_at) VALUES ('KEY', ?, ?, 'CD-XFJ', ?, ?), ('RESPONSIBILITY', ?, ?, 'CD-HRSS', ?, ?)")
				.params(today.getYear(), "组织开展《信访工作条例》宣传月活动", LocalDate.of(today.getYear(), 12, 31), now, today.getYear(),
						"在人社领域开展劳动保障法律法规宣传进企业活动", LocalDate.of(today.getYear(), 12, 31), now)
				.update();
		});
		log.info("Demo publicity data: a study material, a staff exam, four activities, two tasks");
	}

	private void activity(String kind, String title, String county, String unit, LocalDate on, String place, int materials, int attendees,
			int answered, long by, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO publicity_activity (kind, title, county_code, unit_code, held_on, place, materials, attendees, answered, created_by, created_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
			.params(kind, title, county, unit, on, place, materials, attendees, answered, by, now)
			.update();
	}

}
