package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.organization.Unit;
import com.xinfang.petition.PetitionScope;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DataScopePolicyTest {

	static final Unit CITY_BUREAU = new Unit("CD-XFJ", "常德市信访局", Unit.Kind.PETITION_BUREAU, "430700", null);

	static final Unit WULING_BUREAU = new Unit("WL-XFJ", "武陵区信访局", Unit.Kind.PETITION_BUREAU, "430702", "CD-XFJ");

	static final Unit HR = new Unit("CD-HRSS", "市人力资源和社会保障局", Unit.Kind.DEPARTMENT, "430700", null);

	@Test
	void cityBureauStaffSeeTheWholeCityIncludingFunctionalZones() {
		var scope = DataScopePolicy.scopeFor(Actor.Kind.STAFF, 1, EnumSet.of(Role.REGISTRAR), CITY_BUREAU, "430700");
		assertThat(scope).isEqualTo(DataScope.region("4307"));
		assertThat(scope.permits("430703005", null, null)).isTrue();
		assertThat(scope.permits("430771", null, null)).isTrue();
		assertThat(scope.permits("430602", null, null)).as("岳阳 is another city").isFalse();
	}

	@Test
	void countyBureauStaffSeeOnlyTheirCounty() {
		var scope = DataScopePolicy.scopeFor(Actor.Kind.STAFF, 2, EnumSet.of(Role.REGISTRAR), WULING_BUREAU, "430702");
		assertThat(scope.permits("430702001", null, null)).isTrue();
		assertThat(scope.permits("430703001", null, null)).isFalse();
		assertThat(PetitionScope.sql(scope, "p")).isEqualTo("p.region_code LIKE ?");
		assertThat(PetitionScope.parameter(scope)).isEqualTo("430702%");
	}

	@Test
	void aDepartmentSeesOnlyWhatItIsResponsibleFor() {
		var scope = DataScopePolicy.scopeFor(Actor.Kind.STAFF, 3, EnumSet.of(Role.CASE_OFFICER, Role.UNIT_HEAD), HR, "430700");
		assertThat(scope).isEqualTo(DataScope.unit("CD-HRSS"));
		assertThat(scope.permits("430702001", "CD-HRSS", null)).isTrue();
		assertThat(scope.permits("430702001", "CD-ZJJ", null)).isFalse();
		assertThat(scope.permits("430702001", null, null)).as("not yet routed").isFalse();
	}

	@Test
	void leadersAndAdministratorsSeeTheirRegionWhateverTheirUnit() {
		var leader = DataScopePolicy.scopeFor(Actor.Kind.STAFF, 4, EnumSet.of(Role.LEADER),
				new Unit("CD-ZFB", "市人民政府办公室", Unit.Kind.GOVERNMENT, "430700", null), "430700");
		assertThat(leader).isEqualTo(DataScope.region("4307"));
	}

	@Test
	void aCitizenSeesOnlyTheirOwnMatters() {
		var scope = DataScopePolicy.scopeFor(Actor.Kind.CITIZEN, 42, EnumSet.of(Role.CITIZEN), null, null);
		assertThat(scope.permits("430702001", "CD-HRSS", 42L)).isTrue();
		assertThat(scope.permits("430702001", "CD-HRSS", 43L)).isFalse();
		assertThat(scope.permits("430702001", "CD-HRSS", null)).isFalse();
	}

	@Test
	void staffWithoutUnitOrRegionSeeNothing() {
		assertThat(DataScopePolicy.scopeFor(Actor.Kind.STAFF, 5, EnumSet.of(Role.REGISTRAR), null, null))
			.isEqualTo(DataScope.none());
		assertThat(DataScope.none().permits("430702", "X", 1L)).isFalse();
		assertThat(PetitionScope.sql(DataScope.none(), "p")).isEqualTo("FALSE");
	}

	@Test
	void passwordsNeedLengthLettersAndDigits() {
		assertThat(PasswordRule.problem("Demo@2026")).isEmpty();
		assertThat(PasswordRule.problem("short1")).contains("密码长度应为8至64位");
		assertThat(PasswordRule.problem("onlyletters")).contains("密码须同时包含字母和数字");
		assertThat(PasswordRule.problem("1234567890")).isPresent();
	}

}
