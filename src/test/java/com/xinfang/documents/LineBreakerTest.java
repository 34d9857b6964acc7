package com.xinfang.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

	/** CJK characters one unit wide, Latin half a unit, as in the fonts. */
	static final LineBreaker.Measure WIDTH = cp -> LineBreaker.isWordCharacter(cp) || cp == ' ' ? 0.5f : 1f;

	static List<String> lines(String text, float first, float width) {
		return LineBreaker.lines(text, first, width, WIDTH).stream().map(LineBreaker.Line::text).toList();
	}

	@Test
	void breaksBetweenAnyTwoChineseCharacters() {
		assertThat(lines("信访事项受理告知书特此告知", 5, 5)).containsExactly("信访事项受", "理告知书特", "此告知");
	}

	@Test
	void theFirstLineIsShorterByTheIndent() {
		assertThat(lines("信访事项受理告知书特此告知", 3, 5)).containsExactly("信访事", "项受理告知", "书特此告知");
	}

	@Test
	void keepsNumbersAndLatinWordsWhole() {
		// XF4307 is 3 units wide: it does not fit after 信访编号 (4 units) on a 6-unit line
		assertThat(lines("信访编号XF4307号", 6, 6)).containsExactly("信访编号", "XF4307号");
		assertThat(lines("收到2026年", 3, 3)).containsExactly("收到", "2026年");
	}

	@Test
	void noLineStartsWithClosingPunctuation() {
		assertThat(lines("一二三四五，六七", 5, 5)).containsExactly("一二三四", "五，六七");
		assertThat(lines("一二三四五。”六七", 5, 5)).containsExactly("一二三四", "五。”六七");
	}

	@Test
	void noLineEndsWithOpeningPunctuation() {
		assertThat(lines("一二三四《条例》", 5, 5)).containsExactly("一二三四", "《条例》");
		assertThat(lines("一二三“四五”", 4, 4)).containsExactly("一二三", "“四五”");
	}

	@Test
	void aWordLongerThanTheLineIsBrokenByCharacters() {
		assertThat(lines("编号XF430702260302000123", 5, 5)).containsExactly("编号", "XF43070226", "0302000123");
	}

	@Test
	void spacesAtABreakDisappear() {
		assertThat(lines("王明 0736-7212345 分机", 6, 6)).containsExactly("王明", "0736-7212345", "分机");
	}

	@Property
	void linesFitAndKeepEveryCharacter(@ForAll("mixedText") String text, @ForAll @IntRange(min = 4, max = 30) int width) {
		List<LineBreaker.Line> lines = LineBreaker.lines(text, width, width, WIDTH);
		for (LineBreaker.Line line : lines) {
			assertThat(line.width()).isLessThanOrEqualTo(width + 0.01f);
			assertThat(line.text()).doesNotStartWith(" ").doesNotEndWith(" ");
		}
		assertThat(String.join("", lines.stream().map(LineBreaker.Line::text).toList()).replace(" ", ""))
			.as("every character but spaces, in order")
			.isEqualTo(text.replace(" ", ""));
		for (int k = 1; k < lines.size(); k++) {
			String line = lines.get(k).text();
			String previous = lines.get(k - 1).text();
			assertThat("，。”").as("line starts %s", line).doesNotContain(line.substring(0, 1));
			assertThat("《“").as("line ends %s", previous).doesNotContain(previous.substring(previous.length() - 1));
		}
	}

	/** Text as it occurs: punctuation next to a character, numbers, spaces. */
	@Provide
	Arbitrary<String> mixedText() {
		Arbitrary<String> hanzi = Arbitraries.of("信", "访", "事", "项", "受", "理", "告", "知");
		Arbitrary<String> pieces = Arbitraries.oneOf(hanzi, hanzi.map(h -> h + "，"), hanzi.map(h -> h + "。”"),
				hanzi.map(h -> "《" + h), hanzi.map(h -> "“" + h),
				Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(8), Arbitraries.just(" "));
		return pieces.list().ofMinSize(0).ofMaxSize(60).map(l -> String.join("", l));
	}

}
