package com.xinfang.analytics.web;

import com.xinfang.analytics.AnnualReport;
import com.xinfang.analytics.Figures;
import com.xinfang.analytics.Indicators;
import com.xinfang.analytics.MatterList;
import com.xinfang.analytics.StatsQuery;
import com.xinfang.analytics.TableWriter;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads: the matters behind a figure and the indicator tables as Excel or CSV (streamed row by
 * row), and the annual report as Word. Served to the console (session) and the API (token).
 */
@RestController
@Tag(name = "统计分析")
class StatsExports {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Indicators indicators;

	private final MatterList matters;

	private final AnnualReport report;

	private final MessageSource messages;

	private final Clock clock;

	StatsExports(Indicators indicators, MatterList matters, AnnualReport report, MessageSource messages, Clock clock) {
		this.indicators = indicators;
		this.matters = matters;
		this.report = report;
		this.messages = messages;
		this.clock = clock;
	}

	@Operation(summary = "导出指标对应的信访事项（xlsx 或 csv，逐行流式输出）")
	@GetMapping({ "/console/stats/matters.{format}", "/api/v1/stats/matters.{format}" })
	ResponseEntity<StreamingResponseBody> exportMatters(@PathVariable String format,
			@RequestParam(required = false) String indicator,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String category, Actor actor) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		String ind = indicator == null || indicator.isBlank() ? "received" : indicator;
		boolean excel = excel(format);
		StreamingResponseBody body = out -> {
			try (TableWriter w = excel ? TableWriter.xlsx(out, "信访事项") : TableWriter.csv(out)) {
				w.row(MatterList.HEADER);
				matters.stream(q, ind, channel, category, item -> w.row(item.cells()));
			}
		};
		return download(body, excel, "信访事项_" + q.from() + "_" + q.to());
	}

	@Operation(summary = "导出分地区、单位或分类的指标表（xlsx 或 csv）")
	@GetMapping({ "/console/stats/table.{format}", "/api/v1/stats/table.{format}" })
	ResponseEntity<StreamingResponseBody> exportTable(@PathVariable String format,
			@RequestParam(defaultValue = "REGION") String by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode, Actor actor) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		Indicators.Dimension dimension = StatsApi.parse(Indicators.Dimension.class, by, "by");
		List<Indicators.Row> rows = indicators.breakdown(q, dimension);
		Figures total = indicators.figures(q);
		boolean excel = excel(format);
		StreamingResponseBody body = out -> {
			try (TableWriter w = excel ? TableWriter.xlsx(out, "统计指标") : TableWriter.csv(out)) {
				List<Object> header = new ArrayList<>();
				header.add(messages.getMessage("analytics.by." + dimension.name(), null, Locale.SIMPLIFIED_CHINESE));
				Figures.NAMES.forEach(n -> header.add(messages.getMessage("analytics.ind." + n, null, Locale.SIMPLIFIED_CHINESE)));
				w.row(header);
				for (Indicators.Row r : rows) {
					w.row(line(r.name(), r.figures()));
				}
				w.row(line("合计", total));
			}
		};
		return download(body, excel, "统计指标_" + q.from() + "_" + q.to());
	}

	private static List<Object> line(String name, Figures f) {
		List<Object> cells = new ArrayList<>();
		cells.add(name);
		Figures.NAMES.forEach(n -> cells.add(f.value(n)));
		return cells;
	}

	@Operation(summary = "生成年度法治政府建设报告的信访工作数据部分（Word）")
	@GetMapping({ "/console/stats/report.docx", "/api/v1/stats/report.docx" })
	ResponseEntity<byte[]> annualReport(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String regionCode, Actor actor) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > LocalDate.now(clock).getYear()) {
			throw new DomainException.Invalid("year", "年份无效：" + y);
		}
		StatsQuery q = indicators.resolve(actor, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), regionCode, null);
		byte[] docx = report.render(q, y);
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(y + "年度法治政府建设信访工作情况.docx", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(docx);
	}

	private static boolean excel(String format) {
		return switch (format) {
			case "xlsx" -> true;
			case "csv" -> false;
			default -> throw new DomainException.NotFound("没有该导出格式：" + format);
		};
	}

	private static ResponseEntity<StreamingResponseBody> download(StreamingResponseBody body, boolean excel, String name) {
		return ResponseEntity.ok()
			.contentType(excel ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(name + (excel ? ".xlsx" : ".csv"), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(body);
	}

}
