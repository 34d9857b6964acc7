package com.xinfang.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.privacy.IdNumber;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mediation flow end to end through the API — 登记 by a grid worker, 分流 by the township's 矛调中心,
 * 调解, 调解协议书 (its Art 29 contents checked in the PDF), 回访, 结案 — with scope, privacy and the
 * refusals on the way; an oral agreement (Art 28); Art 8 and Art 14 on the organisations.
 */
@IntegrationTest
class MediationFlowIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static final String ID = IdNumber.withCheckCharacter("43070219780808123");

	Map<String, Object> report(String title) {
		return Map.of("typeCode", "NEIGHBOR", "title", title, "facts", "两户因共用楼道堆放杂物和噪声多次争吵，一方要求对方清理楼道并赔偿损失。",
				"gridCode", "430702001001001", "parties", List.of(
						Map.of("side", "APPLICANT", "name", "胡秀兰", "idNumber", ID, "phone", "13907369991", "address", "常德市武陵区紫桥社区5栋101室"),
						Map.of("side", "RESPONDENT", "name", "邓海军", "phone", "13907369992")));
	}

	@Test
	void aGridWorkersDisputeIsMediatedToAWrittenAgreementFollowedUpAndClosed() {
		var api = new TestApi(port);
		String worker = api.token("grid.worker", "Demo@2026");
		String centre = api.token("czh.center", "Demo@2026");
		String mediator = api.token("mediator", "Demo@2026");
		String otherMediator = api.token("dc.mediator", "Demo@2026");
		long before = jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single();

		// bad input: no facts, one side only, a bad ID number; nothing stored
		var bad = api.post("/api/v1/disputes", worker, Map.of("typeCode", "NEIGHBOR", "title", "楼道纠纷", "facts", "太短",
				"gridCode", "430702001001001", "parties", List.of(Map.of("side", "APPLICANT", "name", "胡秀兰", "idNumber", ID.substring(0, 17) + (ID.endsWith("1") ? "2" : "1")))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("facts", "parties", "parties[0].idNumber");
		// a grid that is not the worker's
		var notMine = new HashMap<>(report("楼道纠纷"));
		notMine.put("gridCode", "430702002001001");
		assertThat(api.post("/api/v1/disputes", worker, notMine).status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM dispute").query(Long.class).single()).isEqualTo(before);

		var reported = api.post("/api/v1/disputes", worker, report("楼道堆物噪声纠纷"));
		assertThat(reported.status()).isEqualTo(201);
		String number = reported.body().get("number").asString();
		assertThat(reported.body().get("source").asString()).isEqualTo("GRID");
		assertThat(reported.body().get("regionCode").asString()).isEqualTo("430702001001");
		assertThat(reported.body().get("riskOwner").asString()).isEqualTo("何网格");
		// the parties are masked in every answer and encrypted at rest
		var applicant = reported.body().get("parties").get(0);
		assertThat(applicant.get("phoneMasked").asString()).isEqualTo("139****9991");
		assertThat(applicant.get("idNumberMasked").asString()).isEqualTo(ID.substring(0, 6) + "********" + ID.substring(14));
		assertThat(reported.body().toString()).doesNotContain("13907369991", ID);
		byte[] phoneEnc = jdbc.sql("SELECT phone_enc FROM dispute_party p JOIN dispute d ON d.id = p.dispute_id WHERE d.number = ? AND seq = 0")
			.param(number).query(byte[].class).single();
		assertThat(new String(phoneEnc, StandardCharsets.ISO_8859_1)).doesNotContain("13907369991");

		// the worker's register lists it; another county's centre's does not
		assertThat(api.get("/api/v1/disputes?status=OPEN", worker).body().findValuesAsString("number")).contains(number);
		assertThat(api.get("/api/v1/disputes", api.token("taoyuan.center", "Demo@2026")).body().findValuesAsString("number"))
			.doesNotContain(number);
		// out of scope is "does not exist": another township's mediator, another county's centre
		assertThat(api.get("/api/v1/disputes/" + number, otherMediator).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/disputes/" + number, api.token("dingcheng.center", "Demo@2026")).status()).isEqualTo(404);
		// the mediator does not see it before it is theirs
		assertThat(api.get("/api/v1/disputes/" + number, mediator).status()).isEqualTo(404);

		// 分流: the suggestion for a 邻里 dispute in 穿紫河街道 is the township's committee
		var suggested = api.get("/api/v1/disputes/" + number + "/suggested-organisation", centre);
		assertThat(suggested.body().get("name").asString()).isEqualTo("穿紫河街道人民调解委员会");
		long org = suggested.body().get("id").asLong();
		assertThat(api.post("/api/v1/disputes/" + number + "/assign", worker, Map.of("orgId", org, "version", 0)).status()).isEqualTo(403);
		var assigned = api.post("/api/v1/disputes/" + number + "/assign", centre, Map.of("orgId", org, "version", 0));
		assertThat(assigned.status()).isEqualTo(200);
		assertThat(assigned.body().get("status").asString()).isEqualTo("ASSIGNED");
		int version = assigned.body().get("version").asInt();

		// the agreement cannot come before a session
		LocalDate today = LocalDate.now(clock);
		assertThat(api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "ORAL", "terms", "和好",
				"effectiveOn", today.toString(), "version", version)).status()).isEqualTo(409);
		var session = api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", today.toString(),
				"attendees", "胡秀兰、邓海军", "record", "双方陈述争执经过，调解员释明相邻关系规定，双方同意清理楼道并互相谅解。", "version", version));
		assertThat(session.status()).isEqualTo(200);
		version = session.body().get("version").asInt();
		// a stale version loses
		assertThat(api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", today.toString(),
				"record", "第二次调解记录，内容足够长。", "version", version - 1)).status()).isEqualTo(409);

		// a written agreement without its Art 29 contents is refused, nothing stored
		var incomplete = api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "WRITTEN", "terms",
				"邓海军三日内清理楼道杂物", "effectiveOn", today.toString(), "version", version));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("facts", "responsibilities",
				"performance", "performBy");
		var agreed = api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "WRITTEN",
				"facts", "两户共用楼道，邓海军长期堆放杂物，夜间噪声影响胡秀兰休息，双方多次争吵。",
				"responsibilities", "邓海军对堆放杂物和噪声负主要责任；胡秀兰言语过激，负次要责任。",
				"terms", "一、邓海军于三日内清理楼道杂物；\n二、双方今后互相尊重，晚十点后不得制造噪声。",
				"performance", "由社区网格员现场见证清理", "performBy", today.plusDays(3).toString(), "effectiveOn", today.toString(),
				"version", version));
		assertThat(agreed.status()).isEqualTo(200);
		assertThat(agreed.body().get("status").asString()).isEqualTo("AGREED");
		version = agreed.body().get("version").asInt();

		// the 调解协议书 with the contents of Art 29, signature blocks and the committee's seal
		String pdf = TestApi.pdfText(api.bytes("/api/v1/disputes/" + number + "/agreement.pdf", mediator));
		assertThat(pdf).contains("人民调解协议书", "穿紫河街道人民调解委员会", number, "胡秀兰（申请人）", "公民身份号码" + ID,
				"住址常德市武陵区紫桥社区5栋101室", "邓海军（被申请人）", "纠纷的主要事实、争议事项", "长期堆放杂物", "各方当事人的责任",
				"负主要责任", "自愿达成如下协议", "三日内清理楼道杂物", "履行协议的方式、期限", "现场见证清理", "日前履行完毕", "第二十九条",
				"三十日内", "胡秀兰（签名、盖章或按指印）", "邓海军（签名、盖章或按指印）", "黄调解（签名）",
				"穿紫河街道人民调解委员会（印章）");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'DISPUTE_AGREEMENT_PDF' AND target = ?").param(number)
			.query(Long.class).single()).isEqualTo(1);
		// the grid worker sees the dispute but may not print the parties' particulars
		assertThat(api.get("/api/v1/disputes/" + number + "/agreement.pdf", worker).status()).isEqualTo(403);

		// showing a party in full: a reason, an audit entry; not for the grid worker
		assertThat(api.post("/api/v1/disputes/" + number + "/parties/0/reveal", mediator, Map.of("reason", "")).status()).isEqualTo(400);
		var revealed = api.post("/api/v1/disputes/" + number + "/parties/0/reveal", mediator, Map.of("reason", "电话通知回访"));
		assertThat(revealed.body().get("phone").asString()).isEqualTo("13907369991");
		assertThat(api.post("/api/v1/disputes/" + number + "/parties/0/reveal", worker, Map.of("reason", "电话通知回访")).status()).isEqualTo(403);

		// closing needs the follow-up first
		assertThat(api.post("/api/v1/disputes/" + number + "/close", mediator, Map.of("version", version)).status()).isEqualTo(409);
		var followed = api.post("/api/v1/disputes/" + number + "/follow-up", mediator, Map.of("performed", true,
				"note", "楼道已清理，双方和好。", "version", version));
		assertThat(followed.body().get("status").asString()).isEqualTo("FOLLOWED_UP");
		var closed = api.post("/api/v1/disputes/" + number + "/close", mediator, Map.of("version", followed.body().get("version").asInt()));
		assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.body().get("events").findValuesAsString("action"))
			.containsExactly("REGISTER", "ASSIGN", "SESSION", "AGREE", "FOLLOW_UP", "CLOSE");
		assertThat(closed.body().get("agreement").get("performed").asBoolean()).isTrue();
	}

	@Test
	void anOralAgreementIsRecordedByTheMediatorAndHasNoAgreementDocument() {
		var api = new TestApi(port);
		String worker = api.token("grid.worker", "Demo@2026");
		String centre = api.token("czh.center", "Demo@2026");
		String mediator = api.token("mediator", "Demo@2026");
		String number = api.post("/api/v1/disputes", worker, report("邻里口角纠纷")).body().get("number").asString();
		long org = api.get("/api/v1/disputes/" + number + "/suggested-organisation", centre).body().get("id").asLong();
		int v = api.post("/api/v1/disputes/" + number + "/assign", centre, Map.of("orgId", org, "version", 0)).body().get("version").asInt();
		LocalDate today = LocalDate.now(clock);
		v = api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", today.toString(),
				"record", "双方当面说清误会，当场握手言和。", "version", v)).body().get("version").asInt();
		assertThat(api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "ORAL", "terms", " ",
				"effectiveOn", today.toString(), "version", v)).status()).isEqualTo(400);
		var oral = api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "ORAL",
				"terms", "邓海军当场向胡秀兰赔礼道歉，胡秀兰表示谅解。", "effectiveOn", today.toString(), "version", v));
		assertThat(oral.status()).isEqualTo(200);
		assertThat(oral.body().get("agreement").get("formLabel").asString()).isEqualTo("口头协议");
		assertThat(api.get("/api/v1/disputes/" + number + "/agreement.pdf", mediator).status()).isEqualTo(409);
	}

	@Test
	void aFailedMediationRecordsTheGuidanceGivenToTheParties() {
		var api = new TestApi(port);
		String worker = api.token("grid.worker", "Demo@2026");
		String centre = api.token("czh.center", "Demo@2026");
		String mediator = api.token("mediator", "Demo@2026");
		String number = api.post("/api/v1/disputes", worker, report("楼道纠纷调解不成")).body().get("number").asString();
		long org = api.get("/api/v1/disputes/" + number + "/suggested-organisation", centre).body().get("id").asLong();
		int v = api.post("/api/v1/disputes/" + number + "/assign", centre, Map.of("orgId", org, "version", 0)).body().get("version").asInt();
		v = api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", LocalDate.now(clock).toString(),
				"record", "双方各执一词，分歧较大，未能达成一致。", "version", v)).body().get("version").asInt();
		var noGuidance = api.post("/api/v1/disputes/" + number + "/failure", mediator, Map.of("reason", "赔偿数额分歧大", "version", v));
		assertThat(noGuidance.status()).isEqualTo(400);
		assertThat(noGuidance.body().get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("第二十六条"));
		var failed = api.post("/api/v1/disputes/" + number + "/failure", mediator, Map.of("reason", "赔偿数额分歧大",
				"guidance", "已告知可向武陵区人民法院起诉", "version", v));
		assertThat(failed.body().get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.body().get("outcome").asString()).isEqualTo("FAILED");
		v = failed.body().get("version").asInt();

		// 三级治理: not down, not sideways within the same kind; up to the county 矛调中心 with a reason
		String county = api.token("wuling.center", "Demo@2026");
		long village = jdbc.sql("SELECT id FROM mediation_org WHERE name = '紫桥社区人民调解委员会'").query(Long.class).single();
		long centre2 = jdbc.sql("SELECT id FROM mediation_org WHERE name = '武陵区社会矛盾纠纷调处化解中心人民调解委员会'").query(Long.class).single();
		assertThat(api.post("/api/v1/disputes/" + number + "/escalate", county, Map.of("orgId", village, "reason", "退回村里", "version", v))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/disputes/" + number + "/escalate", county, Map.of("orgId", centre2, "version", v)).status())
			.isEqualTo(400);
		var up = api.post("/api/v1/disputes/" + number + "/escalate", county, Map.of("orgId", centre2, "reason", "街道调解未成，升级至区矛调中心",
				"version", v));
		assertThat(up.status()).isEqualTo(200);
		assertThat(up.body().get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(up.body().get("mediationLevel").asString()).isEqualTo("COUNTY");
		assertThat(up.body().get("outcome").isNull()).isTrue();
		// the street's mediator no longer sees it
		assertThat(api.get("/api/v1/disputes/" + number, mediator).status()).isEqualTo(404);
	}

	@Test
	void aFailedMediationBecomesAPetitionThroughThePetitionRegistration() {
		var api = new TestApi(port);
		String worker = api.token("grid.worker", "Demo@2026");
		String centre = api.token("czh.center", "Demo@2026");
		String mediator = api.token("mediator", "Demo@2026");
		String number = api.post("/api/v1/disputes", worker, report("调解不成转信访")).body().get("number").asString();
		long org = api.get("/api/v1/disputes/" + number + "/suggested-organisation", centre).body().get("id").asLong();
		int v = api.post("/api/v1/disputes/" + number + "/assign", centre, Map.of("orgId", org, "version", 0)).body().get("version").asInt();
		// not before the mediation has failed
		String registrar = api.token("wuling.registrar", "Demo@2026");
		assertThat(api.post("/api/v1/disputes/" + number + "/petition", registrar, Map.of("version", v)).status()).isEqualTo(409);
		v = api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", LocalDate.now(clock).toString(),
				"record", "双方分歧较大，被申请人拒绝赔偿。", "version", v)).body().get("version").asInt();
		v = api.post("/api/v1/disputes/" + number + "/failure", mediator, Map.of("reason", "被申请人拒绝赔偿", "guidance", "已告知可起诉或信访",
				"version", v)).body().get("version").asInt();
		// only the 信访部门's registrar registers a 信访事项
		assertThat(api.post("/api/v1/disputes/" + number + "/petition", centre, Map.of("version", v)).status()).isEqualTo(403);
		var converted = api.post("/api/v1/disputes/" + number + "/petition", registrar, Map.of("version", v));
		assertThat(converted.status()).isEqualTo(201);
		String petition = converted.body().get("petitionNumber").asString();
		assertThat(petition).startsWith("XF");
		var p = api.get("/api/v1/petitions/" + petition, registrar);
		assertThat(p.status()).isEqualTo(200);
		assertThat(p.body().get("status").asString()).isEqualTo("REGISTERED");
		assertThat(p.body().get("content").asString()).contains(number).contains("调解未达成协议");
		assertThat(p.body().get("petitioners").findValuesAsString("name")).containsExactly("胡秀兰");
		assertThat(api.post("/api/v1/disputes/" + number + "/petition", registrar, Map.of("version", v + 1)).status()).isEqualTo(409);
	}

	/** Registers, assigns, records a session and an oral agreement effective on the given day; returns the number. */
	String agreedOn(TestApi api, LocalDate effectiveOn, String title) {
		String worker = api.token("grid.worker", "Demo@2026");
		String centre = api.token("czh.center", "Demo@2026");
		String mediator = api.token("mediator", "Demo@2026");
		String number = api.post("/api/v1/disputes", worker, report(title)).body().get("number").asString();
		long org = api.get("/api/v1/disputes/" + number + "/suggested-organisation", centre).body().get("id").asLong();
		int v = api.post("/api/v1/disputes/" + number + "/assign", centre, Map.of("orgId", org, "version", 0)).body().get("version").asInt();
		v = api.post("/api/v1/disputes/" + number + "/sessions", mediator, Map.of("heldOn", effectiveOn.toString(),
				"record", "双方当面说清误会，达成一致意见。", "version", v)).body().get("version").asInt();
		assertThat(api.post("/api/v1/disputes/" + number + "/agreement", mediator, Map.of("form", "ORAL", "terms", "互相道歉，今后和睦相处。",
				"effectiveOn", effectiveOn.toString(), "version", v)).status()).isEqualTo(200);
		return number;
	}

	@Test
	void judicialConfirmationIsAppliedForWithinThirtyDaysAndRemindedBeforeTheWindowCloses() {
		var api = new TestApi(port);
		String mediator = api.token("mediator", "Demo@2026");
		LocalDate today = LocalDate.now(clock);
		String fresh = agreedOn(api, today, "司法确认窗口内");
		var applied = api.post("/api/v1/disputes/" + fresh + "/judicial-confirmation", mediator, Map.of("court", "常德市武陵区人民法院"));
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.body().get("agreement").get("confirmationCourt").asString()).isEqualTo("常德市武陵区人民法院");
		assertThat(api.post("/api/v1/disputes/" + fresh + "/judicial-confirmation", mediator, Map.of("court", "常德市武陵区人民法院")).status())
			.isEqualTo(409);
		var decided = api.post("/api/v1/disputes/" + fresh + "/judicial-confirmation/decision", mediator,
				Map.of("confirmed", true, "decidedOn", today.toString()));
		assertThat(decided.body().get("agreement").get("confirmationResult").asString()).isEqualTo("CONFIRMED");

		// 45 days ago: the window (30 days, at most a week's holiday added) has closed
		String late = agreedOn(api, today.minusDays(45), "司法确认窗口已过");
		var refused = api.post("/api/v1/disputes/" + late + "/judicial-confirmation", mediator, Map.of("court", "常德市武陵区人民法院"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains("第三十三条");

		// 28 days ago: the window closes within five days and nobody has applied, so the mediator is reminded
		String soon = agreedOn(api, today.minusDays(28), "司法确认即将届满");
		assertThat(api.get("/api/v1/disputes/confirmation-reminders", mediator).body().findValuesAsString("number"))
			.contains(soon).doesNotContain(fresh, late);
		assertThat(api.get("/api/v1/disputes/confirmation-reminders", api.token("dc.mediator", "Demo@2026")).body()
			.findValuesAsString("number")).doesNotContain(soon);
	}

	@Test
	void art8AndArt14AreCheckedWhenAnOrganisationIsSetUpOrChanged() {
		var api = new TestApi(port);
		String centre = api.token("wuling.center", "Demo@2026");
		Map<String, Object> woman = member("王桂英", "F", "CHAIR", "1970-03-01");
		Map<String, Object> man1 = member("李德明", "M", "MEMBER", "1968-03-01");
		Map<String, Object> man2 = member("张国平", "M", "MEMBER", "1975-03-01");
		Map<String, Object> man3 = member("赵小军", "M", "VICE_CHAIR", "1980-03-01");

		var tooFew = api.post("/api/v1/mediation/organisations", centre, org("府坪社区人民调解委员会", List.of(woman, man1)));
		assertThat(tooFew.status()).isEqualTo(400);
		assertThat(tooFew.body().get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("三至九人") && m.contains("第八条"));
		var noWoman = api.post("/api/v1/mediation/organisations", centre, org("府坪社区人民调解委员会",
				List.of(member("王国庆", "M", "CHAIR", "1970-03-01"), man1, man2)));
		assertThat(noWoman.body().get("errors").findValuesAsString("message")).contains("人民调解委员会应当有妇女成员（人民调解法第八条）");
		var minor = api.post("/api/v1/mediation/organisations", centre, org("府坪社区人民调解委员会",
				List.of(woman, man1, member("钱少年", "M", "MEMBER", LocalDate.now(clock).minusYears(17).toString()))));
		assertThat(minor.status()).isEqualTo(400);
		assertThat(minor.body().get("errors").findValuesAsString("message")).anyMatch(m -> m.contains("成年公民") && m.contains("第十四条"));
		var notFair = new HashMap<>(man2);
		notFair.put("fairAndUpright", false);
		assertThat(api.post("/api/v1/mediation/organisations", centre, org("府坪社区人民调解委员会", List.of(woman, man1, notFair)))
			.body().get("errors").findValuesAsString("field")).contains("members[2].fairAndUpright");
		assertThat(jdbc.sql("SELECT count(*) FROM mediation_org WHERE name = '府坪社区人民调解委员会'").query(Long.class).single()).isZero();
		// another county's centre may not set one up here
		assertThat(api.post("/api/v1/mediation/organisations", api.token("taoyuan.center", "Demo@2026"),
				org("府坪社区人民调解委员会", List.of(woman, man1, man2))).status()).isEqualTo(403);

		var created = api.post("/api/v1/mediation/organisations", centre, org("府坪社区人民调解委员会", List.of(woman, man1, man2, man3)));
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		long womanId = created.body().get("mediators").get(0).get("id").asLong();
		long manId = created.body().get("mediators").get(3).get("id").asLong();
		// the only woman cannot leave; a man can, down to three
		assertThat(api.post("/api/v1/mediation/organisations/" + id + "/mediators/" + womanId + "/leave", centre, Map.of()).status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/mediation/organisations/" + id + "/mediators/" + manId + "/leave", centre, Map.of()).status())
			.isEqualTo(200);
		long another = api.get("/api/v1/mediation/organisations/" + id, centre).body().get("mediators").get(2).get("id").asLong();
		assertThat(api.post("/api/v1/mediation/organisations/" + id + "/mediators/" + another + "/leave", centre, Map.of()).status())
			.isEqualTo(409);
		// training is recorded; a mediator without training in twelve months is shown as due
		var trained = api.post("/api/v1/mediation/organisations/" + id + "/mediators/" + womanId + "/trainings", centre,
				Map.of("heldOn", LocalDate.now(clock).minusDays(3).toString(), "topic", "民法典相邻关系", "hours", 8, "organiser", "武陵区司法局"));
		assertThat(trained.status()).isEqualTo(200);
		assertThat(trained.body().get("mediators").get(0).get("trainingDue").asBoolean()).isFalse();
		assertThat(trained.body().get("mediators").get(1).get("trainingDue").asBoolean()).isTrue();
	}

	static Map<String, Object> member(String name, String gender, String position, String birth) {
		Map<String, Object> m = new HashMap<>();
		m.put("name", name);
		m.put("gender", gender);
		m.put("position", position);
		m.put("birthDate", birth);
		m.put("fairAndUpright", true);
		m.put("enthusiastic", true);
		m.put("qualified", true);
		return m;
	}

	static Map<String, Object> org(String name, List<Map<String, Object>> members) {
		return Map.of("name", name, "kind", "PEOPLES", "level", "VILLAGE", "regionCode", "430702003001", "rooms", List.of("府坪社区调解室"),
				"members", members);
	}

}
