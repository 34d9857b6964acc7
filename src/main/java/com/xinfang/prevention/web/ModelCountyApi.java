package com.xinfang.prevention.web;

import com.xinfang.identity.Actor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.prevention.ModelCounty;
import com.xinfang.prevention.VillageRatingRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 信访工作示范县创建进展 in the JSON API: computed, by county; a county sees itself, the city every county. */
@RestController
@Tag(name = "示范县创建进展")
class ModelCountyApi {

	private final ModelCounty modelCounty;

	private final Clock clock;

	ModelCountyApi(ModelCounty modelCounty, Clock clock) {
		this.modelCounty = modelCounty;
		this.clock = clock;
	}

	@GetMapping("/api/v1/model-county/criteria")
	@Operation(summary = "创建标准配置：阈值、比较方式（MAX 不超过 / MIN 不低于）、是否一票否决")
	List<VillageRatingRule.Indicator> criteria() {
		return modelCounty.criteria();
	}

	@GetMapping("/api/v1/model-county")
	@Operation(summary = "各县市区创建进展（市级看全部县市区，县级只看本县）；year 缺省为今年")
	List<ModelCounty.Progress> overview(@RequestParam(required = false) Integer year, Actor actor) {
		return modelCounty.overview(year == null ? thisYear() : year, actor);
	}

	@GetMapping("/api/v1/model-county/{county}")
	@Operation(summary = "一个县市区的创建进展：各项标准的数值（按数据计算）、依据、是否达标；其他县市区404")
	ModelCounty.Progress county(@PathVariable String county, @RequestParam(required = false) Integer year, Actor actor) {
		return modelCounty.of(county, year == null ? thisYear() : year, actor);
	}

	private int thisYear() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE)).getYear();
	}

}
