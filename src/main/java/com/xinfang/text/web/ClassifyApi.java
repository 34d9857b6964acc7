package com.xinfang.text.web;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import com.xinfang.text.Classification;
import com.xinfang.text.ClassificationService;
import com.xinfang.text.Entities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/text")
@Tag(name = "文本智能")
class ClassifyApi {

	static final int MAX_CONTENT = 5000;

	private final ClassificationService classification;

	ClassifyApi(ClassificationService classification) {
		this.classification = classification;
	}

	record ClassifyRequest(@Schema(description = "标题（可选）") String title,
			@Schema(description = "信访内容", requiredMode = Schema.RequiredMode.REQUIRED) String content,
			@Schema(description = "问题属地（可选；缺省时从内容中识别）") String regionCode) {
	}

	record Scored(String code, double score) {
	}

	record Value(String value, double score) {
	}

	record ClassifyResponse(@Schema(description = "内容分类建议，按得分从高到低，至少 3 项") List<Scored> categories,
			@Schema(description = "性质：SUGGESTION 建议意见 / ACCUSATION 检举控告 / CLAIM 申诉求决") Value kind,
			@Schema(description = "法定途径：null 表示不属于，或 LITIGATION / ARBITRATION / RECONSIDERATION / OTHER") Value legalChannel,
			@Schema(description = "建议的责任单位代码（按调用者所在信访部门的层级：市级转市直部门，县级转本县部门）") String unitCode, @Schema(description = "责任单位建议的置信度") double unitScore,
			@Schema(description = "识别出的地点、单位、人员、金额、日期") Entities entities) {
	}

	record Retrained(int trainedOn, long decisions, long corrections) {
	}

	@PostMapping("/classifier/retrain")
	@Operation(summary = "用语料和登记人员的分类决定（含纠正）重新训练本节点的分类模型（仅系统管理员）")
	Retrained retrain(Actor actor) {
		if (!actor.has(Role.ADMIN)) {
			throw new DomainException.Forbidden("只有系统管理员可以重新训练分类模型");
		}
		int trainedOn = classification.retrain();
		var counts = classification.feedbackCounts();
		return new Retrained(trainedOn, counts.decisions(), counts.corrections());
	}

	@PostMapping("/classify")
	@Operation(summary = "信访内容分类建议：内容分类、性质、法定途径、责任单位及实体识别（仅工作人员）")
	ClassifyResponse classify(@RequestBody(required = false) ClassifyRequest body, Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("只有工作人员可以使用分类建议");
		}
		if (body == null || body.content() == null || body.content().isBlank()) {
			throw new DomainException.Invalid("content", "请填写信访内容");
		}
		if (body.content().length() > MAX_CONTENT || body.title() != null && body.title().length() > 200) {
			throw new DomainException.Invalid("content", "内容过长（不超过 5000 字）");
		}
		Classification c = classification.classify(body.title(), body.content(), body.regionCode(), actor.unitCode());
		return new ClassifyResponse(c.categories().stream().map(s -> new Scored(s.value(), s.score())).toList(),
				new Value(c.kind().value(), c.kind().score()),
				new Value(c.legalChannel().value(), c.legalChannel().score()), c.unitCode(), c.unitScore(), c.entities());
	}

}
