package com.xinfang.prevention.web;

import com.xinfang.identity.Actor;
import com.xinfang.prevention.StabilityAssessments;
import com.xinfang.prevention.VillageRatingRule;
import com.xinfang.prevention.VillageRatings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 无上访村(社区) ratings and 社会稳定风险评估 in the JSON API. */
@RestController
class PreventionApi {

	private final VillageRatings ratings;

	private final StabilityAssessments assessments;

	PreventionApi(VillageRatings ratings, StabilityAssessments assessments) {
		this.ratings = ratings;
		this.assessments = assessments;
	}

	record SelfAssessment(String villageCode, Integer year, String note) {
	}

	@GetMapping("/api/v1/villages/ratings")
	@Tag(name = "无上访村（社区）")
	@Operation(summary = "一个县市区各村（社区）的评定：按数据计算的各项指标、是否达标及原因、评定状态、称号有效期")
	List<VillageRatings.VillageLine> county(@RequestParam String county, @RequestParam int year, Actor actor) {
		return ratings.county(county, year, actor);
	}

	@GetMapping("/api/v1/villages/indicators")
	@Tag(name = "无上访村（社区）")
	@Operation(summary = "评定指标配置：阈值、比较方式（MAX 不超过 / MIN 不低于）、是否一票否决")
	List<VillageRatingRule.Indicator> indicators() {
		return ratings.indicators();
	}

	@PostMapping("/api/v1/villages/ratings")
	@Tag(name = "无上访村（社区）")
	@Operation(summary = "村（社区）自评（本村网格长）；指标由系统按数据计算，不可填写")
	ResponseEntity<VillageRatings.Rating> selfAssess(@RequestBody SelfAssessment body, Actor actor) {
		return ResponseEntity.status(201).body(ratings.selfAssess(body.villageCode(), body.year(), body.note(), actor));
	}

	@PostMapping("/api/v1/villages/ratings/{id}/township-review")
	@Tag(name = "无上访村（社区）")
	@Operation(summary = "乡镇（街道）审核：有未达标指标时通过须写情况说明；有一票否决项不能通过")
	VillageRatings.Rating township(@PathVariable long id, @RequestBody VillageRatings.Decision body, Actor actor) {
		return ratings.townshipReview(id, body, actor);
	}

	@PostMapping("/api/v1/villages/ratings/{id}/county-approval")
	@Tag(name = "无上访村（社区）")
	@Operation(summary = "县级审批：批准授予称号两年（年度复核时保留称号），复核不批准则撤销称号；村、乡镇不能审批")
	VillageRatings.Rating county(@PathVariable long id, @RequestBody VillageRatings.Decision body, Actor actor) {
		return ratings.countyApprove(id, body, actor);
	}

	@PostMapping("/api/v1/decisions")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "登记重大决策（kind: PROJECT 重大项目, POLICY 重大政策, LAND 征地拆迁, OTHER）")
	ResponseEntity<StabilityAssessments.Decision> register(@RequestBody StabilityAssessments.DecisionInput body, Actor actor) {
		return ResponseEntity.status(201).body(assessments.register(body, actor));
	}

	@GetMapping("/api/v1/decisions")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "重大决策台账（本辖区）")
	List<StabilityAssessments.Decision> decisions(Actor actor) {
		return assessments.list(actor);
	}

	@GetMapping("/api/v1/decisions/{id}")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "重大决策详情：评估、风险、结论、关联的信访事项和矛盾纠纷")
	StabilityAssessments.Decision decision(@PathVariable long id, Actor actor) {
		return assessments.view(id, actor);
	}

	@PostMapping("/api/v1/decisions/{id}/assessments")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "录入社会稳定风险评估（评估主体、方法、风险及等级 HIGH/MEDIUM/LOW、措施、结论 GO 可实施 / DEFER 暂缓实施 / STOP 不实施）")
	StabilityAssessments.Decision assess(@PathVariable long id, @RequestBody StabilityAssessments.AssessmentInput body, Actor actor) {
		return assessments.assess(id, body, actor);
	}

	@PostMapping("/api/v1/decisions/{id}/taken")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "记录已作出决策：前置程序，须有结论为“可实施”且在决策前完成的评估，否则409")
	StabilityAssessments.Decision taken(@PathVariable long id, @RequestBody StabilityAssessments.Taking body, Actor actor) {
		return assessments.recordTaken(id, body, actor);
	}

	@PostMapping("/api/v1/decisions/{id}/links")
	@Tag(name = "社会稳定风险评估")
	@Operation(summary = "将后来的信访事项（PETITION）或矛盾纠纷（DISPUTE）关联到其所源自的决策")
	StabilityAssessments.Decision link(@PathVariable long id, @RequestBody StabilityAssessments.LinkInput body, Actor actor) {
		return assessments.link(id, body, actor);
	}

}
