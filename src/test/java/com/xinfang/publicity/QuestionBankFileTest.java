package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped bank reads without a problem and covers the regulation; answers are read and judged as documented. */
class QuestionBankFileTest {

	@Test
	void theShippedBankHasAtLeast200QuestionsOnEveryChapterAndType() {
		QuestionSheet.Result r = QuestionSheet.read(BundledBank.table(), Set.of());
		assertThat(r.errors()).isEmpty();
		List<Question> qs = r.rows().stream().map(QuestionSheet.Row::question).toList();
		assertThat(qs).hasSizeGreaterThanOrEqualTo(200);
		assertThat(qs.stream().map(Question::chapter).collect(Collectors.toSet())).contains("第一章", "第二章", "第三章", "第四章",
				"第五章", "第六章");
		Map<QuestionType, Long> byType = qs.stream().collect(Collectors.groupingBy(Question::type, Collectors.counting()));
		assertThat(byType.keySet()).containsExactlyInAnyOrder(QuestionType.values());
		assertThat(qs).allSatisfy(q -> {
			assertThat(q.law()).isEqualTo("《信访工作条例》");
			assertThat(q.article()).matches("(第[一二三四五六七八九十]+条(、第[一二三四五六七八九十]+条)*|题注|目录)");
			assertThat(q.explanation()).isNotBlank();
		});
	}

	/**
	 * Checks that follow from the regulation's structure (Arts 1–6 第一章, 7–16 第二章, 17–26 第三章, 27–37
	 * 第四章, 38–47 第五章, 48–50 第六章): every question's chapter is the chapter of the article it cites,
	 * and an item (第N项) quoted from an article exists there (Art 31 has six items: the 信访处理意见书 route
	 * of Art 34 is its sixth; Art 5 has five, Art 14 seven, Art 26 six, Art 32 three, Art 46 seven).
	 */
	@Test
	void everyCitationFitsTheRegulationsStructure() {
		Map<Integer, Integer> items = Map.of(5, 5, 14, 7, 22, 3, 26, 6, 31, 6, 32, 3, 46, 7);
		QuestionSheet.Result r = QuestionSheet.read(BundledBank.table(), Set.of());
		for (QuestionSheet.Row row : r.rows()) {
			Question q = row.question();
			if (!q.article().startsWith("第")) {
				continue;
			}
			int first = number(q.article().substring(1, q.article().indexOf('条')));
			assertThat(q.chapter()).as("row %d, %s", row.number(), q.article()).isEqualTo(chapterOf(first));
			Matcher m = Pattern.compile("第([一二三四五六七八九十]+)条(?:第[一二三四五]款)?第([一二三四五六七八九十]+)项")
				.matcher(q.stem() + q.explanation());
			while (m.find()) {
				int article = number(m.group(1));
				int item = number(m.group(2));
				assertThat(items).as("row %d cites an item of Art %d", row.number(), article).containsKey(article);
				assertThat(item).as("row %d: Art %d has %d items", row.number(), article, items.get(article))
					.isLessThanOrEqualTo(items.get(article));
			}
		}
	}

	/** Rows corrected after the check against the text: the wrong readings stay out. */
	@Test
	void theCorrectedReadingsStay() {
		List<List<String>> table = BundledBank.table();
		String all = table.stream().map(line -> String.join("\t", line)).collect(Collectors.joining("\n"));
		assertThat(all).doesNotContain("第三十一条第五项").doesNotContain("阅批").doesNotContain("第二十九条第二款");
		List<String> row117 = table.get(116);
		assertThat(row117.get(9)).isEqualTo("第二十八条"); // 不得推诿、敷衍、拖延 (Art 25 is the report of major urgent matters)
		assertThat(row117.get(6)).isEqualTo("ABC");
		assertThat(table.get(117).get(9)).isEqualTo("第二十五条");
		assertThat(table.get(117).get(1)).contains("重大、紧急信访事项");
	}

	private static String chapterOf(int article) {
		return article <= 6 ? "第一章" : article <= 16 ? "第二章" : article <= 26 ? "第三章" : article <= 37 ? "第四章" : article <= 47 ? "第五章" : "第六章";
	}

	private static int number(String chinese) {
		String digits = "零一二三四五六七八九";
		int ten = chinese.indexOf('十');
		if (ten < 0) {
			return digits.indexOf(chinese.charAt(0));
		}
		int tens = ten == 0 ? 1 : digits.indexOf(chinese.charAt(0));
		int units = ten == chinese.length() - 1 ? 0 : digits.indexOf(chinese.charAt(ten + 1));
		return tens * 10 + units;
	}

	private static Question q(QuestionType type, List<String> options, String answer) {
		return new Question(1L, type, "题干____", options, answer, "解析", "《信访工作条例》", "第一条", "第一章", 1, List.of(), true, 0);
	}

	@Test
	void answersAreNormalisedAndJudged() {
		Question multi = q(QuestionType.MULTI, List.of("a", "b", "c", "d"), "ABD");
		assertThat(Answers.normalise(multi, "d,b a")).contains("ABD");
		assertThat(Answers.isCorrect(multi, "ABD")).isTrue();
		assertThat(Answers.isCorrect(multi, "AB")).isFalse();
		Question fill = q(QuestionType.FILL, List.of(), "15|十五");
		assertThat(Answers.isCorrect(fill, Answers.normalise(fill, " １５ ").orElseThrow())).isTrue();
		assertThat(Answers.isCorrect(fill, "十五")).isTrue();
		assertThat(Answers.isCorrect(fill, "16")).isFalse();
		Question judge = q(QuestionType.JUDGE, List.of(), "F");
		assertThat(Answers.normalise(judge, "错")).contains("F");
		assertThat(Answers.normalise(judge, " ")).isEmpty();
	}

	@Test
	void answersThatCannotBelongToTheQuestionAreRefused() {
		Question single = q(QuestionType.SINGLE, List.of("a", "b", "c"), "B");
		assertThatThrownBy(() -> Answers.normalise(single, "D")).isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> Answers.normalise(single, "AB")).isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> Answers.normalise(q(QuestionType.JUDGE, List.of(), "T"), "也许")).isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> Answers.normalise(q(QuestionType.FILL, List.of(), "x"), "长".repeat(61)))
			.isInstanceOf(DomainException.Invalid.class);
	}

	@Test
	void everyBadRowIsReportedWithItsNumberAndNothingIsReturned() {
		List<List<String>> table = List.of(QuestionSheet.HEADER,
				List.of("单选", "好题目", "甲", "乙", "", "", "B", "解析", "《信访工作条例》", "第一条", "第一章", "易", ""),
				List.of("单选", "坏题目", "甲", "乙", "", "", "C", "解析", "《信访工作条例》", "第一条", "第一章", "易", ""),
				List.of("问答", "", "", "", "", "", "", "", "", "", "", "很难", ""),
				List.of("判断", "好题目", "", "", "", "", "对", "解析", "《信访工作条例》", "第一条", "", "中", ""));
		QuestionSheet.Result r = QuestionSheet.read(table, Set.of());
		assertThat(r.rows()).isEmpty();
		assertThat(r.errors()).hasSize(3);
		assertThat(r.errors().get(0)).startsWith("第3行：").contains("不存在的选项");
		assertThat(r.errors().get(1)).startsWith("第4行：").contains("题型").contains("题干为空").contains("难度");
		assertThat(r.errors().get(2)).startsWith("第5行：").contains("与第2行重复");
	}

}
