package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.privacy.IdNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 一人一档 labels a matter 重复 only when it repeats an earlier matter (its first_time flag, as
 * recorded at registration or by a merge), not because it is not the person's first row.
 */
@IntegrationTest
class PersonFileRepeatsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonFiles persons;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	@Test
	void unrelatedMattersOfOnePersonAreNotRepeatsOnlyTheOneRecordedAsARepeatIs() {
		var api = new TestApi(port);
		String token = api.token("city.registrar", "Demo@2026");
		String id = IdNumber.withCheckCharacter("43072519720915331");
		String[] subjects = { "村道路灯坏了三个月没人修", "孩子上学的校车停运", "低保资格被取消", "邻居占用公共通道堆放杂物" };
		List<String> numbers = new ArrayList<>();
		for (String subject : subjects) {
			var r = api.post("/api/v1/petitions", token, DuplicatesIT.letter("430725", subject, subject + "，请有关部门尽快处理，谢谢。",
					"郑桂兰", id, "13907367788"));
			assertThat(r.status()).isEqualTo(201);
			numbers.add(r.body().get("number").asString());
		}
		// as recorded: four unrelated matters, each a first-time petition, except the last one, which the registrar
		// recorded as repeating an earlier matter (first_time false)
		jdbc.sql("UPDATE petition SET first_time = (number <> ?) WHERE number IN (?, ?, ?, ?)")
			.params(numbers.get(3), numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3))
			.update();

		Actor registrar = new Actor(1, "t", "测试", Actor.Kind.STAFF, "CD-XFJ", "430700", Set.of(Role.REGISTRAR),
				DataScope.region("4307"));
		var file = persons.of(numbers.get(2), 0, registrar);
		assertThat(file.matters()).extracting(PersonFiles.Entry::number).containsExactlyElementsOf(numbers);
		// the first row is not a repeat (it used to be labelled 重复 whenever its flag said so, and every later row always)
		assertThat(file.matters()).extracting(PersonFiles.Entry::repeat).containsExactly(false, false, false, true);
		assertThat(file.firstTime()).isEqualTo(3);
		assertThat(file.repeats()).isEqualTo(1);
	}

}
