package com.xinfang.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
