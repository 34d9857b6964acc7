package com.xinfang.documents;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 发文字号 as GB/T 9704 writes it: the issuing body's 机关代字, the year in 〔〕 and the sequence
 * number without leading zeros or 第, then 号 — 常人社信〔2026〕12号. Issued by {@link DocumentNumbers}.
 */
public record DocumentNumber(String agencyCode, int year, int sequence) {

	/** How a 发文字号 reads, for tests and for parsing one back. */
	public static final Pattern FORMAT = Pattern.compile("(\\p{IsHan}[\\p{IsHan}A-Za-z0-9]*)〔(\\d{4})〕([1-9]\\d*)号");

	public DocumentNumber {
		Objects.requireNonNull(agencyCode, "agencyCode");
		agencyCode = agencyCode.strip();
		if (agencyCode.isEmpty()) {
			throw new IllegalArgumentException("发文字号缺少机关代字");
		}
		if (year < 1949 || year > 9999) {
			throw new IllegalArgumentException("发文字号年份不正确：" + year);
		}
		if (sequence < 1) {
			throw new IllegalArgumentException("发文字号序号应从1开始：" + sequence);
		}
	}

	/** 常人社信〔2026〕12号 */
	@Override
	public String toString() {
		return agencyCode + "〔" + year + "〕" + sequence + "号";
	}

	/** The number printed as {@link #toString()}, read back; empty when the text is not one. */
	public static Optional<DocumentNumber> parse(String text) {
		var m = text == null ? null : FORMAT.matcher(text.strip());
		if (m == null || !m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
	}

}
