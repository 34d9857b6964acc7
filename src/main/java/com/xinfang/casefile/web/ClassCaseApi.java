package com.xinfang.casefile.web;

import com.xinfang.casefile.ClassCases;
import com.xinfang.casefile.Warnings;
import com.xinfang.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "类案与预警")
class ClassCaseApi {

	private final ClassCases classes;

	private final Warnings warnings;

	ClassCaseApi(ClassCases classes, Warnings warnings) {
		this.classes = classes;
		this.warnings = warnings;
	}

	@GetMapping("/api/v1/class-cases")
	@Operation(summary = "类案列表（仅计调用者可查看的事项，至少两件）")
	List<ClassCases.Summary> list(Actor actor) {
		return classes.list(actor);
	}

	@GetMapping("/api/v1/class-cases/{id}")
	@Operation(summary = "类案详情：名称、事项、人数、地点、首末日期、责任单位")
	ClassCases.Detail detail(@PathVariable long id, Actor actor) {
		return classes.detail(id, actor);
	}

	@PostMapping("/api/v1/class-cases/{id}/actions")
	@Operation(summary = "确认（CONFIRM）、更名（RENAME, name）、拆分（SPLIT, numbers, name）或合并（MERGE, into）类案；version 过期为 409")
	ClassCases.Detail act(@PathVariable long id, @RequestBody(required = false) ClassCases.Action body, Actor actor) {
		long next = classes.act(id, body, actor);
		return classes.detail(next, actor);
	}

	@GetMapping("/api/v1/warnings")
	@Operation(summary = "早期预警：类案或类别在县市区、乡镇街道的异常增长（规则见 rule 字段）")
	Answer warnings(Actor actor) {
		return new Answer(Warnings.rule(), warnings.visibleTo(actor));
	}

	record Answer(String rule, List<Warnings.Warning> items) {
	}

}
