package com.xinfang.prevention.web;

import com.xinfang.identity.Actor;
import com.xinfang.prevention.KeyPersons;
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

/** 重点人员 under 包案: seen only by the roles named; every view and change is audited. */
@RestController
@Tag(name = "重点人员包案")
class KeyPersonApi {

	private final KeyPersons keyPersons;

	KeyPersonApi(KeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@PostMapping("/api/v1/key-persons")
	@Operation(summary = "列入重点人员（县级信访部门）",
			description = "basis: REPEATED_PETITIONS（basisRefs 至少两件信访编号）或 RED_DISPUTE（basisRefs 一件红色纠纷编号）；leaderUsername 包案领导，"
					+ "gridWorkerUsername 本县网格员；followUpDays 走访周期1–90天；reviewOn 复核日期（一年内），逾期未续期自动失效。不记录任何位置信息。")
	ResponseEntity<KeyPersons.KeyPerson> add(@RequestBody KeyPersons.Entry body, Actor actor) {
		return ResponseEntity.status(201).body(keyPersons.add(body, actor));
	}

	@GetMapping("/api/v1/key-persons")
	@Operation(summary = "重点人员名单（县级信访部门、领导看本辖区；包案领导、网格员看本人包案的）", description = "all=true 含已失效、已移出的")
	List<KeyPersons.Row> list(@RequestParam(defaultValue = "false") boolean all, Actor actor) {
		return keyPersons.list(actor, all);
	}

	@GetMapping("/api/v1/key-persons/{id}")
	@Operation(summary = "重点人员详情（每次查看都记入审计日志）")
	KeyPersons.KeyPerson view(@PathVariable long id, Actor actor) {
		return keyPersons.view(id, actor);
	}

	@PostMapping("/api/v1/key-persons/{id}/visits")
	@Operation(summary = "记录走访")
	KeyPersons.KeyPerson visit(@PathVariable long id, @RequestBody KeyPersons.Visit body, Actor actor) {
		return keyPersons.visit(id, body, actor);
	}

	@PostMapping("/api/v1/key-persons/{id}/renewal")
	@Operation(summary = "复核续期（县级信访部门，version 为查看时的版本）")
	KeyPersons.KeyPerson renew(@PathVariable long id, @RequestBody KeyPersons.Renewal body, Actor actor) {
		return keyPersons.renew(id, body, actor);
	}

	@PostMapping("/api/v1/key-persons/{id}/removal")
	@Operation(summary = "移出名单（化解销号，县级信访部门）")
	KeyPersons.KeyPerson remove(@PathVariable long id, @RequestBody KeyPersons.Removal body, Actor actor) {
		return keyPersons.remove(id, body, actor);
	}

}
