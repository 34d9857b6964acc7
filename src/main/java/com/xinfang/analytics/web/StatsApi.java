package com.xinfang.analytics.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.xinfang.analytics.Figures;
import com.xinfang.analytics.Indicators;
import com.xinfang.analytics.StatsQuery;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators as JSON (api-contract.md). The same answers are served under /console/stats/api
 * for the dashboard's scripts, which carry the staff session instead of a bearer token.
 */
@RestController
@Tag(name = "统计分析")
class StatsApi {

	private final Indicators indicators;

	StatsApi(Indicators indicators) {
		this.indicators = indicators;
	}

	/** The figures of a period, region and unit; rates 0..1 (null when nothing to count). */
	record IndicatorsAnswer(LocalDate from, LocalDate to, String regionCode, String unitCode,
			@JsonUnwrapped Figures figures) {
	}

	record SeriesPoint(LocalDate period, @JsonUnwrapped Figures figures) {
	}

	record BreakdownRow(String code, String name, @JsonUnwrapped Figures figures) {
	}

	@GetMapping({ "/api/v1/stats/indicators", "/console/stats/api/indicators" })
	@Operation(summary = "统计指标（按期间、地区、单位；比率为0..1，定义见 docs/indicators.md）")
	IndicatorsAnswer indicators(
			@Parameter(description = "开始日期（含），默认本月1日") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "结束日期（含），默认今天") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "地区代码（市、县、乡镇）") @RequestParam(required = false) String regionCode,
			@Parameter(description = "责任单位代码") @RequestParam(required = false) String unitCode, Actor actor) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		return new IndicatorsAnswer(q.from(), q.to(), q.regionCode(), q.unitCode(), indicators.figures(q));
	}

	@GetMapping({ "/api/v1/stats/series", "/console/stats/api/series" })
	@Operation(summary = "统计指标的时间序列（granularity: DAY、MONTH、QUARTER、YEAR）")
	List<SeriesPoint> series(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
			@RequestParam(defaultValue = "MONTH") String granularity, Actor actor) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		return indicators.series(q, parse(Indicators.Granularity.class, granularity, "granularity"))
			.stream()
			.map(p -> new SeriesPoint(p.period(), p.figures()))
			.toList();
	}

	@GetMapping({ "/api/v1/stats/breakdown", "/console/stats/api/breakdown" })
	@Operation(summary = "按下级地区、责任单位或内容分类分列的统计指标（by: REGION、UNIT、CATEGORY），用于排名和下钻")
	List<BreakdownRow> breakdown(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unitCode,
			@RequestParam(defaultValue = "REGION") String by, Actor actor) {
		StatsQuery q = indicators.resolve(actor, from, to, regionCode, unitCode);
		return indicators.breakdown(q, parse(Indicators.Dimension.class, by, "by"))
			.stream()
			.map(r -> new BreakdownRow(r.code(), r.name(), r.figures()))
			.toList();
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid(field, "参数取值无效：" + value);
		}
	}

}
