package com.xinfang.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.platform.BeijingTime;
import com.xinfang.privacy.IdNumber;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's 复核续期, 移出名单 and 关联信访事项/矛盾纠纷 forms, every unhappy path: only the roles the API allows
 * (anyone else, including the named leader and grid worker who may read the entry: 404), bad input and a stale
 * version as messages on the form with what was typed kept, and nothing half-stored.
 */
@IntegrationTest
class KeyPersonAndLinkFormsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	record Entry(LocalDate reviewOn, LocalDate removedOn, int version, long events, long audits) {
	}

	Entry entry(long id) {
		return jdbc.sql("""
				SELECT review_on, removed_on, version, (SELECT count(*) FROM key_person_event e WHERE e.key_person_id = k.id),
				       (SELECT count(*) FROM audit_log a WHERE a.target = 'KP' || k.id AND a.action IN ('KEY_PERSON_RENEWED', 'KEY_PERSON_REMOVED'))
				FROM key_person k WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Entry(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	@Test
	void renewalAndRemovalFormsAreTheBureausAndEveryMistakeStaysOnTheForm() throws Exception {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		List<String> numbers = new ArrayList<>();
		for (String t : List.of("楼上漏水长期不修", "再次反映楼上漏水")) {
			numbers.add(api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", t, "content",
					t + "，多次协调无果，请求督促处理。", "categoryCode", "URBAN", "kind", "CLAIM", "complexity", "SIMPLE", "petitioners",
					List.of(Map.of("name", "鲁德华", "idNumber", IdNumber.withCheckCharacter("43070219650505678"))))).body().get("number").asString());
		}
		long id = api.post("/api/v1/key-persons", registrar, Map.of("name", "鲁德华", "countyCode", "430702", "basis", "REPEATED_PETITIONS",
				"basisRefs", numbers, "reason", "漏水纠纷多次信访，邻里矛盾激化。", "leaderUsername", "leader", "gridWorkerUsername", "grid.worker",
				"followUpDays", 10, "reviewOn", today.plusMonths(1).toString())).body().get("id").asLong();
		String page = "/console/key-persons/" + id;
		Entry before = entry(id);

		// the bureau is offered both forms; the named leader and grid worker read the entry without them
		var bureau = logIn("wuling.registrar");
		assertThat(get(bureau, page).body()).contains("id=\"renew-form\"", "id=\"remove-form\"");
		for (String named : List.of("leader", "grid.worker")) {
			var who = logIn(named);
			var view = get(who, page);
			assertThat(view.statusCode()).as(named).isEqualTo(200);
			assertThat(view.body()).as(named).doesNotContain("renew-form", "remove-form");
			// a forged post (the page of the entry carries the token): 404, like a page that does not exist
			assertThat(post(who, page, page + "/renewal", Map.of("reviewOn", today.plusMonths(6).toString(), "reason", "伪造的续期理由",
					"version", "" + before.version())).statusCode()).as(named).isEqualTo(404);
			assertThat(post(who, page, page + "/removal", Map.of("reason", "伪造的移出理由", "version", "" + before.version())).statusCode())
				.as(named).isEqualTo(404);
		}
		// a department officer and a township 矛调中心 do not know the entry at all
		for (String other : List.of("hr.officer", "czh.center")) {
			var who = logIn(other);
			assertThat(post(who, "/console", page + "/renewal", Map.of("reviewOn", today.plusMonths(6).toString(), "reason", "伪造的续期理由",
					"version", "" + before.version())).statusCode()).as(other).isEqualTo(404);
			assertThat(post(who, "/console", page + "/removal", Map.of("reason", "伪造的移出理由", "version", "" + before.version())).statusCode())
				.as(other).isEqualTo(404);
		}
		assertThat(entry(id)).isEqualTo(before);

		// a date that is not a date and no reason; a date more than a year ahead; no version: messages, what was typed kept
		var junk = post(bureau, page, page + "/renewal", Map.of("reviewOn", "明年春节后", "reason", "", "version", "" + before.version()));
		assertThat(junk.statusCode()).isEqualTo(200);
		assertThat(junk.body()).contains("复核日期须晚于今天且不超过一年", "请写明继续列为重点人员的理由", "明年春节后");
		var far = post(bureau, page, page + "/renewal", Map.of("reviewOn", today.plusDays(400).toString(), "reason", "继续跟进化解", "version",
				"" + before.version()));
		assertThat(far.body()).contains("复核日期须晚于今天且不超过一年", "继续跟进化解");
		var noVersion = post(bureau, page, page + "/renewal", Map.of("reviewOn", today.plusMonths(6).toString(), "reason", "继续跟进化解"));
		assertThat(noVersion.statusCode()).isEqualTo(200);
		assertThat(noVersion.body()).contains("缺少版本号", "继续跟进化解");
		// a stale version: 409, the message on the form, the typed values kept, nothing stored
		var stale = post(bureau, page, page + "/renewal", Map.of("reviewOn", today.plusMonths(6).toString(), "reason", "继续跟进化解", "version",
				"" + (before.version() - 1)));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("已被他人修改，页面已显示最新信息", "继续跟进化解", today.plusMonths(6).toString());
		var staleRemoval = post(bureau, page, page + "/removal", Map.of("reason", "已化解息访", "version", "" + (before.version() + 5)));
		assertThat(staleRemoval.statusCode()).isEqualTo(409);
		assertThat(staleRemoval.body()).contains("已被他人修改", "已化解息访");
		var noReason = post(bureau, page, page + "/removal", Map.of("reason", " ", "version", "" + before.version()));
		assertThat(noReason.body()).contains("请写明移出名单的理由");
		assertThat(entry(id)).isEqualTo(before);

		// the renewal: the new date, one event, one audit entry, the version moved on
		var renewed = post(bureau, page, page + "/renewal", Map.of("reviewOn", today.plusMonths(6).toString(), "reason", "继续跟进化解", "version",
				"" + before.version()));
		assertThat(renewed.statusCode()).isEqualTo(302);
		Entry afterRenewal = entry(id);
		assertThat(afterRenewal).isEqualTo(new Entry(today.plusMonths(6), null, before.version() + 1, before.events() + 1, before.audits() + 1));
		// the removal: once; a second removal or a renewal afterwards is a 409 message and changes nothing
		assertThat(post(bureau, page, page + "/removal", Map.of("reason", "漏水已修复，双方和解", "version", "" + afterRenewal.version()))
			.statusCode()).isEqualTo(302);
		Entry removed = entry(id);
		assertThat(removed.removedOn()).isEqualTo(today);
		assertThat(removed.audits()).isEqualTo(before.audits() + 2);
		var again = post(bureau, page, page + "/renewal", Map.of("reviewOn", today.plusMonths(3).toString(), "reason", "重新列入", "version",
				"" + removed.version()));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("该人员已移出重点人员名单").doesNotContain("renew-form", "remove-form");
		assertThat(entry(id)).isEqualTo(removed);
	}

	@Test
	void theLinkFormIsForThoseWhoKeepTheRegisterAndOnlyForMattersTheySee() throws Exception {
		var api = new TestApi(port);
		String registrar = api.token("wuling.registrar", "Demo@2026");
		long decision = api.post("/api/v1/decisions", registrar, Map.of("regionCode", "430702", "title", "城区农贸市场搬迁", "kind", "PROJECT",
				"decidingBody", "武陵区人民政府", "summary", "将城区三处农贸市场整体搬迁至新建市场。")).body().get("id").asLong();
		String page = "/console/decisions/" + decision;
		String own = api.post("/api/v1/petitions", registrar, Map.of("channel", "VISIT", "regionCode", "430702001", "title", "农贸市场搬迁后摊位费上涨",
				"content", "农贸市场搬迁后摊位费上涨一倍，商户难以承受，请求调整。", "categoryCode", "MARKET", "kind", "CLAIM", "complexity", "SIMPLE",
				"petitioners", List.of(Map.of("name", "卜永福")))).body().get("number").asString();
		// a matter of 鼎城区, registered by the city bureau: out of 武陵区's sight
		String elsewhere = api.post("/api/v1/petitions", api.token("city.registrar", "Demo@2026"), Map.of("channel", "VISIT", "regionCode", "430703",
				"title", "鼎城区市场管理问题", "content", "鼎城区某市场管理混乱，请求整顿。", "categoryCode", "MARKET", "kind", "CLAIM", "complexity",
				"SIMPLE", "petitioners", List.of(Map.of("name", "戴春生")))).body().get("number").asString();
		String dispute = jdbc.sql("SELECT min(number) FROM dispute WHERE region_code LIKE '430702%'").query(String.class).single();

		// those who do not keep the register: 404 for the page and the form's post
		for (String other : List.of("hr.officer", "czh.center")) {
			var who = logIn(other);
			assertThat(get(who, page).statusCode()).as(other).isEqualTo(404);
			assertThat(post(who, "/console", page + "/links", Map.of("kind", "PETITION", "number", own)).statusCode()).as(other).isEqualTo(404);
		}
		var bureau = logIn("wuling.registrar");
		assertThat(get(bureau, page).body()).contains("id=\"link-form\"");
		// no number; a kind that is not one; a number that does not exist; one out of sight: messages, typed kept, nothing stored
		assertThat(post(bureau, page, page + "/links", Map.of("kind", "PETITION", "number", "  ")).body()).contains("请填写信访事项或矛盾纠纷的编号");
		assertThat(post(bureau, page, page + "/links", Map.of("kind", "CASE", "number", own)).body()).contains("请填写信访事项或矛盾纠纷的编号", own);
		var unknown = post(bureau, page, page + "/links", Map.of("kind", "DISPUTE", "number", "JF-NO-SUCH"));
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("矛盾纠纷编号不存在或不在本辖区：JF-NO-SUCH", "value=\"JF-NO-SUCH\"");
		var outOfSight = post(bureau, page, page + "/links", Map.of("kind", "PETITION", "number", elsewhere));
		assertThat(outOfSight.statusCode()).isEqualTo(200);
		assertThat(outOfSight.body()).contains("信访事项编号不存在或不在本辖区：" + elsewhere);
		assertThat(links(decision)).isZero();

		// the petition and the dispute: linked; the same petition again: 409 on the form, still one link
		assertThat(post(bureau, page, page + "/links", Map.of("kind", "PETITION", "number", own)).statusCode()).isEqualTo(302);
		assertThat(post(bureau, page, page + "/links", Map.of("kind", "DISPUTE", "number", dispute)).statusCode()).isEqualTo(302);
		var twice = post(bureau, page, page + "/links", Map.of("kind", "PETITION", "number", own));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("该信访事项已关联到本决策：" + own);
		assertThat(links(decision)).isEqualTo(2);
		assertThat(get(bureau, page).body()).contains("关联的信访事项 1 件、矛盾纠纷 1 件", own, dispute);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'DECISION_LINKED' AND target = ?").param("MD" + decision)
			.query(Long.class).single()).isEqualTo(2);
	}

	long links(long decision) {
		return jdbc.sql("SELECT count(*) FROM decision_link WHERE decision_id = ?").param(decision).query(Long.class).single();
	}

	// ------------------------------------------------------------------ a browser without a browser


	HttpClient logIn(String username) throws Exception {
		return ConsolePages.logIn(port, username);
	}

	HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return ConsolePages.get(port, browser, path);
	}

	/** Posts a form with the CSRF token of a page the person can open (the console's home for those who see nothing else). */
	HttpResponse<String> post(HttpClient browser, String tokenPage, String action, Map<String, String> fields) throws Exception {
		return ConsolePages.post(port, browser, tokenPage, action, fields);
	}

}
