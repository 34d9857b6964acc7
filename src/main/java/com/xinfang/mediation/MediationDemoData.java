package com.xinfang.mediation;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.mediation.Organisations.MediatorInput;
import com.xinfang.mediation.Organisations.NewOrganisation;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.EmbeddedPostgresGuard;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mediation organisations (brands 和事佬, 近心帮, 红管家), rooms, mediators with accounts
 * (password Demo@2026), a few disputes through the real acts, and a year of past disputes for the
 * figures. Runs after the grid demo (it needs the grid workers). Like the other demo seeders, a
 * failure (or demo mode without the grid workers) is logged and skipped, or with
 * {@code xinfang.demo.strict} stops the start: the integration tests rely on this data.
 */
@Component
@Order(20)
class MediationDemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private final Environment env;

	private final Accounts accounts;

	private final Organisations organisations;

	private final Disputes disputes;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	MediationDemoData(Environment env, Accounts accounts, Organisations organisations, Disputes disputes, JdbcClient jdbc,
			Clock clock, TransactionTemplate tx) {
		this.tx = tx;
		this.env = env;
		this.accounts = accounts;
		this.organisations = organisations;
		this.disputes = disputes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean enabled() {
		Boolean explicit = env.getProperty("xinfang.demo.enabled", Boolean.class);
		return explicit != null ? explicit : EmbeddedPostgresGuard.embeddedDatabase(env);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled() || accounts.exists("mediator")) {
			return;
		}
		boolean strict = env.getProperty("xinfang.demo.strict", Boolean.class, false);
		try {
			if (!accounts.exists("grid.worker")) {
				throw new IllegalStateException("the grid demo's account grid.worker is missing");
			}
			// all or nothing: a failure leaves no half-seeded organisations behind
			tx.executeWithoutResult(s -> seed());
		}
		catch (RuntimeException ex) {
			if (strict) {
				throw new IllegalStateException("demo mediation data could not be seeded", ex);
			}
			LoggerFactory.getLogger(MediationDemoData.class).warn("Demo mediation data skipped: {}", ex.getMessage());
		}
	}

	private void seed() {
		accounts.createStaff("mediator", PASSWORD, "黄调解", "WL-CZH", EnumSet.of(Role.MEDIATOR));
		accounts.createStaff("dc.mediator", PASSWORD, "刘调解", "DC-GX", EnumSet.of(Role.MEDIATOR));
		accounts.createStaff("ty.mediator", PASSWORD, "龙调解", "TY-ZJ", EnumSet.of(Role.MEDIATOR));

		// 武陵区
		org("穿紫河街道人民调解委员会", OrgKind.PEOPLES, "TOWNSHIP", "430702001", "和事佬", List.of(),
				List.of("和事佬调解室", "穿紫河街道综治中心调解室"), committee("周桂兰", "mediator", "黄调解"));
		org("紫桥社区人民调解委员会", OrgKind.PEOPLES, "VILLAGE", "430702001001", "和事佬", List.of(), List.of("紫桥社区和事佬调解室"),
				committee("王秀英", null, null));
		org("丹阳街道人民调解委员会", OrgKind.PEOPLES, "TOWNSHIP", "430702002", "和事佬", List.of(), List.of("丹阳街道调解室"),
				committee("陈玉珍", null, null));
		org("武陵区社会矛盾纠纷调处化解中心人民调解委员会", OrgKind.PEOPLES, "COUNTY", "430702", null, List.of(),
				List.of("区矛调中心第一调解室", "区矛调中心第二调解室"), committee("胡春花", null, null));
		org("武陵区医疗纠纷人民调解委员会", OrgKind.INDUSTRY, "COUNTY", "430702", null, List.of("MEDICAL"), List.of("医调委调解室"),
				List.of(person("彭德明", "M", "MEDIATOR", null)));
		org("武陵区道路交通事故纠纷人民调解委员会", OrgKind.INDUSTRY, "COUNTY", "430702", null, List.of("TRAFFIC"), List.of("交调委调解室"),
				List.of(person("曾国平", "M", "MEDIATOR", null)));
		org("武陵区物业纠纷人民调解委员会", OrgKind.INDUSTRY, "COUNTY", "430702", null, List.of("PROPERTY"), List.of("物业纠纷调解室"),
				List.of(person("邓丽娟", "F", "MEDIATOR", null)));
		org("武陵区劳动人事争议调解中心", OrgKind.ADMINISTRATIVE, "COUNTY", "430702", null, List.of("LABOR"), List.of("劳动争议调解室"),
				List.of(person("覃海波", "M", "MEDIATOR", null)));
		org("武陵区人民法院诉调对接中心", OrgKind.JUDICIAL, "COUNTY", "430702", null, List.of(), List.of("诉前调解室"),
				List.of(person("向正清", "M", "MEDIATOR", null)));
		// 鼎城区
		org("灌溪镇人民调解委员会", OrgKind.PEOPLES, "TOWNSHIP", "430703003", "近心帮", List.of(), List.of("近心帮调解室"),
				committee("杨红梅", "dc.mediator", "刘调解"));
		org("鼎城区社会矛盾纠纷调处化解中心人民调解委员会", OrgKind.PEOPLES, "COUNTY", "430703", "近心帮", List.of(), List.of("区矛调中心调解室"),
				committee("黄桂兰", null, null));
		org("鼎城区医疗纠纷人民调解委员会", OrgKind.INDUSTRY, "COUNTY", "430703", null, List.of("MEDICAL"), List.of("医调委调解室"),
				List.of(person("吴志强", "M", "MEDIATOR", null)));
		// 桃源县
		org("漳江街道人民调解委员会", OrgKind.PEOPLES, "TOWNSHIP", "430725001", "红管家", List.of(), List.of("红管家调解室"),
				committee("李玉珍", "ty.mediator", "龙调解"));
		org("桃源县社会矛盾纠纷调处化解中心人民调解委员会", OrgKind.PEOPLES, "COUNTY", "430725", "红管家", List.of(), List.of("县矛调中心调解室"),
				committee("赵秀英", null, null));
		org("桃源县人民法院诉调对接中心", OrgKind.JUDICIAL, "COUNTY", "430725", null, List.of(), List.of("诉前调解室"),
				List.of(person("张建国", "M", "MEDIATOR", null)));

		liveDisputes();
		pastDisputes();
	}

	/** Three disputes of 紫桥社区 through the real acts: one closed with a written agreement, one in mediation, one new and red. */
	private void liveDisputes() {
		Actor worker = accounts.actorByUsername("grid.worker").orElseThrow();
		Actor centre = accounts.actorByUsername("czh.center").orElseThrow();
		Actor mediator = accounts.actorByUsername("mediator").orElseThrow();
		long org = jdbc.sql("SELECT id FROM mediation_org WHERE name = '穿紫河街道人民调解委员会'").query(Long.class).single();
		long room = jdbc.sql("SELECT id FROM mediation_room WHERE org_id = ? ORDER BY id LIMIT 1").param(org).query(Long.class).single();
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));

		var a = disputes.register(new Disputes.Registration("GRID", "NEIGHBOR", "楼上漏水致楼下天花板受损", "紫桥社区3栋402室卫生间漏水，"
				+ "导致302室天花板和墙面受损，双方就维修和赔偿发生争执。", null, "430702001001001",
				List.of(new Disputes.PartyInput("APPLICANT", "谭春生", IdNumber.withCheckCharacter("43070219700312451"), "13907360001", "常德市武陵区紫桥社区3栋302室"),
						new Disputes.PartyInput("RESPONDENT", "郭丽华", IdNumber.withCheckCharacter("43070219820521262"), "13907360002", "常德市武陵区紫桥社区3栋402室")),
				RiskLevel.GREEN, null, null, null), worker);
		a = disputes.assign(a.number(), new Disputes.Assignment(org, room, a.version()), centre);
		a = disputes.recordSession(a.number(), new Disputes.SessionInput(today.minusDays(3), room, "谭春生、郭丽华、社区网格员何网格",
				"双方陈述了漏水经过和损失情况；经现场查看，漏水系402室卫生间防水层老化所致。调解员释明相邻关系的法律规定，双方同意协商解决。", a.version()), mediator);
		a = disputes.agree(a.number(), new Disputes.AgreementInput("WRITTEN", "402室卫生间防水层老化漏水，致302室天花板、墙面受损。双方就维修责任和赔偿数额发生争议。",
				"402室业主郭丽华对漏水负有维修责任；302室业主谭春生应配合维修入户。", "一、郭丽华于协议生效后十日内修复卫生间防水层；\n二、郭丽华赔偿谭春生天花板和墙面修复费用人民币贰仟元整。",
				"修复由郭丽华委托施工，赔偿款以现金或转账方式一次付清", today.minusDays(1).plusDays(10), today.minusDays(2), a.version()), mediator);
		a = disputes.followUp(a.number(), new Disputes.FollowUp(true, "回访时防水层已修复，赔偿款已付清，双方满意。", a.version()), mediator);

		var b = disputes.register(new Disputes.Registration("GRID", "PROPERTY", "小区停车位收费争议", "建设社区部分业主对物业公司上调停车费不满，"
				+ "拒交物业费，物业公司停止部分服务。", null, "430702001001002",
				List.of(new Disputes.PartyInput("APPLICANT", "刘建国", null, "13907360003", null),
						new Disputes.PartyInput("RESPONDENT", "常德市某物业服务有限公司", null, null, null)),
				RiskLevel.YELLOW, "穿紫河街道 李科长", null, null), worker);
		b = disputes.assign(b.number(), new Disputes.Assignment(org, room, b.version()), centre);
		disputes.recordSession(b.number(), new Disputes.SessionInput(today.minusDays(1), room, "业主代表3人、物业公司经理",
				"听取双方意见，物业公司同意公示收费依据，双方约定下周再次协商。", b.version()), mediator);

		disputes.register(new Disputes.Registration("GRID", "DEMOLITION", "旧改项目补偿争议", "紫桥社区旧城改造项目中，12户居民对补偿标准有异议，"
				+ "多次聚集，有进京上访苗头。", null, "430702001001001",
				List.of(new Disputes.PartyInput("APPLICANT", "彭志强", null, "13907360004", null),
						new Disputes.PartyInput("RESPONDENT", "武陵区房屋征收事务中心", null, null, null)),
				RiskLevel.RED, "穿紫河街道党工委副书记 刘某", "街道领导包案，一周内组织政策宣讲和一户一策评估，律师参与。", null), worker);
	}

	/** A year of past disputes for the figures: each county's townships, mostly settled by agreement. */
	private void pastDisputes() {
		long reporter = jdbc.sql("SELECT id FROM app_user WHERE username = 'czh.center'").query(Long.class).single();
		List<Long> orgs = jdbc.sql("SELECT id FROM mediation_org ORDER BY id").query(Long.class).list();
		List<String[]> orgRegions = new ArrayList<>();
		for (long id : orgs) {
			orgRegions.add(new String[] { String.valueOf(id), jdbc.sql("SELECT region_code FROM mediation_org WHERE id = ?").param(id)
				.query(String.class).single() });
		}
		List<String> types = List.of("NEIGHBOR", "FAMILY", "PROPERTY", "LABOR", "LAND_CONTRACT", "TRAFFIC", "MEDICAL");
		Random random = new Random(2026);
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		for (int i = 0; i < 120; i++) {
			String[] org = orgRegions.get(random.nextInt(orgRegions.size()));
			String region = org[1].length() >= 9 ? org[1] : jdbc.sql("SELECT code FROM region WHERE parent_code = ? ORDER BY code LIMIT 1")
				.param(org[1]).query(String.class).single();
			LocalDate registered = today.minusDays(20 + random.nextInt(340));
			boolean agreed = random.nextInt(100) < 96;
			LocalDate outcomeOn = registered.plusDays(3 + random.nextInt(20));
			jdbc.sql("""
					INSERT INTO dispute (number, source, type_code, title, facts, region_code, county_code, status, risk_level, risk_owner,
					                     org_id, mediation_level, reported_by, registered_on, registered_at, outcome, outcome_on, closed_on)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'CLOSED', 'GREEN', '网格员', ?, 'TOWNSHIP', ?, ?, ?, ?, ?, ?)""")
				.params("JF" + region.substring(0, 6) + registered.toString().replace("-", "") + String.format("%06d", 900000 + i),
						i % 5 == 0 ? "APPLICATION" : "GRID", types.get(random.nextInt(types.size())), "历史纠纷（演示）" + (i + 1),
						"演示用的历史纠纷记录，已调解结案。", region, region.substring(0, 6), Long.parseLong(org[0]), reporter, registered,
						OffsetDateTime.of(registered.atTime(9, 0), ZoneOffset.ofHours(8)), agreed ? "AGREED" : "FAILED", outcomeOn,
						outcomeOn.plusDays(15))
				.update();
		}
	}

	private void org(String name, OrgKind kind, String level, String region, String brand, List<String> types, List<String> rooms,
			List<MediatorInput> members) {
		organisations.create(new NewOrganisation(name, kind, level, region, brand, types, rooms, members), null);
	}

	/** A committee of five: a woman chair, the demo mediator (if any) and three members. */
	private static List<MediatorInput> committee(String chair, String username, String mediatorName) {
		List<MediatorInput> m = new ArrayList<>();
		m.add(person(chair, "F", "CHAIR", null));
		m.add(person(mediatorName != null ? mediatorName : "孙" + chair.substring(1), "M", "VICE_CHAIR", username));
		m.add(person("邹" + chair.substring(1, 2) + "明", "M", "MEMBER", null));
		m.add(person("钟" + chair.substring(1, 2) + "华", "F", "MEMBER", null));
		m.add(person("林" + chair.substring(1, 2) + "军", "M", "MEMBER", null));
		return m;
	}

	private static MediatorInput person(String name, String gender, String position, String username) {
		return new MediatorInput(name, gender, LocalDate.of(1972, 5, 1), position, true, true, true, "大专", false, username);
	}

}
