package com.xinfang.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sums of money in a petition: "3.5万元", "二十万元", "十八万多", "一千二百块钱", "600元". */
final class Amounts {

	private static final String CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿";

	/** A number (Arabic or Chinese), an optional 多/几/余, a multiplier, then 元/块 or at least a 万/亿. */
	private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?|[" + CHINESE_DIGITS + "]+)(多|几|余)?"
			+ "(亿|万|千|百)?(多|余)?(元|块钱|块|万元)?");

	private Amounts() {
	}

	static List<Entities.Amount> find(String text) {
		List<Entities.Amount> out = new ArrayList<>();
		Matcher m = AMOUNT.matcher(text);
		while (m.find()) {
			String number = m.group(1);
			String multiplier = m.group(3);
			String currency = m.group(5);
			boolean large = multiplier != null && (multiplier.equals("万") || multiplier.equals("亿"));
			boolean chineseLarge = multiplier == null && (number.contains("万") || number.contains("亿"));
			if (currency == null && !large && !chineseLarge) {
				continue;
			}
			// a Chinese number starting with a unit ("万一", "千万") is not an amount
			if ("百千万亿".indexOf(number.charAt(0)) >= 0) {
				continue;
			}
			// a year or a count of people is not money: "2024年" never matches (no currency); "十几个" neither
			BigDecimal value = parse(number);
			if (value == null) {
				continue;
			}
			if (multiplier != null) {
				value = value.multiply(multiplierValue(multiplier));
			}
			if ("万元".equals(currency)) {
				value = value.multiply(BigDecimal.valueOf(10_000));
			}
			boolean approximate = m.group(2) != null || m.group(4) != null;
			out.add(new Entities.Amount(m.group(), value.stripTrailingZeros(), approximate));
		}
		return out;
	}

	private static BigDecimal multiplierValue(String m) {
		return switch (m) {
			case "亿" -> BigDecimal.valueOf(100_000_000L);
			case "万" -> BigDecimal.valueOf(10_000);
			case "千" -> BigDecimal.valueOf(1_000);
			default -> BigDecimal.valueOf(100);
		};
	}

	/** Arabic digits, or a Chinese numeral such as 二十, 一千二百, 三万五千, 十八. */
	static BigDecimal parse(String number) {
		if (number.isEmpty()) {
			return null;
		}
		if (Character.isDigit(number.charAt(0))) {
			return new BigDecimal(number);
		}
		long total = 0;
		long section = 0;
		long digit = -1;
		long lastUnit = 1;
		for (char c : number.toCharArray()) {
			if ("零〇一二两三四五六七八九".indexOf(c) >= 0) {
				digit = digitValue(c);
				continue;
			}
			long unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				case '万' -> 10_000;
				case '亿' -> 100_000_000L;
				default -> 0;
			};
			if (unit == 0) {
				return null;
			}
			if (unit >= 10_000) {
				section += Math.max(digit, 0);
				total += (section == 0 ? 1 : section) * unit;
				section = 0;
			}
			else {
				section += (digit < 0 ? 1 : digit) * unit;
			}
			lastUnit = unit;
			digit = -1;
		}
		if (digit > 0) {
			// "一千五" is 1500: a last digit after a unit counts in the next lower unit
			section += lastUnit >= 100 && lastUnit < 10_000 ? digit * lastUnit / 10 : digit;
		}
		return BigDecimal.valueOf(total + section);
	}

	private static long digitValue(char c) {
		return switch (c) {
			case '一' -> 1;
			case '二', '两' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> 0;
		};
	}

}
