package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Excel exports: widths from content (a Chinese character counts two), bounded, header frozen. */
class ExcelLookTest {

	@Test
	void widthsFollowTheContent() throws Exception {
		assertThat(ExcelLook.chars("XF430702")).isEqualTo(8);
		assertThat(ExcelLook.chars("市人力资源和社会保障局")).isEqualTo(22);
		assertThat(ExcelLook.chars("第一行\n更长的第二行")).isEqualTo(12);
		try (var wb = new XSSFWorkbook()) {
			var sheet = wb.createSheet("t");
			sheet.createRow(0).createCell(0).setCellValue("编号");
			ExcelLook.finish(sheet, new int[] { 2, 22, 500 }, 3);
			assertThat(sheet.getColumnWidth(0)).isEqualTo(ExcelLook.MIN_CHARS * 256);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(24 * 256);
			assertThat(sheet.getColumnWidth(2)).isEqualTo(ExcelLook.MAX_CHARS * 256);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			var style = ExcelLook.headerStyle(wb);
			assertThat(wb.getFontAt(style.getFontIndex()).getBold()).isTrue();
		}
	}

}
