package com.xinfang.analytics;

import com.xinfang.platform.ExcelLook;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table row by row to a stream, so an export of any length holds only a window of rows
 * in memory: CSV directly, Excel through POI's streaming workbook (rows beyond the window are
 * flushed to a temporary file, strings inline rather than in a shared table).
 */
public interface TableWriter extends AutoCloseable {

	void row(List<?> cells);

	/** Completes the file (the Excel workbook is written out here). */
	@Override
	void close();

	static TableWriter csv(OutputStream out) {
		return new Csv(out);
	}

	static TableWriter xlsx(OutputStream out, String sheetName) {
		return new Xlsx(out, sheetName);
	}

	/** A cell as text, with spreadsheet formulas defused (a leading =, +, - or @ is quoted). */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
			return "'" + s;
		}
		return s;
	}

	final class Csv implements TableWriter {

		private final BufferedWriter out;

		Csv(OutputStream stream) {
			try {
				stream.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // BOM: Excel opens UTF-8 Chinese
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
		}

		@Override
		public void row(List<?> cells) {
			try {
				for (int i = 0; i < cells.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					String s = text(cells.get(i));
					if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
						s = '"' + s.replace("\"", "\"\"") + '"';
					}
					out.write(s);
				}
				out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	final class Xlsx implements TableWriter {

		private final OutputStream out;

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

		private final SXSSFSheet sheet;

		private int next = 0;

		/** The first row is the header: styled, frozen and filtered (ExcelLook). */
		private final CellStyle header;

		private int[] widest = new int[0];

		Xlsx(OutputStream out, String sheetName) {
			PoiTempFiles.useOwnDirectory();
			this.out = out;
			this.workbook.setCompressTempFiles(true);
			this.sheet = workbook.createSheet(sheetName);
			this.header = ExcelLook.headerStyle(workbook);
		}

		@Override
		public void row(List<?> cells) {
			if (next >= 1_048_576) {
				throw new IllegalStateException("Excel 工作表最多 1048576 行，请缩小范围或导出 CSV");
			}
			boolean isHeader = next == 0;
			Row row = sheet.createRow(next++);
			if (cells.size() > widest.length) {
				widest = Arrays.copyOf(widest, cells.size());
			}
			for (int i = 0; i < cells.size(); i++) {
				Object v = cells.get(i);
				Cell cell = row.createCell(i);
				if (v instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else if (v != null) {
					cell.setCellValue(text(v));
				}
				if (isHeader) {
					cell.setCellStyle(header);
				}
				widest[i] = Math.max(widest[i], ExcelLook.chars(v == null ? "" : text(v)));
			}
		}

		@Override
		public void close() {
			try {
				ExcelLook.finish(sheet, widest, next - 1);
				workbook.write(out);
				out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				try {
					workbook.close();
				}
				catch (IOException ex) {
					// the temporary files are gone with the workbook either way
				}
			}
		}

	}

}
