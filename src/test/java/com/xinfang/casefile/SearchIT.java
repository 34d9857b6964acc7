package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Chinese full-text search: segmented words, exact substrings, marks, filters and scope. */
@IntegrationTest
class SearchIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseIndexer indexer;

	@Autowired
	Search search;

	static final Actor CITY = new Actor(1, "t", "测试", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR),
			DataScope.region("4307"));

	static final Actor WULING = new Actor(2, "t2", "测试", Actor.Kind.STAFF, "WL-XFJ", "430702", Set.of(Role.REGISTRAR),
			DataScope.region("430702"));

	String register(String region, String title, String content) {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		var created = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", region, "title", title,
				"content", content, "categoryCode", "URBAN", "petitioners", List.of(Map.of("name", "郑秀兰"))));
		assertThat(created.status()).isEqualTo(201);
		indexer.drain(10); // found by search once the indexer's batch has written its document
		return created.body().get("number").asString();
	}

	static List<String> numbers(Search.Result r) {
		return r.hits().stream().map(Search.Hit::number).toList();
	}

	@Test
	void findsAMatterByItsNumberOrItsTailWithinTheScope() {
		String number = register("430726", "石门县某村饮水不安全", "石门县某村自来水浑浊发黄，村民饮水不安全，请求整改。");
		assertThat(numbers(search.search(new Search.Filter(number, null, null, null), CITY))).containsExactly(number);
		assertThat(numbers(search.search(new Search.Filter(number.toLowerCase(), null, null, null), CITY))).contains(number);
		String tail = number.substring(number.length() - 8);
		assertThat(numbers(search.search(new Search.Filter(tail, null, null, null), CITY))).contains(number);
		// out of scope: as if it did not exist
		assertThat(numbers(search.search(new Search.Filter(number, null, null, null), WULING))).doesNotContain(number);
	}

	@Test
	void findsByWordsAndBySubstringMarksThemAndKeepsToTheScope() {
		String number = register("430726", "蒙泉镇翠湖山庄电梯困人", "石门县蒙泉镇翠湖山庄小区7栋电梯本月三次困人，物业只贴了张通知，"
				+ "维保公司一直不来检修，请求市场监管部门对电梯进行安全检查。");

		var byWords = search.search(new Search.Filter("翠湖山庄 电梯", null, null, null), CITY);
		assertThat(numbers(byWords)).contains(number);
		var hit = byWords.hits().stream().filter(h -> h.number().equals(number)).findFirst().orElseThrow();
		assertThat(hit.title()).anyMatch(p -> p.mark() && p.text().contains("电梯"));
		assertThat(hit.snippet()).anyMatch(Highlight.Piece::mark);

		// an exact substring that cuts across words
		assertThat(numbers(search.search(new Search.Filter("贴了张通知", null, null, null), CITY))).contains(number);
		// words that are not all there: not found
		assertThat(numbers(search.search(new Search.Filter("翠湖山庄 拆迁补偿", null, null, null), CITY))).doesNotContain(number);
		// filters
		assertThat(numbers(search.search(new Search.Filter("翠湖山庄", null, "430702", null), CITY))).doesNotContain(number);
		assertThat(numbers(search.search(new Search.Filter("翠湖山庄", "REGISTERED", "430726", "URBAN"), CITY))).contains(number);
		// scope: 武陵区 does not see a 石门县 matter
		assertThat(numbers(search.search(new Search.Filter("翠湖山庄", null, null, null), WULING))).doesNotContain(number);
	}

	@Test
	void refusesCitizensAndOverlongQueries() {
		var citizen = new Actor(3, "c", "张三", Actor.Kind.CITIZEN, null, null, Set.of(Role.CITIZEN), DataScope.own(3));
		assertThatThrownBy(() -> search.search(new Search.Filter("电梯", null, null, null), citizen))
			.isInstanceOf(DomainException.Forbidden.class);
		assertThatThrownBy(() -> search.search(new Search.Filter("长".repeat(101), null, null, null), CITY))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("检索词不能超过100字");
		assertThat(search.search(new Search.Filter("  ", null, null, null), CITY).hits()).isEmpty();
	}

}
