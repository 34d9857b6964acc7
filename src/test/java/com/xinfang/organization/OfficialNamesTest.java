package com.xinfang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fallback for a unit added without an official name or 机关代字. */
class OfficialNamesTest {

	static final Map<String, Region> REGIONS = new LinkedHashMap<>();

	static {
		for (Region r : new Region[] { new Region("430700", "常德市", Region.Level.CITY, null),
				new Region("430702", "武陵区", Region.Level.COUNTY, "430700"),
				new Region("430723", "澧县", Region.Level.COUNTY, "430700"),
				new Region("430781", "津市市", Region.Level.COUNTY, "430700"),
				new Region("430771", "常德经济技术开发区", Region.Level.ZONE, "430700"),
				new Region("430774", "西湖管理区", Region.Level.ZONE, "430700") }) {
			REGIONS.put(r.code(), r);
		}
	}

	@Test
	void cityDepartmentsAreNamedUnderTheCity() {
		assertThat(OfficialNames.officialName("市人力资源和社会保障局", "430700", REGIONS)).isEqualTo("常德市人力资源和社会保障局");
		assertThat(OfficialNames.officialName("涉法涉诉联合受理中心", "430700", REGIONS)).isEqualTo("常德市涉法涉诉联合受理中心");
		assertThat(OfficialNames.officialName("常德市信访局", "430700", REGIONS)).isEqualTo("常德市信访局");
	}

	@Test
	void districtsAndZonesAreWrittenUnderTheCityCountiesOnTheirOwn() {
		assertThat(OfficialNames.officialName("武陵区信访局", "430702", REGIONS)).isEqualTo("常德市武陵区信访局");
		assertThat(OfficialNames.officialName("区住房和城乡建设局", "430702001", REGIONS)).isEqualTo("常德市武陵区住房和城乡建设局");
		assertThat(OfficialNames.officialName("澧县信访局", "430723", REGIONS)).isEqualTo("澧县信访局");
		assertThat(OfficialNames.officialName("县民政局", "430723", REGIONS)).isEqualTo("澧县民政局");
		assertThat(OfficialNames.officialName("市民政局", "430781", REGIONS)).isEqualTo("津市市民政局");
		assertThat(OfficialNames.officialName("西湖管理区社会事务局", "430774", REGIONS)).isEqualTo("常德市西湖管理区社会事务局");
		assertThat(OfficialNames.officialName("常德经济技术开发区社会事务局", "430771", REGIONS)).isEqualTo("常德经济技术开发区社会事务局");
	}

	@Test
	void aMissingDocumentCodeIsMadeFromThePlaceAndTheName() {
		assertThat(OfficialNames.documentCode("市退役军人事务局", Unit.Kind.DEPARTMENT, "430700", REGIONS)).isEqualTo("常退役信");
		assertThat(OfficialNames.documentCode("武陵区住房和城乡建设局", Unit.Kind.DEPARTMENT, "430702", REGIONS)).isEqualTo("武住房信");
		assertThat(OfficialNames.documentCode("澧县信访局", Unit.Kind.PETITION_BUREAU, "430723", REGIONS)).isEqualTo("澧信访");
	}

	@Test
	void aUnitWithoutRecordedNamesUsesItsShortName() {
		Unit u = new Unit("X", "市教育局", Unit.Kind.DEPARTMENT, "430700", null);
		assertThat(u.officialName()).isEqualTo("市教育局");
		assertThat(u.documentCode()).isNull();
	}

}
