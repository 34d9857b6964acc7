package com.xinfang.mediation.web;

import com.xinfang.identity.Actor;
import com.xinfang.mediation.MediationFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mediation figures as JSON (errors as problem+json). */
@RestController
@Tag(name = "矛盾纠纷调解")
class FiguresApi {

	private final FiguresPages pages;

	FiguresApi(FiguresPages pages) {
		this.pages = pages;
	}

	@GetMapping("/api/v1/mediation/figures")
	@Operation(summary = "调解统计：排查化解件次、调解成功率（按县市区、乡镇、调解组织、调解类别、纠纷类型分组）",
			description = "调解成功率 = 期间内调解终结且达成协议的件数 ÷ 期间内调解终结的件数（达成 + 未达成）；无调解终结时为 null")
	FiguresPages.Answer figures(@RequestParam(required = false) String region,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) MediationFigures.By by, Actor actor) {
		return pages.answer(region, from, to, by, actor);
	}

}
