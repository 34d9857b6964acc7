package com.xinfang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

	@Test
	void subtreePrefixFollowsTheCodeLevels() {
		assertThat(Region.subtreePrefix("430000")).isEqualTo("43");
		assertThat(Region.subtreePrefix("430700")).isEqualTo("4307");
		assertThat(Region.subtreePrefix("430702")).isEqualTo("430702");
		assertThat(Region.subtreePrefix("430702001")).isEqualTo("430702001");
	}

	@Test
	void aCountyContainsItsTownshipsAndVillagesButNotItsNeighbours() {
		var wuling = new Region("430702", "武陵区", Region.Level.COUNTY, "430700");
		assertThat(wuling.contains("430702001003")).isTrue();
		assertThat(wuling.contains("430703001")).isFalse();
		assertThat(wuling.contains(null)).isFalse();
	}

}
