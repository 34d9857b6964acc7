package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FingerprintTest {

	static final TermWeights FLAT = new TermWeights() {
		public long documents() {
			return 1000;
		}

		public int frequency(int term) {
			return 10;
		}
	};

	@Test
	void theSameTextInAnotherSpellingHasTheSameFingerprint() {
		var a = Fingerprint.of("锦绣华庭物业涨价", "锦绣华庭小区物业费从1.2元涨到1.6元，请求核查。");
		var b = Fingerprint.of("锦绣华庭物业涨价", "锦绣华庭小区物业费从１．２元涨到１．６元，　请求核查！");
		assertThat(a).isEqualTo(b);
		assertThat(a.terms()).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void datesNumbersAndEverydayPetitionWordsAreLeftOut() {
		var withDate = Fingerprint.of(null, "2025年3月我反映过锦绣华庭物业的问题，请求尽快解决。");
		var withoutDate = Fingerprint.of(null, "我反映过锦绣华庭物业的问题。");
		assertThat(withDate).isEqualTo(withoutDate);
		assertThat(Fingerprint.of(null, "请求尽快解决。").terms()).isEmpty();
	}

	@Test
	void administrativeDivisionsAreWordsButNotTargets() {
		assertThat(Fingerprint.isRegion("石门县")).isTrue();
		assertThat(Fingerprint.isRegion("鼎城区")).isTrue();
		assertThat(Fingerprint.isRegion("深柳镇")).isTrue();
		assertThat(Fingerprint.isRegion("安福街道")).isTrue();
		assertThat(Fingerprint.isRegion("石门县城")).isTrue();
		assertThat(Fingerprint.isRegion("锦绣华庭小区")).isFalse();
		assertThat(Fingerprint.isRegion("白马社区")).isFalse();
		assertThat(Fingerprint.isRegion("毛里湖")).isFalse();
		// two letters from one county about different things share the county's word but no target
		var a = Fingerprint.of("石门县库区移民公路", "石门县某村移民出村公路一直没修。");
		var b = Fingerprint.of("石门县移民扶持资金停发", "石门县移民后期扶持资金停发了。");
		assertThat(Fingerprint.common(a.terms(), b.terms())).isGreaterThan(0);
		assertThat(TextSimilarity.targetOverlap(a, b, FLAT)).isZero();
	}

	@Test
	void similarityIsOneForTheSameTextZeroForNothingSharedAndSymmetric() {
		var a = Fingerprint.of(null, "澧县澧阳街道回收站凌晨装卸废铁噪音扰民");
		var b = Fingerprint.of(null, "汉寿县某小学食堂饭菜质量差价格高");
		assertThat(TextSimilarity.score(a, a, FLAT)).isCloseTo(1.0, Offset.offset(1e-9));
		assertThat(TextSimilarity.score(a, b, FLAT)).isZero();
		var c = Fingerprint.of(null, "回收站半夜卸废铁，噪音太大");
		assertThat(TextSimilarity.score(a, c, FLAT)).isEqualTo(TextSimilarity.score(c, a, FLAT)).isBetween(0.2, 0.99);
	}

	@Test
	void rareSharedWordsWeighMoreThanCommonOnes() {
		var query = Fingerprint.of(null, "锦绣华庭物业费");
		var rare = Fingerprint.of(null, "锦绣华庭停车难");
		var common = Fingerprint.of(null, "物业费太高");
		Map<Integer, Integer> df = Map.of(Fingerprint.hash("锦绣华庭"), 2, Fingerprint.hash("物业费"), 400);
		TermWeights weights = new TermWeights() {
			public long documents() {
				return 1000;
			}

			public int frequency(int term) {
				return df.getOrDefault(term, 50);
			}
		};
		assertThat(TextSimilarity.score(query, rare, weights)).isGreaterThan(TextSimilarity.score(query, common, weights));
	}

	@Test
	void sameIdentityRaisesTheScoreButStaysWithinOne() {
		assertThat(DuplicateScore.withIdentity(0.1, true)).isGreaterThan(DuplicateScore.withIdentity(0.1, false));
		assertThat(DuplicateScore.withIdentity(0.95, true)).isEqualTo(1.0);
		assertThat(DuplicateScore.text(0.98, true)).isLessThanOrEqualTo(1.0);
	}

	@Test
	void highlightMarksSharedWordsOnlyAndKeepsTheWholeText() {
		var pieces = Highlight.shared("回收站噪音扰民", "回收站又在半夜卸货");
		assertThat(String.join("", pieces.stream().map(Highlight.Piece::text).toList())).isEqualTo("回收站噪音扰民");
		assertThat(pieces).anyMatch(p -> p.mark() && p.text().contains("回收站"));
		assertThat(pieces).noneMatch(p -> p.mark() && p.text().contains("扰民"));
	}

}
