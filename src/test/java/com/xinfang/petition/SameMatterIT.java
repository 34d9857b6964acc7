package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Art 19 and Art 36 (docs/lifecycle.md, "the same matter"): the same person with the same facts,
 * whatever the category and before classification, is registered but not accepted again; the
 * refusal names the earlier matter only to who may see it.
 */
@IntegrationTest
class SameMatterIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	private static final AtomicInteger SEQ = new AtomicInteger(500);

	static final String FACTS = "石门县皂市镇某村修建水泥路占用我家责任田一亩二分，村里至今未按协议补偿青苗费和土地补偿款八千六百元，请求落实补偿。";

	static final String RETOLD = "我家的责任田被村里修水泥路占了一亩多，说好的青苗费和土地补偿款八千多块到现在都没给，请求督促村里落实补偿。";

	@Autowired
	PetitionRegistration registration;

	@Autowired
	PetitionActions actions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	String id;

	Actor actor(String username) {
		return accounts.actorByUsername(username).orElseThrow();
	}

	String register(String text, String category, String kind, String region) {
		return registration.register(new RegisterPetition("LETTER", OffsetDateTime.now(clock), region, "土地补偿", text, category,
				kind, null, List.of(new RegisterPetition.PetitionerInput("向正清", id, null, null, false)), 1, null, null),
				List.of(), actor("city.registrar")).petition().number();
	}

	/** The earlier matter's history is not the point here: it stands concluded (or in handling). */
	void standAs(String number, String status) {
		jdbc.sql("UPDATE petition SET status = ? WHERE number = ?").params(status, number).update();
	}

	void accept(String number, Actor by) {
		actions.perform(number, queries.find(number, by).version(), new PetitionCommand.Accept(), by);
	}

	@BeforeEach
	void aPerson() {
		int n = SEQ.incrementAndGet();
		id = IdNumber.withCheckCharacter("43072619" + (50 + n % 40) + "0202" + String.format("%03d", n % 1000));
	}

	@Test
	void theSameFactsAfter终结AreRegisteredButNotAcceptedWhateverTheCategory() {
		String earlier = register(FACTS, "LAND", "CLAIM", "430726");
		standAs(earlier, "FINAL");
		// no category, no kind: the rule still applies (it used to be skipped)
		String again = register(RETOLD, null, null, "430726");
		assertThat(queries.find(again, actor("city.registrar")).status()).isEqualTo(Status.REGISTERED);
		assertThatThrownBy(() -> accept(again, actor("city.registrar")))
			.isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining(earlier)
			.hasMessageContaining("第三十六条");
		// another category makes no difference either
		String recategorised = register(RETOLD, "AGRI", "CLAIM", "430726");
		assertThatThrownBy(() -> accept(recategorised, actor("city.registrar"))).hasMessageContaining("第三十六条");
		// the 不再受理告知书 names the earlier matter for the bureau that may see it
		var p = queries.find(again, actor("city.registrar"));
		actions.perform(again, p.version(), new PetitionCommand.Reject("同一事实已复核终结", null), actor("city.registrar"));
		assertThat(queries.documents(again, actor("city.registrar"), "")).extracting(PetitionViews.Document::name)
			.anyMatch(n -> n.contains("不再受理告知书"));
	}

	@Test
	void otherFactsOfTheSamePersonAreAccepted() {
		standAs(register(FACTS, "LAND", "CLAIM", "430726"), "FINAL");
		String other = register("我儿子在县城某职业学校就读，学校多收住宿费一千二百元，请求退还。", "EDU", "CLAIM", "430726");
		accept(other, actor("city.registrar"));
		assertThat(queries.find(other, actor("city.registrar")).status()).isEqualTo(Status.ACCEPTED);
	}

	@Test
	void aMatterInHandlingBlocksASecondAcceptanceAndOffersTheMerge() {
		String earlier = register(FACTS, "LAND", "CLAIM", "430726");
		standAs(earlier, "ACCEPTED");
		String again = register(RETOLD, null, null, "430726");
		assertThatThrownBy(() -> accept(again, actor("city.registrar"))).isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining(earlier)
			.hasMessageContaining("第十九条")
			.hasMessageContaining("合并");
	}

	@Test
	void aUnitIsToldInWordsOfAnEarlierMatterItMayNotSee() {
		String earlier = register(FACTS, "LAND", "CLAIM", "430726");
		standAs(earlier, "FINAL");
		String again = register(RETOLD, "LABOR", "CLAIM", "430726");
		var p = queries.find(again, actor("city.registrar"));
		actions.perform(again, p.version(), new PetitionCommand.Transfer("CD-HRSS",
				new PetitionCommand.Communication("对接人", OffsetDateTime.now(clock).minusHours(1), "电话沟通")), actor("city.registrar"));
		Actor hr = actor("hr.officer");
		assertThatThrownBy(() -> queries.find(earlier, hr)).isInstanceOf(DomainException.NotFound.class);
		assertThatThrownBy(() -> accept(again, hr)).isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("第三十六条")
			.hasMessageContaining("不在您的查看范围")
			.hasMessageNotContaining(earlier);
	}

	@Test
	void anAccusationNeitherBlocksNorIsBlockedByAClaim() {
		String earlier = register(FACTS, "LAND", "ACCUSATION", "430726");
		standAs(earlier, "FINAL");
		String claim = register(RETOLD, "LAND", "CLAIM", "430726");
		accept(claim, actor("city.registrar"));
		assertThat(queries.find(claim, actor("city.registrar")).status()).isEqualTo(Status.ACCEPTED);
	}

	@Test
	void onlyTheSameFactsMakeARepeatNotAnotherMatterOfTheSamePerson() {
		String first = register(FACTS, null, null, "430726"); // not yet classified: still found
		String unrelated = register("我儿子在县城某职业学校就读，学校多收住宿费一千二百元，请求退还。", "EDU", "CLAIM", "430726");
		String retold = register(RETOLD, null, null, "430726");
		assertThat(firstTime(first)).isTrue();
		assertThat(firstTime(unrelated)).isTrue();
		assertThat(firstTime(retold)).isFalse();
	}

	boolean firstTime(String number) {
		return jdbc.sql("SELECT first_time FROM petition WHERE number = ?").param(number).query(Boolean.class).single();
	}

}
