package com.xinfang.text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates a petition mentions: "2024年3月", "2025年10月15日", "去年十月", "今年三月份", "上个月",
 * "3月5号". Relative ones are resolved against the day the text is read.
 */
final class Dates {

	private static final String NUM = "(\\d{1,4}|[〇零一二三四五六七八九十]{1,4})";

	// the relative month comes first: the other branch may match the empty string and would win
	private static final Pattern DATE = Pattern.compile("(上个月|上月|这个月|本月)|(?:(\\d{4}|[〇零一二三四五六七八九]{4})年|(今年|去年|前年|明年))?"
			+ "(?:" + NUM + "月份?(?:" + NUM + "[日号])?)?");

	private Dates() {
	}

	static List<Entities.DateMention> find(String text, LocalDate today) {
		List<Entities.DateMention> out = new ArrayList<>();
		Matcher m = DATE.matcher(text);
		while (m.find()) {
			if (m.group().isEmpty()) {
				continue;
			}
			if (m.group(1) != null) {
				LocalDate month = m.group(1).startsWith("上") ? today.minusMonths(1) : today;
				out.add(new Entities.DateMention(m.group(), month.withDayOfMonth(1), Entities.Precision.MONTH));
				continue;
			}
			Integer year = null;
			if (m.group(2) != null) {
				year = toInt(m.group(2), true);
			}
			else if (m.group(3) != null) {
				year = switch (m.group(3)) {
					case "去年" -> today.getYear() - 1;
					case "前年" -> today.getYear() - 2;
					case "明年" -> today.getYear() + 1;
					default -> today.getYear();
				};
			}
			Integer month = m.group(4) == null ? null : toInt(m.group(4), false);
			Integer day = m.group(5) == null ? null : toInt(m.group(5), false);
			if (month == null && year == null) {
				continue;
			}
			if (month == null) {
				// "2024年" alone is a date; "去年" alone is too vague to be useful
				if (m.group(2) != null && validYear(year)) {
					out.add(new Entities.DateMention(m.group(), LocalDate.of(year, 1, 1), Entities.Precision.YEAR));
				}
				continue;
			}
			if (month < 1 || month > 12) {
				continue;
			}
			if (year == null) {
				// "3月5号" without a year: the latest such day not after today
				if (day == null) {
					continue;
				}
				year = today.getYear();
				if (valid(year, month, day) && LocalDate.of(year, month, day).isAfter(today)) {
					year--;
				}
			}
			if (!validYear(year)) {
				continue;
			}
			if (day != null && valid(year, month, day)) {
				out.add(new Entities.DateMention(m.group(), LocalDate.of(year, month, day), Entities.Precision.DAY));
			}
			else {
				out.add(new Entities.DateMention(m.group().replaceAll(NUM + "[日号]$", ""), LocalDate.of(year, month, 1),
						Entities.Precision.MONTH));
			}
		}
		return out;
	}

	private static boolean validYear(Integer year) {
		return year != null && year >= 1949 && year <= 2100;
	}

	private static boolean valid(int year, int month, int day) {
		return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
	}

	/** Digits, or Chinese: a year digit by digit (二〇二四), a month or day as a number (十, 十二, 二十三). */
	private static Integer toInt(String s, boolean yearDigits) {
		if (Character.isDigit(s.charAt(0))) {
			return Integer.valueOf(s);
		}
		if (yearDigits) {
			StringBuilder b = new StringBuilder();
			for (char c : s.toCharArray()) {
				b.append("〇一二三四五六七八九".indexOf(c == '零' ? '〇' : c));
			}
			return Integer.valueOf(b.toString());
		}
		var value = Amounts.parse(s);
		return value == null ? null : value.intValue();
	}

}
