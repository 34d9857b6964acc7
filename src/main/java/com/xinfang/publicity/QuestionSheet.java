package com.xinfang.publicity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spreadsheet layout of the bank, shared by the Excel import/export and the shipped data file:
 * one question per row under a header row. Reading checks every row and reports each problem in
 * Chinese with its row number; the caller stores nothing unless there is no problem at all.
 */
public final class QuestionSheet {

	public static final List<String> HEADER = List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "法规",
			"条款", "章节", "难度", "标签");

	static final int MAX_STEM = 500;

	private QuestionSheet() {
	}

	/** A question read from a row (row numbers as a spreadsheet shows them: the header is row 1). */
	public record Row(int number, Question question) {
	}

	public record Result(List<Row> rows, List<String> errors) {

		public boolean ok() {
			return errors.isEmpty();
		}

	}

	public static List<String> cells(Question q) {
		List<String> c = new ArrayList<>();
		c.add(q.type().label());
		c.add(q.stem());
		for (int i = 0; i < 4; i++) {
			c.add(i < q.options().size() ? q.options().get(i) : "");
		}
		c.add(switch (q.type()) {
			case JUDGE -> "T".equals(q.answer()) ? "对" : "错";
			default -> q.answer();
		});
		c.add(q.explanation());
		c.add(q.law());
		c.add(q.article());
		c.add(q.chapter() == null ? "" : q.chapter());
		c.add(q.difficultyLabel());
		c.add(String.join("、", q.tags()));
		return c;
	}

	/** Reads the rows after the header; {@code existingStems} are stems already in the bank. */
	public static Result read(List<List<String>> table, Set<String> existingStems) {
		List<String> errors = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		if (table.isEmpty()) {
			return new Result(rows, List.of("文件是空的，请使用导出的模板填写"));
		}
		List<String> header = table.get(0).stream().map(s -> s == null ? "" : s.strip()).toList();
		Map<String, Integer> col = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			col.put(header.get(i), i);
		}
		List<String> missing = HEADER.stream().filter(h -> !col.containsKey(h) && !h.equals("章节") && !h.equals("标签")).toList();
		if (!missing.isEmpty()) {
			return new Result(rows, List.of("第1行（表头）缺少列：" + String.join("、", missing) + "。请使用导出的模板填写"));
		}
		Map<String, Integer> stems = new HashMap<>();
		for (int r = 1; r < table.size(); r++) {
			List<String> line = table.get(r);
			int number = r + 1;
			if (line.stream().allMatch(s -> s == null || s.isBlank())) {
				continue; // a blank line at the end of a sheet is not a question
			}
			List<String> problems = new ArrayList<>();
			String typeText = cell(line, col, "题型");
			Optional<QuestionType> type = QuestionType.parse(typeText);
			if (type.isEmpty()) {
				problems.add("题型“" + typeText + "”无法识别（应为单选、多选、判断或填空）");
			}
			String stem = cell(line, col, "题干");
			if (stem.isEmpty()) {
				problems.add("题干为空");
			}
			else if (stem.length() > MAX_STEM) {
				problems.add("题干超过" + MAX_STEM + "字");
			}
			List<String> options = new ArrayList<>();
			for (String letter : List.of("A", "B", "C", "D")) {
				options.add(cell(line, col, "选项" + letter));
			}
			while (!options.isEmpty() && options.get(options.size() - 1).isEmpty()) {
				options.remove(options.size() - 1);
			}
			String answer = cell(line, col, "答案");
			String canonical = null;
			if (type.isPresent()) {
				switch (type.get()) {
					case SINGLE, MULTI -> {
						if (options.size() < 2 || options.contains("")) {
							problems.add("选择题至少需要连续的两个选项（从选项A开始，中间不能空）");
						}
						String letters = answer.toUpperCase().replaceAll("[\\s,，、]", "");
						if (!letters.matches("[A-D]+")) {
							problems.add("答案“" + answer + "”应为选项字母，如 B 或 ABD");
						}
						else {
							canonical = Arrays.stream(letters.split("")).distinct().sorted().collect(Collectors.joining());
							if (canonical.chars().anyMatch(c -> c - 'A' >= options.size())) {
								problems.add("答案“" + answer + "”指向了不存在的选项");
							}
							if (type.get() == QuestionType.SINGLE && canonical.length() != 1) {
								problems.add("单选题只能有一个答案");
							}
							if (type.get() == QuestionType.MULTI && canonical.length() < 2) {
								problems.add("多选题至少有两个正确选项");
							}
						}
					}
					case JUDGE -> {
						canonical = switch (answer) {
							case "对", "正确", "√", "T" -> "T";
							case "错", "错误", "×", "F" -> "F";
							default -> null;
						};
						if (canonical == null) {
							problems.add("判断题答案应为“对”或“错”");
						}
						if (!options.isEmpty()) {
							problems.add("判断题不填选项");
						}
					}
					case FILL -> {
						if (!stem.contains("____")) {
							problems.add("填空题的题干须用“____”标出空格");
						}
						if (answer.isEmpty()) {
							problems.add("填空题答案为空（多个可接受的写法用 | 分隔）");
						}
						canonical = answer;
					}
				}
			}
			String explanation = cell(line, col, "解析");
			if (explanation.isEmpty()) {
				problems.add("解析为空");
			}
			String law = cell(line, col, "法规");
			if (law.isEmpty()) {
				problems.add("法规为空（如《信访工作条例》）");
			}
			String article = cell(line, col, "条款");
			if (article.isEmpty()) {
				problems.add("条款为空（如第二十二条）");
			}
			String difficultyText = cell(line, col, "难度");
			int difficulty = switch (difficultyText) {
				case "易", "1" -> 1;
				case "中", "2" -> 2;
				case "难", "3" -> 3;
				default -> 0;
			};
			if (difficulty == 0) {
				problems.add("难度“" + difficultyText + "”应为易、中或难");
			}
			if (!stem.isEmpty()) {
				Integer earlier = stems.putIfAbsent(stem, number);
				if (earlier != null) {
					problems.add("题干与第" + earlier + "行重复");
				}
				else if (existingStems.contains(stem)) {
					problems.add("题库中已有相同题干的题目");
				}
			}
			if (!problems.isEmpty()) {
				errors.add("第" + number + "行：" + String.join("；", problems));
				continue;
			}
			List<String> tags = Arrays.stream(cell(line, col, "标签").split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
			String chapter = cell(line, col, "章节");
			rows.add(new Row(number, new Question(null, type.get(), stem, type.get().hasOptions() ? options : List.of(),
					canonical, explanation, law, article, chapter.isEmpty() ? null : chapter, difficulty, tags, true, 0)));
		}
		if (errors.isEmpty() && rows.isEmpty()) {
			errors.add("文件中没有题目");
		}
		return new Result(errors.isEmpty() ? rows : List.of(), errors);
	}

	private static String cell(List<String> line, Map<String, Integer> col, String name) {
		Integer i = col.get(name);
		if (i == null || i >= line.size() || line.get(i) == null) {
			return "";
		}
		return line.get(i).strip();
	}

}
