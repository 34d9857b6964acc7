package com.xinfang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWriterTest {

	/** Counts the bytes written and forgets them, as a network socket would. */
	static final class CountingSink extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}

	}

	private static long usedHeap() {
		Runtime rt = Runtime.getRuntime();
		System.gc();
		return rt.totalMemory() - rt.freeMemory();
	}

	@Test
	void writesAVeryLongExcelListInBoundedMemory() {
		int rows = 300_000;
		long before = usedHeap();
		long peak = 0;
		CountingSink sink = new CountingSink();
		try (TableWriter w = TableWriter.xlsx(sink, "信访事项")) {
			w.row(List.of("信访编号", "标题", "人数"));
			for (int i = 1; i <= rows; i++) {
				w.row(List.of("XF4307" + i, "关于小区物业管理问题的反映第" + i + "件", i % 7));
				if (i % 50_000 == 0) {
					peak = Math.max(peak, usedHeap() - before);
				}
			}
		}
		// 300 thousand rows of this size take well over 100 MB as a plain in-memory workbook
		assertThat(peak).isLessThan(48L * 1024 * 1024);
		assertThat(sink.bytes).isGreaterThan(1_000_000);
	}

	@Test
	void excelCellsKeepNumbersAndDefuseFormulas() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter w = TableWriter.xlsx(out, "表")) {
			w.row(List.of("名称", "值"));
			w.row(Arrays.asList("=HYPERLINK(\"x\")", 0.875));
			w.row(Arrays.asList("空", null));
		}
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(0.875);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
		}
	}

	@Test
	void csvQuotesSeparatorsAndStartsWithABom() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter w = TableWriter.csv(out)) {
			w.row(List.of("编号", "标题"));
			w.row(List.of("XF1", "拖欠工资,\"急\""));
			w.row(List.of("XF2", "+86 电话"));
		}
		byte[] bytes = out.toByteArray();
		assertThat(bytes[0]).isEqualTo((byte) 0xEF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("编号,标题\nXF1,\"拖欠工资,\"\"急\"\"\"\nXF2,'+86 电话\n");
	}

}
