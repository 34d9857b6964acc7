package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityRuleTest {

	static IdentityRule.Person p(String name, String id, String phone) {
		return new IdentityRule.Person(name, id, phone);
	}

	@Test
	void theIdNumberDecidesDespiteANewPhoneOrAHomophoneName() {
		assertThat(IdentityRule.samePerson(p("张晓明", "ID1", "PH1"), p("张小明", "ID1", "PH2"))).isTrue();
		assertThat(IdentityRule.samePerson(p("张晓明", "ID1", null), p("张晓明", "ID1", null))).isTrue();
		assertThat(IdentityRule.samePerson(p("张晓明", "ID1", null), p(null, "ID1", null))).isTrue();
	}

	@Test
	void theSameIdNumberWithAnotherNameIsNotTakenOnTrust() {
		assertThat(IdentityRule.samePerson(p("张晓明", "ID1", null), p("李红", "ID1", null))).isFalse();
	}

	@Test
	void aPhoneDecidesOnlyWithTheSameOrAHomophoneName() {
		assertThat(IdentityRule.samePerson(p("王建国", null, "PH1"), p("王建国", null, "PH1"))).isTrue();
		assertThat(IdentityRule.samePerson(p("王建国", null, "PH1"), p("王健国", null, "PH1"))).isTrue();
		assertThat(IdentityRule.samePerson(p("王建国", null, "PH1"), p("王秀英", null, "PH1"))).as("a relative on the family phone").isFalse();
		assertThat(IdentityRule.samePerson(p("王建国", null, "PH1"), p(null, null, "PH1"))).isFalse();
	}

	@Test
	void aNameAloneNeverDecides() {
		assertThat(IdentityRule.samePerson(p("王建国", null, null), p("王建国", null, null))).isFalse();
		assertThat(IdentityRule.samePerson(p("王建国", "ID1", "PH1"), p("王建国", "ID2", "PH2"))).isFalse();
	}

	@Test
	void namesSoundTheSameWithoutTones() {
		assertThat(IdentityRule.sound("张小明")).isEqualTo("zhang xiao ming");
		assertThat(IdentityRule.namesAgree("刘志强", "刘智强")).isTrue();
		assertThat(IdentityRule.namesAgree("刘志强", "刘志")).isFalse();
	}

}
