package com.xinfang.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.organization.Region;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	static final List<Region> REGIONS = List.of(new Region("430700", "常德市", Region.Level.CITY, null),
			new Region("430702", "武陵区", Region.Level.COUNTY, "430700"),
			new Region("430703", "鼎城区", Region.Level.COUNTY, "430700"),
			new Region("430725", "桃源县", Region.Level.COUNTY, "430700"),
			new Region("430781", "津市市", Region.Level.COUNTY, "430700"),
			new Region("430772", "柳叶湖旅游度假区", Region.Level.ZONE, "430700"),
			new Region("430702002", "丹阳街道", Region.Level.TOWNSHIP, "430702"),
			new Region("430702002001", "丹阳社区", Region.Level.VILLAGE, "430702002"),
			new Region("430702001002", "建设社区", Region.Level.VILLAGE, "430702001"),
			new Region("430703001", "玉霞街道", Region.Level.TOWNSHIP, "430703"),
			new Region("430725001", "漳江街道", Region.Level.TOWNSHIP, "430725"));

	final EntityExtractor extractor = new EntityExtractor(REGIONS);

	@Test
	void theDeepestPlaceNamedPrefillsTheRegion() {
		var e = extractor.extract("物业费涨价", "我是武陵区丹阳街道锦绣华庭小区的业主，物业从去年起乱收费。", TODAY);
		assertThat(e.regionCode()).isEqualTo("430702002");
		assertThat(e.places()).extracting(Entities.Place::code).contains("430702", "430702002");
	}

	@Test
	void aCountyIsFoundByItsShortNameAndAZoneByItsCommonName() {
		assertThat(extractor.extract(null, "我们桃源这边的路烂了好几年", TODAY).regionCode()).isEqualTo("430725");
		assertThat(extractor.extract(null, "柳叶湖那边的景区门票乱收费", TODAY).regionCode()).isEqualTo("430772");
		// "津市市" is one place, not 津市 plus 市
		assertThat(extractor.extract(null, "津市市人民医院收红包", TODAY).places()).extracting(Entities.Place::code)
			.containsExactly("430781");
	}

	@Test
	void aCommonWordThatIsAlsoAVillageShortNameIsNotAPlace() {
		// 建设社区 exists, but "建设" alone is a word, not a place
		var e = extractor.extract(null, "希望加快道路建设，早日通车", TODAY);
		assertThat(e.places()).isEmpty();
		assertThat(e.regionCode()).isNull();
	}

	@Test
	void noPlaceNoRegion() {
		assertThat(extractor.extract("工资", "老板欠我工资三个月了", TODAY).regionCode()).isNull();
	}

	@Test
	void amountsInDigitsAndInChinese() {
		var amounts = extractor.extract(null,
				"补偿款3.5万元只给了一半，借了二十万元，包工头欠我们十八万多，房租一个月600元，医药费五千块钱，二十几万", TODAY).amounts();
		assertThat(amounts).extracting(a -> a.yuan().toPlainString())
			.containsExactly("35000", "200000", "180000", "600", "5000", "200000");
		assertThat(amounts.get(2).approximate()).isTrue();
		assertThat(amounts.get(0).approximate()).isFalse();
	}

	@Test
	void numbersThatAreNotMoneyAreNotAmounts() {
		var amounts = extractor.extract(null, "2024年我们十几个人走了五百米，万一出事怎么办，住在七楼", TODAY).amounts();
		assertThat(amounts).isEmpty();
	}

	@Test
	void chineseNumerals() {
		assertThat(Amounts.parse("一千二百")).isEqualByComparingTo(BigDecimal.valueOf(1200));
		assertThat(Amounts.parse("一千五")).isEqualByComparingTo(BigDecimal.valueOf(1500));
		assertThat(Amounts.parse("三万五千")).isEqualByComparingTo(BigDecimal.valueOf(35000));
		assertThat(Amounts.parse("十八")).isEqualByComparingTo(BigDecimal.valueOf(18));
		assertThat(Amounts.parse("两百")).isEqualByComparingTo(BigDecimal.valueOf(200));
	}

	@Test
	void absoluteAndRelativeDates() {
		var dates = extractor.extract(null, "2024年3月签的合同，约定2025年10月15日交房，去年十月又来催，上个月还是没动静，2022年就开始了",
				TODAY).dates();
		assertThat(dates).extracting(Entities.DateMention::date)
			.containsExactly(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 10, 15), LocalDate.of(2025, 10, 1),
					LocalDate.of(2026, 2, 1), LocalDate.of(2022, 1, 1));
		assertThat(dates).extracting(Entities.DateMention::precision)
			.containsExactly(Entities.Precision.MONTH, Entities.Precision.DAY, Entities.Precision.MONTH,
					Entities.Precision.MONTH, Entities.Precision.YEAR);
	}

	@Test
	void aDayWithoutYearIsTheLatestSuchDayNotAfterToday() {
		var dates = extractor.extract(null, "3月5号我去找过他，5月1日又去了", TODAY).dates();
		assertThat(dates).extracting(Entities.DateMention::date)
			.containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2025, 5, 1));
	}

	@Test
	void impossibleDatesAreIgnored() {
		assertThat(extractor.extract(null, "2025年13月，2025年2月30日", TODAY).dates()).extracting(Entities.DateMention::date)
			.containsExactly(LocalDate.of(2025, 2, 1));
	}

	@Test
	void organisationsAndPeopleComplainedAbout() {
		var e = extractor.extract("举报", "我举报武陵区某局的副局长王某经常公车私用，还有村支书李某截留补偿款，包工头姓刘的欠钱不还。"
				+ "鼎城区人民医院乱收费。", TODAY);
		assertThat(e.persons()).contains("副局长王某", "村支书李某", "包工头刘某");
		assertThat(e.organizations()).anyMatch(o -> o.contains("鼎城区人民医院"));
		assertThat(e.organizations()).anyMatch(o -> o.contains("武陵区某局"));
	}

	@Test
	void organisationsAreWholeNamesOrNothing() {
		// fragments HanLP glues into an "organisation": no name at all rather than a wrong one
		assertThat(extractor.extract(null, "我在澧县一家服装厂上班，女工工资比同厂的男工低三百元。", TODAY).organizations())
			.noneMatch(o -> o.contains("比同厂"));
		assertThat(extractor.extract(null, "鼎城区某街道白洋河村5组、工业园道路征收该组土地，补偿款一直没发到户。", TODAY).organizations())
			.isEmpty();
		// a generic word glued in front is dropped; whole company names stay whole
		assertThat(extractor.extract(null, "小区物业常德德润物业管理有限公司乱涨价。", TODAY).organizations())
			.containsExactly("常德德润物业管理有限公司");
		assertThat(extractor.extract(null, "举报灌溪镇劳动保障所所长收受常德金桂建设工程有限公司好处。", TODAY).organizations())
			.containsExactly("灌溪镇劳动保障所", "常德金桂建设工程有限公司");
		assertThat(extractor.extract(null, "津市市某小学上体育课孩子摔伤。", TODAY).organizations()).containsExactly("津市市某小学");
	}

	@Test
	void knownNamesAreTakenWholeFirst() {
		var withNames = new EntityExtractor(REGIONS, List.of("市人力资源和社会保障局", "常德锦程物流有限公司"));
		assertThat(withNames.extract(null, "我向市人力资源和社会保障局反映过，常德锦程物流有限公司还是不发工资。", TODAY).organizations())
			.startsWith("市人力资源和社会保障局", "常德锦程物流有限公司");
	}

}
