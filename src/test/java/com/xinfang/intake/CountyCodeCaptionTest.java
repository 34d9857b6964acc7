package com.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The caption under each printed QR code is drawn in full for every county of Changde. */
class CountyCodeCaptionTest {

	@Test
	void everyCountyNameIsDrawable() {
		for (String county : new String[] { "武陵区", "鼎城区", "安乡县", "汉寿县", "澧县", "临澧县", "桃源县", "石门县", "津市市",
				"西洞庭管理区", "柳叶湖旅游度假区" }) {
			assertThat(CountyCodes.captionDrawable("常德市" + county + " 网上信访")).as(county).isTrue();
		}
	}

}
