package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Unit;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 《信访工作条例》 Art 30: the accuser's identity never reaches the accused. */
class ConfidentialityRuleTest {

	static final Unit BUREAU = new Unit("CD-XFJ", "常德市信访局", Unit.Kind.PETITION_BUREAU, "430700", null);

	static final Unit DISCIPLINE = new Unit("CD-JWJW", "市纪委监委", Unit.Kind.DISCIPLINE, "430700", null);

	static final Unit HOUSING = new Unit("CD-ZJJ", "市住房和城乡建设局", Unit.Kind.DEPARTMENT, "430700", null);

	static Actor staff(Unit unit, Role role) {
		return new Actor(9, "x", "某人", Actor.Kind.STAFF, unit.code(), unit.regionCode(), Set.of(role), DataScope.unit(unit.code()));
	}

	@Test
	void onlyTheBureauAndDisciplineBodySeeWhoAccuses() {
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, staff(BUREAU, Role.REGISTRAR), BUREAU, null)).isTrue();
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, staff(DISCIPLINE, Role.CASE_OFFICER), DISCIPLINE, null)).isTrue();
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, staff(HOUSING, Role.UNIT_HEAD), HOUSING, null)).isFalse();
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.CLAIM, staff(HOUSING, Role.UNIT_HEAD), HOUSING, null)).isTrue();
	}

	@Test
	void theAccuserSeesTheirOwnMatterButNoOtherCitizenDoes() {
		var owner = new Actor(42, "citizen:42", "张三", Actor.Kind.CITIZEN, null, null, Set.of(Role.CITIZEN), DataScope.own(42));
		var other = new Actor(43, "citizen:43", "李四", Actor.Kind.CITIZEN, null, null, Set.of(Role.CITIZEN), DataScope.own(43));
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, owner, null, 42L)).isTrue();
		assertThat(ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, other, null, 42L)).isFalse();
	}

	@Test
	void anAccusationIsNeverSentToTheUnitItAccuses() {
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, HOUSING.code(), null, HOUSING)).isTrue();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, null, "常德市住房和城乡建设局某科室", HOUSING)).isTrue();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, null, "住房和城乡建设局", HOUSING)).isTrue();
		// the abbreviation people write: its characters in order, ending the same
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, null, "住建局", HOUSING)).isTrue();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, null, "鼎城区某镇某村村委会", HOUSING)).isFalse();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, null, "人社局", HOUSING)).isFalse();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.ACCUSATION, "CD-HRSS", null, HOUSING)).isFalse();
		assertThat(ConfidentialityRule.wouldReachAccused(Kind.CLAIM, HOUSING.code(), "住房和城乡建设局", HOUSING)).isFalse();
	}

}
