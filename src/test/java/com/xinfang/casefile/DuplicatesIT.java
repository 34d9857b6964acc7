package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.privacy.IdNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Candidate lookup, identity matching, scope, merge and the similar API on PostgreSQL. */
@IntegrationTest
class DuplicatesIT {

	static final String ORIGINAL = "再生资源回收站噪音扰民，金鹰路澧阳再生资源回收有限公司每天凌晨四点开始用铲车装卸废铁，"
			+ "噪音和粉尘严重影响澧县澧阳街道金鹰社区三百多户居民休息，请求环保部门查处并责令搬迁。";

	static final String REPEAT = "我又来反映澧阳再生资源回收有限公司的问题。上次说要整改，可是这家回收站现在改到凌晨三点就用铲车卸废铁了，"
			+ "金鹰社区的老人孩子根本睡不着，灰尘落满阳台。请环保局再查一次，要求这个回收站搬走。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestApi api;

	@Autowired
	PersonFiles persons;

	@Autowired
	CitizenHints hints;

	@Autowired
	CollectiveMatters collective;

	@Autowired
	CaseIndexer indexer;

	@Autowired
	Duplicates duplicates;

	@BeforeEach
	void setUp() {
		api = new TestApi(port);
	}

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	static Map<String, Object> letter(String region, String title, String content, String name, String id, String phone) {
		Map<String, Object> person = new HashMap<>();
		person.put("name", name);
		person.put("idNumber", id);
		person.put("phone", phone);
		return Map.of("channel", "LETTER", "regionCode", region, "title", title, "content", content, "categoryCode", "ENV",
				"petitioners", List.of(person));
	}

	static List<String> numbers(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.get("number").asString()));
		return out;
	}

	@Test
	void aRepeatInOtherWordsFindsItsOriginalAtRegistrationAndInTheSimilarApi() {
		String token = api.token("city.registrar", "Demo@2026");
		var original = api.post("/api/v1/petitions", token, letter("430723", "回收站噪音扰民", ORIGINAL, "刘志强",
				IdNumber.withCheckCharacter("43072319750312551"), "13907361234"));
		assertThat(original.status()).isEqualTo(201);
		String originalNumber = original.body().get("number").asString();

		// another person, another phone: the text alone must find it
		var repeat = api.post("/api/v1/petitions", token, letter("430723", "回收站还在半夜卸废铁", REPEAT, "陈美华",
				IdNumber.withCheckCharacter("43072319800506662"), "13907365678"));
		assertThat(repeat.status()).isEqualTo(201);
		JsonNode suggested = repeat.body().get("suggestions").get("duplicates");
		assertThat(numbers(suggested)).contains(originalNumber);
		JsonNode first = suggested.get(0);
		assertThat(first.get("number").asString()).isEqualTo(originalNumber);
		assertThat(first.get("score").asDouble()).isGreaterThanOrEqualTo(DuplicateScore.THRESHOLD);
		assertThat(first.get("sameIdentity").asBoolean()).isFalse();

		var similar = api.post("/api/v1/text/similar", token, Map.of("content", REPEAT, "regionCode", "430723", "limit", 5));
		assertThat(similar.status()).isEqualTo(200);
		assertThat(numbers(similar.body())).contains(originalNumber).hasSizeLessThanOrEqualTo(5);
		double previous = 2;
		for (JsonNode m : similar.body()) {
			assertThat(m.get("score").asDouble()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
			previous = m.get("score").asDouble();
			assertThat(m.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("number", "score", "sameIdentity", "band", "bandLabel");
			assertThat(m.get("band").asString()).isEqualTo(m.get("score").asDouble() >= DuplicateScore.LIKELY ? "LIKELY" : "POSSIBLE");
		}
	}

	@Test
	void aLetterThatSetsTheEarlierMatterAsideIsAtMostPossiblyRelated() {
		String token = api.token("city.registrar", "Demo@2026");
		String text = "安乡县深柳镇兴安小区的物业常德瑞祥物业管理有限公司没开业主大会就把物业费从1.0元涨到1.5元，请求督促物业公示成本，按原标准收费。";
		String content = "瑞祥物业停车收费的事邻居已经反映过，这次说的是另一件事：" + text;
		var original = api.post("/api/v1/petitions", token, letter("430721", "兴安小区物业费涨价", text, "周建华",
				IdNumber.withCheckCharacter("43072319700101551"), "13907361111"));
		assertThat(original.status()).isEqualTo(201);
		String originalNumber = original.body().get("number").asString();

		// the flag travels with the words: the queue row at registration, the document once indexed
		var letter = api.post("/api/v1/petitions", token, letter("430721", "兴安小区物业费涨价", content, "吴小兰",
				IdNumber.withCheckCharacter("43072319820202662"), "13907362222"));
		assertThat(letter.status()).isEqualTo(201);
		String sql = "SELECT p.id FROM petition p WHERE p.number = ?";
		long id = jdbc.sql(sql).param(letter.body().get("number").asString()).query(Long.class).single();
		assertThat(jdbc.sql("SELECT flags FROM casefile_index_queue WHERE petition_id = ?").param(id).query(Integer.class).optional())
			.hasValueSatisfying(f -> assertThat(f).isEqualTo(Fingerprint.SET_ASIDE));
		indexer.drain(100);
		assertThat(jdbc.sql("SELECT flags FROM casefile_doc WHERE petition_id = ?").param(id).query(Integer.class).single())
			.isEqualTo(Fingerprint.SET_ASIDE);

		// the same words without the set-aside sentence are the same matter; with it, at most 可能相关
		JsonNode same = byNumber(api.post("/api/v1/text/similar", token, Map.of("content", text, "regionCode", "430721")).body(),
				originalNumber);
		assertThat(same.get("band").asString()).isEqualTo("LIKELY");
		JsonNode aside = byNumber(api.post("/api/v1/text/similar", token, Map.of("content", content, "regionCode", "430721")).body(),
				originalNumber);
		assertThat(aside.get("band").asString()).isEqualTo("POSSIBLE");
		assertThat(aside.get("score").asDouble()).isBetween(DuplicateScore.THRESHOLD, DuplicateScore.BELOW_LIKELY);
		// and from the indexed letter itself (the case page's list)
		var registrar = new Actor(1, "t", "测试", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR), DataScope.region("4307"));
		assertThat(duplicates.forPetition(letter.body().get("number").asString(), registrar, 10))
			.filteredOn(m -> m.number().equals(originalNumber))
			.singleElement()
			.satisfies(m -> assertThat(m.band()).isEqualTo(DuplicateScore.Band.POSSIBLE));
	}

	private static JsonNode byNumber(JsonNode array, String number) {
		for (JsonNode m : array) {
			if (m.get("number").asString().equals(number)) {
				return m;
			}
		}
		throw new AssertionError(number + " not among " + array);
	}

	@Test
	void theSamePersonIsRecognisedByIdNumberDespiteANewPhoneAndAHomophoneName() {
		String token = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43072119660708443");
		var original = api.post("/api/v1/petitions", token, letter("430721", "养殖场排污", "安乡县安障乡某养殖场把猪粪直接排进沟渠，"
				+ "我家的鱼塘水发黑，鱼死了一大半，请求环保部门处理并赔偿损失。", "张晓明", id, "13907369001"));
		String originalNumber = original.body().get("number").asString();
		var similar = api.post("/api/v1/text/similar", token, Map.of("content", "养殖场的猪粪还在往沟渠里排，鱼塘又死鱼了。",
				"idNumber", id, "name", "张小明", "phone", "13907369999"));
		assertThat(similar.status()).isEqualTo(200);
		JsonNode hit = null;
		for (JsonNode m : similar.body()) {
			if (m.get("number").asString().equals(originalNumber)) {
				hit = m;
			}
		}
		assertThat(hit).as("the same person's earlier matter").isNotNull();
		assertThat(hit.get("sameIdentity").asBoolean()).isTrue();

		// 一人一档 from the later matter finds the earlier one (homophone name, new phone, same ID)
		var later = api.post("/api/v1/petitions", token, letter("430721", "养殖场排污又来了", "养殖场的猪粪还在往沟渠里排，鱼塘又死鱼了。",
				"张小明", id, "13907369999"));
		var file = persons.of(later.body().get("number").asString(), 0,
				new Actor(1, "t", "测试", Actor.Kind.STAFF, "CD-XFJ", "430700",
						Set.of(Role.REGISTRAR), DataScope.region("4307")));
		assertThat(file.matters()).extracting(PersonFiles.Entry::number).contains(originalNumber, later.body().get("number").asString());
		assertThat(file.repeats()).isGreaterThanOrEqualTo(1);
		assertThat(file.firstTime()).isEqualTo(1);

		// the phone alone with a different name is a relative, not the same person
		var byPhone = api.post("/api/v1/text/similar", token, Map.of("content", "与上述无关的另一件事：村道路灯坏了。",
				"phone", "13907369001", "name", "李红"));
		for (JsonNode m : byPhone.body()) {
			assertThat(m.get("sameIdentity").asBoolean()).isFalse();
		}
	}

	@Test
	void onlyMattersInTheCallersScopeAreCandidates() {
		String city = api.token("city.registrar", "Demo@2026");
		String text = "汉寿县龙阳街道滨湖花园小区门口的烧烤摊每晚营业到凌晨两点，油烟和吵闹声让业主无法入睡，请求城管执法部门取缔。";
		var created = api.post("/api/v1/petitions", city, letter("430722", "烧烤摊油烟扰民", text, "周建军",
				IdNumber.withCheckCharacter("43072219720101881"), "13907362222"));
		String number = created.body().get("number").asString();
		assertThat(numbers(api.post("/api/v1/text/similar", city, Map.of("content", text)).body())).contains(number);
		String wuling = api.token("wuling.registrar", "Demo@2026");
		var fromWuling = api.post("/api/v1/text/similar", wuling, Map.of("content", text));
		assertThat(fromWuling.status()).isEqualTo(200);
		assertThat(numbers(fromWuling.body())).doesNotContain(number);
		String hr = api.token("hr.officer", "Demo@2026");
		assertThat(numbers(api.post("/api/v1/text/similar", hr, Map.of("content", text)).body())).doesNotContain(number);
	}

	/**
	 * The registration's own suggestions (built from what the registration holds, and the person's
	 * matters read with their petitioners in one lookup) stay within the registrar's scope: the same
	 * person's matter in another county is suggested to the city's registrar, not to a district's.
	 */
	@Test
	void theSamePersonsMatterElsewhereIsSuggestedOnlyWithinTheRegistrarsScope() {
		String city = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43072219800505123");
		var elsewhere = api.post("/api/v1/petitions", city, letter("430722", "鱼塘承包费被多收", "汉寿县某村委会今年多收了我家鱼塘承包费两千元，"
				+ "请求退还。", "陈秋生", id, "13907365555"));
		assertThat(elsewhere.status()).isEqualTo(201);
		String elsewhereNumber = elsewhere.body().get("number").asString();
		String content = "我在武陵区打工，老家汉寿县的鱼塘承包费被村委会多收了两千元，一直没有退，请求督促退还。";

		String wuling = api.token("wuling.registrar", "Demo@2026");
		var there = api.post("/api/v1/petitions", wuling, letter("430702", "承包费多收", content, "陈秋生", id, "13907365555"));
		assertThat(there.status()).isEqualTo(201);
		assertThat(numbers(there.body().get("suggestions").get("duplicates"))).doesNotContain(elsewhereNumber);

		var here = api.post("/api/v1/petitions", city, letter("430702", "承包费多收", content, "陈秋生", id, "13907365555"));
		JsonNode suggested = here.body().get("suggestions").get("duplicates");
		assertThat(numbers(suggested)).contains(elsewhereNumber);
		for (JsonNode m : suggested) {
			if (m.get("number").asString().equals(elsewhereNumber)) {
				assertThat(m.get("sameIdentity").asBoolean()).isTrue();
			}
		}
	}

	@Test
	void badQuestionsAreRefusedInChinese() {
		String token = api.token("city.registrar", "Demo@2026");
		var empty = api.post("/api/v1/text/similar", token, Map.of("content", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().toString()).contains("请填写要比对的信访内容");
		var limit = api.post("/api/v1/text/similar", token, Map.of("content", "噪音扰民", "limit", 500));
		assertThat(limit.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/text/similar", null, Map.of("content", "噪音扰民")).status()).isEqualTo(401);
	}

	@Test
	void aConfirmedRepeatIsMergedTheOriginalsHandlerIsToldAndItCountsAsARepeat() {
		String token = api.token("city.registrar", "Demo@2026");
		var original = api.post("/api/v1/petitions", token, letter("430724", "采石场爆破震裂房屋", "临澧县停弦渡镇某采石场每天爆破，"
				+ "我家房屋墙体震出多条裂缝，请求应急管理部门查处并赔偿。", "黄德胜", IdNumber.withCheckCharacter("43072419630811227"), null));
		String originalNumber = original.body().get("number").asString();
		var repeat = api.post("/api/v1/petitions", token, letter("430724", "采石场还在爆破", "停弦渡镇采石场爆破又把我家墙震裂了，"
				+ "第二次反映，请求查处赔偿。", "黄德胜", IdNumber.withCheckCharacter("43072419630811227"), null));
		String repeatNumber = repeat.body().get("number").asString();
		JsonNode dup = repeat.body().get("suggestions").get("duplicates").get(0);
		assertThat(dup.get("number").asString()).isEqualTo(originalNumber);
		assertThat(dup.get("sameIdentity").asBoolean()).isTrue();

		var merged = api.post("/api/v1/petitions/" + repeatNumber + "/actions", token,
				Map.of("action", "MERGE", "into", originalNumber, "version", repeat.body().get("version").asInt()));
		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.body().get("status").asString()).isEqualTo("MERGED");
		assertThat(merged.body().get("duplicateOf").asString()).isEqualTo(originalNumber);
		assertThat(jdbc.sql("SELECT first_time FROM petition WHERE number = ?").param(repeatNumber).query(Boolean.class).single())
			.isFalse();
		assertThat(jdbc.sql("SELECT n.text FROM staff_notice n JOIN petition p ON p.id = n.petition_id WHERE p.number = ?")
			.param(originalNumber)
			.query(String.class)
			.list()).anyMatch(t -> t.contains(repeatNumber));

		// the petitioner of the repeat follows the original's progress with the repeat's own code
		var pub = api.get("/api/v1/public/petitions/" + repeatNumber + "?queryCode=" + repeat.body().get("queryCode").asString(), null);
		assertThat(pub.status()).isEqualTo(200);
		assertThat(pub.body().get("status").asString()).isEqualTo("MERGED");
		assertThat(pub.body().toString()).contains(originalNumber).contains("原事项登记");

		// merging into a matter that is itself merged is refused: the chain would hide the original
		var third = api.post("/api/v1/petitions", token, letter("430724", "采石场爆破", "停弦渡镇采石场爆破震裂房屋第三次反映。", "黄德胜",
				IdNumber.withCheckCharacter("43072419630811227"), null));
		var refused = api.post("/api/v1/petitions/" + third.body().get("number").asString() + "/actions", token,
				Map.of("action", "MERGE", "into", repeatNumber, "version", third.body().get("version").asInt()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body().get("detail").asString()).contains(originalNumber);
	}

	@Test
	void chineseSubstringsAreIndexedByTrigrams() {
		assertThat(jdbc.sql("SELECT cardinality(show_trgm('锦绣华庭小区'))").query(Integer.class).single()).isGreaterThan(2);
	}

	@Test
	void theCitizenIsToldBeforeSubmittingNamingOnlyTheirOwnMatters() {
		String citizen = api.token("13800000001", "Demo@2026");
		String own = "津市市新洲镇渡口码头的趸船锈蚀严重，护栏断了好几处，每天上百人坐船过河，请求海事和交通部门尽快维修。";
		var created = api.post("/api/v1/petitions", citizen, Map.of("channel", "ONLINE", "regionCode", "430781", "title",
				"渡口趸船护栏断了", "content", own));
		assertThat(created.status()).isEqualTo(201);
		String number = created.body().get("number").asString();
		long userId = jdbc.sql("SELECT citizen_user_id FROM petition WHERE number = ?").param(number).query(Long.class).single();
		var me = new Actor(userId, "citizen", "张三", Actor.Kind.CITIZEN, null, null,
				Set.of(Role.CITIZEN), DataScope.own(userId));
		var hint = hints.before("新洲镇渡口的趸船护栏还是断的，锈得厉害，坐船过河太危险，请求维修。", "430781", me);
		assertThat(hint.own()).extracting(Duplicates.Match::number).contains(number);

		// someone else's near-identical open matter at the same place: told, never named
		String registrar = api.token("city.registrar", "Demo@2026");
		String theirs = "桃源县漳江街道桃花路菜市场的排污沟堵塞，污水漫到路面，臭气熏天，请求城管部门清淤疏通。";
		var other = api.post("/api/v1/petitions", registrar, letter("430725", "菜市场排污沟堵塞", theirs, "龚建华", null, null));
		var aboutTheirs = hints.before(theirs, "430725", me);
		assertThat(aboutTheirs.othersInHandling()).isTrue();
		assertThat(aboutTheirs.own()).extracting(Duplicates.Match::number).doesNotContain(other.body().get("number").asString());
		assertThat(hints.before("完全不同的一件事：我家楼下的路灯已经坏了一个月了，晚上很黑。", "430725", me).othersInHandling()).isFalse();
	}

	@Test
	void petitionsOfDifferentPeopleAboutTheSameMatterAndPlaceFormOneCollectiveMatter() {
		String token = api.token("city.registrar", "Demo@2026");
		String text = "鼎城区灌溪镇宏达建材厂粉尘排放严重，周边三个村的菜地和房顶全是灰，村民咳嗽不止，请求环保部门查处宏达建材厂。";
		var first = api.post("/api/v1/petitions", token, Map.of("channel", "VISIT", "regionCode", "430703", "title", "宏达建材厂粉尘污染",
				"content", text, "categoryCode", "ENV", "personCount", 3,
				"petitioners", List.of(Map.of("name", "易国强"), Map.of("name", "易国华"), Map.of("name", "彭春兰"))));
		var second = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430703", "title", "灌溪镇宏达建材厂粉尘",
				"content", "灌溪镇宏达建材厂排放粉尘，周边村子的菜地房顶全是灰，老人小孩咳嗽，请求环保部门查处宏达建材厂。",
				"categoryCode", "ENV", "petitioners", List.of(Map.of("name", "罗正义"))));
		String a = first.body().get("number").asString(), b = second.body().get("number").asString();
		indexer.drain(10); // matters join their collective matter in the indexer's next batch, not in the request
		var group = collective.of(b).orElseThrow();
		assertThat(group.numbers()).containsExactly(a, b);
		assertThat(group.persons()).isEqualTo(4);
		// an unrelated matter at the same place stays out
		var third = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430703", "title", "灌溪镇低保",
				"content", "灌溪镇某村低保评定不公开，村干部亲属吃低保，请求民政部门核查。", "categoryCode", "CIVIL",
				"petitioners", List.of(Map.of("name", "易国强"))));
		indexer.drain(10);
		assertThat(collective.of(third.body().get("number").asString())).isEmpty();
		// Art 30: an accusation about the same factory is never grouped with the claims (the batch
		// pairs an accusation only with accusations)
		var accusation = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430703",
				"title", "检举宏达建材厂粉尘", "content", "检举灌溪镇环保站干部包庇宏达建材厂，宏达建材厂粉尘排放严重，周边村子菜地房顶全是灰，"
						+ "村民咳嗽，请求查处宏达建材厂和包庇的干部。",
				"categoryCode", "ENV", "kind", "ACCUSATION", "accused", Map.of("unit", "灌溪镇环保站"),
				"petitioners", List.of(Map.of("name", "邹建新", "idNumber", IdNumber.withCheckCharacter("43070319700303333")))));
		assertThat(accusation.status()).as(accusation.body().toString()).isEqualTo(201);
		indexer.drain(10);
		assertThat(collective.of(accusation.body().get("number").asString())).isEmpty();
		assertThat(collective.of(b).orElseThrow().numbers()).doesNotContain(accusation.body().get("number").asString());
	}

}
