package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 打卡式 visits on 一人一档, from registered visits; registering them is never refused. */
@IntegrationTest
class VisitPatternIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonFiles persons;

	@Autowired
	Clock clock;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	@Test
	void threeVisitsOnOneMatterWithinWeeksShowAsShortIntervalsWithTheirDatesAndAnUnrelatedLetterDoesNot() {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43072619680412227");
		OffsetDateTime first = OffsetDateTime.now(clock).minusDays(40).withNano(0);
		String text = "石门县蒙泉镇砂石场的运砂车把村道压坏了，一下雨全是泥坑，请求交通部门责令砂石场修复村道。";
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> person = new HashMap<>(Map.of("name", "覃志强", "idNumber", id));
			var r = api.post("/api/v1/petitions", token, Map.of("channel", "VISIT", "regionCode", "430726", "title", "砂石场运砂车压坏村道",
					"content", (i == 0 ? "" : "我又来了。") + text, "categoryCode", "TRANSPORT", "petitioners", List.of(person),
					"receivedAt", first.plusDays(12L * i).toString()));
			assertThat(r.status()).as("a visit is registered, whatever the pattern").isEqualTo(201);
			numbers.add(r.body().get("number").asString());
		}
		var letter = api.post("/api/v1/petitions", token, Map.of("channel", "LETTER", "regionCode", "430726", "title", "低保申请",
				"content", "我家老人申请低保三个月没有结果，请民政部门尽快审核。", "categoryCode", "CIVIL",
				"petitioners", List.of(Map.of("name", "覃志强", "idNumber", id))));
		assertThat(letter.status()).isEqualTo(201);

		Actor registrar = new Actor(1, "t", "测试", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR),
				DataScope.region("4307"));
		var file = persons.of(numbers.get(2), 0, registrar);
		assertThat(file.matters()).hasSize(4);
		assertThat(file.visitPattern()).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("SHORT_INTERVALS");
			assertThat(f.numbers()).containsExactlyElementsOf(numbers);
			assertThat(f.dates()).hasSize(3).isSorted();
			assertThat(f.dates().get(0)).isBetween(LocalDate.now(clock).minusDays(41), LocalDate.now(clock).minusDays(39));
		});
	}

}
