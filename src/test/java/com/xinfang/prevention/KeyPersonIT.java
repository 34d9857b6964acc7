package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Grids;
import com.xinfang.identity.Accounts;
import com.xinfang.mediation.Disputes;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 重点人员 under 包案: added by the county bureau with its basis, seen only by the roles named (anyone else:
 * 404), every view and change in the audit log, lapsing after the review date unless renewed (with an
 * injected clock), and the person's new petition registered and handled exactly like anyone's.
 */
@IntegrationTest
class KeyPersonIT {

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	static final String PERSON_ID = IdNumber.withCheckCharacter("43070219650505771");

	static final String OTHER_ID = IdNumber.withCheckCharacter("43070219650505798");

	String petition(TestApi api, String registrar, String idNumber, String title, String content) {
		var r = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", title,
				"content", content, "categoryCode", "LABOR", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
				List.of(Map.of("name", "龚德明", "idNumber", idNumber, "phone", "13574268801"))));
		assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
		return r.body().get("number").asString();
	}

	long audits(String action, String target) {
		return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND target = ?").params(action, target).query(Long.class).single();
	}

	@Test
	void theCountyBureauAddsAKeyPersonSeenOnlyByTheRolesNamedWithEveryViewAudited() {
		var api = new TestApi(port);
		String bureau = api.token("wuling.registrar", "Demo@2026");
		String p1 = petition(api, bureau, PERSON_ID, "征地补偿款未到位", "本人承包地被征收，补偿款至今未足额发放，多次反映未果，请求落实补偿。");
		String p2 = petition(api, bureau, PERSON_ID, "再次反映征地补偿款", "去年反映的征地补偿款问题仍未解决，村里说等镇里，镇里说等区里，请求尽快落实。");
		long before = jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single();
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> entry = new HashMap<>(Map.of("name", "龚德明", "idNumber", PERSON_ID, "countyCode", "430702", "basis",
				"REPEATED_PETITIONS", "basisRefs", List.of(p1, p2), "reason", "一年内两次到区信访局反映征地补偿，诉求未解决，情绪激动。",
				"leaderUsername", "leader", "gridWorkerUsername", "grid.worker", "followUpDays", 7, "reviewOn",
				today.plusMonths(6).toString()));

		// bad input: 400 with every field, nothing stored
		var bad = new HashMap<>(entry);
		bad.putAll(Map.of("basisRefs", List.of(p1), "reason", "多次", "leaderUsername", "grid.worker", "gridWorkerUsername", "dc.grid",
				"followUpDays", 0, "reviewOn", today.plusYears(2).toString()));
		var refused = api.post("/api/v1/key-persons", bureau, bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("basisRefs", "reason",
				"leaderUsername", "gridWorkerUsername", "followUpDays", "reviewOn");
		// only the county bureau adds: a department (403), a township's 矛调中心 (403)
		assertThat(api.post("/api/v1/key-persons", api.token("hr.officer", "Demo@2026"), entry).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/key-persons", api.token("czh.center", "Demo@2026"), entry).status()).isEqualTo(403);
		// a petition the bureau cannot see is "not found"
		var unknown = new HashMap<>(entry);
		unknown.put("basisRefs", List.of(p1, "XF430702000000999999"));
		assertThat(api.post("/api/v1/key-persons", bureau, unknown).status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM key_person").query(Long.class).single()).isEqualTo(before);

		var added = api.post("/api/v1/key-persons", bureau, entry);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		long id = added.body().get("id").asLong();
		String target = "KP" + id;
		assertThat(added.body().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(added.body().get("leaderName").asString()).isEqualTo(displayName("leader"));
		assertThat(added.body().toString()).doesNotContain(PERSON_ID).doesNotContainIgnoringCase("location").doesNotContain("定位");
		assertThat(added.body().get("nextFollowUp").asString()).isEqualTo(today.plusDays(7).toString());
		assertThat(audits("KEY_PERSON_ADDED", target)).isEqualTo(1);

		// seen by the roles named, each view audited
		long views = audits("KEY_PERSON_VIEWED", target);
		for (String who : List.of("wuling.registrar", "leader", "grid.worker", "city.supervisor")) {
			assertThat(api.get("/api/v1/key-persons/" + id, api.token(who, "Demo@2026")).status()).as(who).isEqualTo(200);
		}
		assertThat(audits("KEY_PERSON_VIEWED", target)).isEqualTo(views + 4);
		// anyone else: "does not exist", and the attempt is audited
		for (String who : List.of("grid.worker2", "czh.center", "hr.officer", "dc.grid", "mediator", "dingcheng.center", "admin")) {
			assertThat(api.get("/api/v1/key-persons/" + id, api.token(who, "Demo@2026")).status()).as(who).isEqualTo(404);
		}
		assertThat(audits("KEY_PERSON_VIEW_REFUSED", target)).isEqualTo(7);
		assertThat(audits("KEY_PERSON_VIEWED", target)).isEqualTo(views + 4);
		// the lists: the grid worker's own list has it, another county's grid worker's does not; listing is audited
		String worker = api.token("grid.worker", "Demo@2026");
		assertThat(api.get("/api/v1/key-persons", worker).body().findValuesAsString("name")).contains("龚德明");
		assertThat(api.get("/api/v1/key-persons", api.token("dc.grid", "Demo@2026")).body().findValuesAsString("name"))
			.doesNotContain("龚德明");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'KEY_PERSON_LISTED' AND actor LIKE '%grid.worker%'")
			.query(Long.class).single()).isPositive();

		// visits: the grid worker records one; a future date is refused
		assertThat(api.post("/api/v1/key-persons/" + id + "/visits", worker, Map.of("visitedOn", today.plusDays(1).toString(),
				"note", "上门走访")).status()).isEqualTo(400);
		var visited = api.post("/api/v1/key-persons/" + id + "/visits", worker, Map.of("visitedOn", today.toString(),
				"note", "上门走访，了解补偿款进展，告知区征收办已在核算。"));
		assertThat(visited.status()).isEqualTo(200);
		assertThat(visited.body().get("visits").findValuesAsString("visitor")).containsExactly(displayName("grid.worker"));
		assertThat(audits("KEY_PERSON_VISIT", target)).isEqualTo(1);
		int version = visited.body().get("version").asInt();
		// renewal: only the bureau; a stale version loses
		assertThat(api.post("/api/v1/key-persons/" + id + "/renewal", worker, Map.of("reviewOn", today.plusMonths(9).toString(),
				"reason", "诉求未解决", "version", version)).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/key-persons/" + id + "/renewal", bureau, Map.of("reviewOn", today.plusMonths(9).toString(),
				"reason", "诉求未解决", "version", version - 1)).status()).isEqualTo(409);
		var renewed = api.post("/api/v1/key-persons/" + id + "/renewal", bureau, Map.of("reviewOn", today.plusMonths(9).toString(),
				"reason", "补偿款尚在核算，继续包案", "version", version));
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.body().get("reviewOn").asString()).isEqualTo(today.plusMonths(9).toString());
		assertThat(audits("KEY_PERSON_RENEWED", target)).isEqualTo(1);
		assertThat(renewed.body().get("events").findValuesAsString("action")).containsExactly("列入", "走访", "复核续期");
	}

	@Autowired
	AuditLog audit;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	Accounts accounts;

	@Autowired
	Grids grids;

	@Autowired
	PetitionQueries petitionQueries;

	@Autowired
	Disputes disputes;

	@Autowired
	Directory directory;

	@Autowired
	KeyPersons keyPersons;

	String displayName(String username) {
		return accounts.actorByUsername(username).orElseThrow().displayName();
	}

	/** The same service on a clock moved past the review date: the entry lapses, a visit is refused, a renewal brings it back. */
	@Test
	void anEntryLapsesAfterItsReviewDateUnlessRenewed() {
		var bureau = accounts.actorByUsername("wuling.registrar").orElseThrow();
		var api = new TestApi(port);
		String token = api.token("wuling.registrar", "Demo@2026");
		String p1 = petition(api, token, OTHER_ID, "拖欠工资", "某公司拖欠本人工资五个月共计两万元，请求督促支付，已多次找公司未果。");
		String p2 = petition(api, token, OTHER_ID, "再次反映拖欠工资", "上次反映的拖欠工资问题公司仍未支付，本人生活困难，请求尽快解决。");
		LocalDate today = LocalDate.now(clock);
		var p = keyPersons.add(new KeyPersons.Entry("龚德明", null, "430702", "REPEATED_PETITIONS", List.of(p1, p2),
				"两次反映欠薪未解决，扬言到市里上访。", "leader", "grid.worker", 14, today.plusDays(30)), bureau);
		assertThat(p.status()).isEqualTo("ACTIVE");
		// on the review date it still holds; the day after it has lapsed
		KeyPersons onReviewDay = at(today.plusDays(30));
		assertThat(onReviewDay.view(p.id(), bureau).status()).isEqualTo("ACTIVE");
		KeyPersons dayAfter = at(today.plusDays(31));
		var lapsed = dayAfter.view(p.id(), bureau);
		assertThat(lapsed.status()).isEqualTo("LAPSED");
		assertThat(lapsed.statusLabel()).contains("失效");
		assertThat(dayAfter.list(bureau, false).stream().map(KeyPersons.Row::id)).doesNotContain(p.id());
		assertThat(dayAfter.list(bureau, true).stream().map(KeyPersons.Row::id)).contains(p.id());
		var worker = accounts.actorByUsername("grid.worker").orElseThrow();
		assertThatThrownBy(() -> dayAfter.visit(p.id(), new KeyPersons.Visit(today.plusDays(31), "上门走访，情况稳定。"), worker))
			.isInstanceOf(DomainException.Conflict.class);
		// the follow-up was due 14 days after the entry: overdue on day 15 without a visit
		assertThat(at(today.plusDays(15)).view(p.id(), bureau).followUpOverdue()).isTrue();
		assertThat(at(today.plusDays(14)).view(p.id(), bureau).followUpOverdue()).isFalse();
		var renewed = dayAfter.renew(p.id(), new KeyPersons.Renewal(today.plusDays(120), "欠薪仍未解决，继续包案", lapsed.version()), bureau);
		assertThat(renewed.status()).isEqualTo("ACTIVE");
		// 化解销号
		var removed = dayAfter.remove(p.id(), new KeyPersons.Removal("工资已足额支付，本人表示息访", renewed.version()), bureau);
		assertThat(removed.status()).isEqualTo("REMOVED");
		assertThat(audits("KEY_PERSON_REMOVED", "KP" + p.id())).isEqualTo(1);
	}

	KeyPersons at(LocalDate day) {
		Clock clock = Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);
		return new KeyPersons(jdbc, audit, cipher, accounts, grids, petitionQueries, disputes, directory, clock);
	}

	/**
	 * The list never reaches the petition module: a key person's new petition is registered and handled
	 * exactly like the same petition from someone who is not on the list (same status, clocks, flags,
	 * history and answer, apart from number, code, name and ID).
	 */
	@Test
	void aKeyPersonsNewPetitionIsRegisteredAndHandledLikeAnyOther() {
		var api = new TestApi(port);
		String bureau = api.token("wuling.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43070219700707552");
		String p1 = petition(api, bureau, id, "宅基地纠纷", "邻居建房占用本人宅基地，村里调解未果，请求依法处理。");
		String p2 = petition(api, bureau, id, "再次反映宅基地纠纷", "邻居占用宅基地问题镇里答复后仍未处理，请求上级督促。");
		var added = api.post("/api/v1/key-persons", bureau, Map.of("name", "龚德明", "idNumber", id, "countyCode", "430702", "basis",
				"REPEATED_PETITIONS", "basisRefs", List.of(p1, p2), "reason", "宅基地纠纷多次信访，有越级上访苗头。", "leaderUsername",
				"leader", "gridWorkerUsername", "grid.worker", "followUpDays", 7, "reviewOn",
				LocalDate.now(clock).plusMonths(3).toString()));
		assertThat(added.status()).isEqualTo(201);

		String content = "小区物业长期不维修电梯，老人上下楼困难，请求督促物业公司维修。";
		String keyPersons = petition(api, bureau, id, "电梯长期不修", content);
		String someoneElse = petition(api, bureau, IdNumber.withCheckCharacter("43070219800808113"), "电梯长期不修", content);
		String officer = api.token("hr.officer", "Demo@2026");
		for (String n : List.of(keyPersons, someoneElse)) {
			act(api, bureau, n, Map.of("action", "TRANSFER", "unitCode", "CD-HRSS", "communication",
					Map.of("contact", "市人社局信访科 刘科长", "at", "2026-11-28T15:00:00+08:00", "summary", "电话沟通，同意接收")));
			act(api, officer, n, Map.of("action", "ACCEPT"));
		}
		JsonNode a = api.get("/api/v1/petitions/" + keyPersons, bureau).body();
		JsonNode b = api.get("/api/v1/petitions/" + someoneElse, bureau).body();
		for (String field : List.of("status", "channel", "regionCode", "categoryCode", "kind", "complexity", "responsibleUnitCode",
				"deadlines", "overdue", "version", "duplicateOf", "groupVisit", "identityProtected", "handling")) {
			assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
		}
		assertThat(a.toString()).doesNotContain("重点人员").doesNotContain("包案");
		assertThat(actions(api, bureau, keyPersons)).isEqualTo(actions(api, bureau, someoneElse));
	}

	void act(TestApi api, String token, String number, Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.put("version", api.get("/api/v1/petitions/" + number, api.token("city.reviewer", "Demo@2026")).body().get("version").asInt());
		var r = api.post("/api/v1/petitions/" + number + "/actions", token, body);
		assertThat(r.status()).as(fields + " " + r.body()).isEqualTo(200);
	}

	List<String> actions(TestApi api, String token, String number) {
		List<String> out = new ArrayList<>();
		for (JsonNode h : api.get("/api/v1/petitions/" + number + "/history", token).body()) {
			out.add(h.get("action").asString() + ":" + h.get("toStatus").asString() + ":" + h.get("actor").asString());
		}
		return out;
	}

}
