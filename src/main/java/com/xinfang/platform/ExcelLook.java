package com.xinfang.platform;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How every Excel export looks (docs/ui.md): a bold header on grey with a border, frozen with a
 * filter, and columns as wide as their content (a Chinese character counts two), between 6 and 60
 * characters.
 */
public final class ExcelLook {

	static final int MIN_CHARS = 6;

	static final int MAX_CHARS = 60;

	private ExcelLook() {
	}

	public static CellStyle headerStyle(Workbook workbook) {
		var font = workbook.createFont();
		font.setBold(true);
		var style = workbook.createCellStyle();
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setAlignment(HorizontalAlignment.CENTER);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		return style;
	}

	/** The display width of a text in Excel's character units: a CJK or full-width character is two. */
	public static int chars(String text) {
		if (text == null) {
			return 0;
		}
		int longestLine = 0;
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				longestLine = Math.max(longestLine, width);
				width = 0;
			}
			else {
				width += c >= 0x2E80 ? 2 : 1;
			}
		}
		return Math.max(longestLine, width);
	}

	/** Sets each column's width from the widest content seen, and freezes and filters the header row. */
	public static void finish(Sheet sheet, int[] widestChars, int lastRow) {
		for (int i = 0; i < widestChars.length; i++) {
			int chars = Math.max(MIN_CHARS, Math.min(MAX_CHARS, widestChars[i] + 2));
			sheet.setColumnWidth(i, chars * 256);
		}
		if (widestChars.length > 0) {
			sheet.createFreezePane(0, 1);
			if (lastRow >= 1) {
				sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, widestChars.length - 1));
			}
		}
	}

}
