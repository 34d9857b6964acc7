package com.xinfang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobilePhoneAndMaskingTest {

	@Test
	void acceptsMainlandMobilesWithOrWithoutCountryCode() {
		assertThat(MobilePhone.problem("13800000001")).isEmpty();
		assertThat(MobilePhone.problem("+86 138-0000-0001")).isEmpty();
		assertThat(MobilePhone.normalise("+86 138-0000-0001")).isEqualTo("13800000001");
	}

	@Test
	void rejectsLandlinesShortNumbersAndBadPrefixes() {
		assertThat(MobilePhone.problem("07367228888")).contains("请输入11位手机号码");
		assertThat(MobilePhone.problem("1380000000")).isPresent();
		assertThat(MobilePhone.problem("12800000001")).isPresent();
		assertThat(MobilePhone.problem(null)).isPresent();
	}

	@Test
	void masksKeepOnlyWhatIdentifiesNobody() {
		assertThat(Masking.idNumber("43070219850315123X")).isEqualTo("430702********123X");
		assertThat(Masking.phone("13800000001")).isEqualTo("138****0001");
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧阳**");
		assertThat(Masking.address("湖南省常德市武陵区丹阳街道88号")).isEqualTo("湖南省常德市****");
		assertThat(Masking.idNumber(null)).isNull();
	}

}
