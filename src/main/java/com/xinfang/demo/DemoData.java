package com.xinfang.demo;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.platform.EmbeddedPostgresGuard;
import com.xinfang.privacy.IdNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seeds the demo accounts and sample petitions once, on an empty database. */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD = "Demo@2026";

	private final DemoProperties props;

	private final Environment env;

	private final Accounts accounts;

	private final PetitionRegistration registration;

	private final DemoProgress progress;

	private final DemoCoordination coordination;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	DemoData(DemoProperties props, Environment env, Accounts accounts, PetitionRegistration registration,
			DemoProgress progress, DemoCoordination coordination, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.props = props;
		this.env = env;
		this.accounts = accounts;
		this.registration = registration;
		this.progress = progress;
		this.coordination = coordination;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	boolean enabled() {
		return props.enabled() != null ? props.enabled() : EmbeddedPostgresGuard.embeddedDatabase(env);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled()) {
			return;
		}
		seedAccounts();
		long existing = jdbc.sql("SELECT count(*) FROM petition_ref").query(Long.class).single();
		if (existing == 0 && props.petitions() > 0) {
			seedPetitions(props.petitions());
		}
	}

	void seedAccounts() {
		staff("admin", "系统管理员", "CD-XFJ", Role.ADMIN);
		staff("city.registrar", "李登记", "CD-XFJ", Role.REGISTRAR);
		staff("city.reviewer", "王审核", "CD-XFJ", Role.REVIEWER);
		staff("city.supervisor", "赵督办", "CD-XFJ", Role.SUPERVISOR);
		staff("wuling.registrar", "陈登记", "WL-XFJ", Role.REGISTRAR);
		staff("hr.officer", "刘承办", "CD-HRSS", Role.CASE_OFFICER);
		staff("hr.head", "周局长", "CD-HRSS", Role.UNIT_HEAD);
		staff("leader", "孙市长", "CD-ZFB", Role.LEADER);
		// a second department, so joint handling (吹哨报到) can be shown: it is called in to a matter
		staff("housing.officer", "吴承办", "CD-ZJJ", Role.CASE_OFFICER);
		staff("housing.head", "郑局长", "CD-ZJJ", Role.UNIT_HEAD);
		// 纪检监察: with the 信访部门, the only ones who may know an accuser (Art 30)
		staff("jw.officer", "钱监察", "CD-JWJW", Role.CASE_OFFICER);
		if (accounts.actorByPhone("13800000001").isEmpty()) {
			accounts.createCitizen("13800000001", PASSWORD, "张三", IdNumber.withCheckCharacter("43070219850315123"));
		}
	}

	private void staff(String username, String name, String unit, Role role) {
		if (!accounts.exists(username)) {
			accounts.createStaff(username, PASSWORD, name, unit, EnumSet.of(role));
		}
	}

	void seedPetitions(int count) {
		List<JsonNode> corpus = corpus();
		if (corpus.isEmpty()) {
			log.warn("Demo corpus missing; no sample petitions");
			return;
		}
		Random random = new Random(20240101L);
		Actor registrar = accounts.actorByUsername("city.registrar").orElseThrow();
		Actor citizen = accounts.actorByPhone("13800000001").orElseThrow();
		Actor reviewer = accounts.actorByUsername("city.reviewer").orElseThrow();
		List<String> surnames = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "彭", "曾", "邓", "胡", "覃", "向");
		List<String> given = List.of("建国", "秀英", "志强", "桂兰", "海波", "丽娟", "德明", "红梅", "国平", "小军", "春花", "正清", "玉珍", "卫东");
		String[] channels = { "LETTER", "VISIT", "PHONE", "HOTLINE_12345", "LETTER", "VISIT", "LEADER_MAILBOX", "FAX" };
		OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		int made = 0;
		for (int i = 0; i < count; i++) {
			JsonNode item = corpus.get(i % corpus.size());
			String county = item.path("county").asString("430702");
			String region = townshipOf(county, random);
			OffsetDateTime received = now.minus(Duration.ofMinutes((long) (random.nextDouble() * 150 * 24 * 60)))
				.withSecond(0).withNano(0);
			String name = surnames.get(random.nextInt(surnames.size())) + given.get(random.nextInt(given.size()));
			String id = IdNumber.withCheckCharacter(county + (1950 + random.nextInt(50))
					+ String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000)));
			String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
			boolean online = i % 10 == 0;
			int persons = i % 17 == 0 ? 6 + random.nextInt(20) : 1;
			List<RegisterPetition.PetitionerInput> people = new ArrayList<>();
			people.add(new RegisterPetition.PetitionerInput(name, id, phone, "常德市" + "某街道某号", persons >= 5));
			var accused = item.path("accusedUnit").isNull() || item.path("accusedUnit").isMissingNode() ? null
					: new RegisterPetition.Accused(item.path("accusedUnit").asString(null), item.path("accusedPerson").asString(null));
			var cmd = new RegisterPetition(online ? "ONLINE" : channels[random.nextInt(channels.length)], received,
					region, item.path("title").asString(), item.path("content").asString(),
					i % 3 == 0 ? null : item.path("category").asString(), i % 3 == 0 ? null : item.path("kind").asString(),
					null, people, persons, accused, null);
			try {
				var result = registration.registerAt(cmd, List.of(), online ? citizen : registrar,
						received.toInstant().plus(Duration.ofMinutes(20)));
				progress.advance(result.petition(), item, registrar, reviewer, random, received);
				made++;
			}
			catch (RuntimeException ex) {
				if (props.strict()) {
					throw new IllegalStateException("demo petition " + i + " could not be seeded", ex);
				}
				log.warn("Demo petition {} skipped: {}", i, ex.getMessage());
			}
		}
		log.info("Demo data: {} sample petitions", made);
		coordination.seed(props.strict());
	}

	private String townshipOf(String county, Random random) {
		List<String> towns = jdbc.sql("SELECT code FROM region WHERE parent_code = ? AND level = 'TOWNSHIP' ORDER BY code")
			.param(county)
			.query(String.class)
			.list();
		return towns.isEmpty() ? county : towns.get(random.nextInt(towns.size()));
	}

	private List<JsonNode> corpus() {
		var resource = new ClassPathResource("corpus/petitions.jsonl");
		if (!resource.exists()) {
			return List.of();
		}
		List<JsonNode> items = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					items.add(json.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read demo corpus", ex);
		}
		// interleave categories (the corpus is grouped by category) so any prefix covers them all
		return IntStream.range(0, items.size())
			.boxed()
			.sorted(Comparator.comparingInt((Integer i) -> i % 30).thenComparingInt(i -> i))
			.map(items::get)
			.toList();
	}

}
