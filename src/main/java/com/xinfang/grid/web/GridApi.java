package com.xinfang.grid.web;

import com.xinfang.grid.Grid;
import com.xinfang.grid.Grids;
import com.xinfang.grid.Oversight;
import com.xinfang.grid.PatrolLog;
import com.xinfang.grid.WorkerStatus;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 网格化: grids, their workers, the patrol log and the 零报告. */
@RestController
@Tag(name = "网格化")
class GridApi {

	private final Grids grids;

	private final PatrolLog log;

	GridApi(Grids grids, PatrolLog log) {
		this.grids = grids;
		this.log = log;
	}

	record GridView(String code, String name, String villageCode, String villageName, int households, String boundary,
			List<Grids.Member> members) {
	}

	@GetMapping("/api/v1/grids")
	@Operation(summary = "某地区（村社区、乡镇街道或县市区代码）下的网格", description = "只列出调用者分管地区内的网格")
	List<Grid> under(@RequestParam String region, Actor actor) {
		if (!Oversight.oversees(actor, region)) {
			throw new DomainException.NotFound("没有该地区的网格");
		}
		return grids.under(region);
	}

	@GetMapping("/api/v1/grids/mine")
	@Operation(summary = "我负责的网格（网格员）")
	List<Grids.Membership> mine(Actor actor) {
		return grids.membershipsOf(actor.userId());
	}

	@GetMapping("/api/v1/grids/{code}")
	@Operation(summary = "网格详情：户数、边界（GeoJSON）、网格长和网格员")
	GridView grid(@PathVariable String code, Actor actor) {
		Grid g = grids.visible(code, actor);
		return new GridView(g.code(), g.name(), g.villageCode(), g.villageName(), g.households(), g.boundary(),
				grids.membersOf(code));
	}

	record StatusChange(WorkerStatus status, Integer version) {
	}

	@PostMapping("/api/v1/grids/{code}/members/{userId}/status")
	@Operation(summary = "调整网格员状态：在岗 ON_DUTY / 临时抽调 SECONDED / 休假 LEAVE", description = "version 为页面显示时的版本；已被他人修改时 409")
	Grids.Member status(@PathVariable String code, @PathVariable long userId, @RequestBody StatusChange body, Actor actor) {
		if (body == null || body.version() == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		return grids.changeStatus(code, userId, body.status(), body.version(), actor);
	}

	@PostMapping("/api/v1/grids/{code}/patrols")
	@Operation(summary = "网格员记录走访/巡查", description = "day 可补报7日内；走访户数与发现的矛盾纠纷、群众诉求、安全隐患数")
	ResponseEntity<PatrolLog.Patrol> patrol(@PathVariable String code, @RequestBody PatrolLog.PatrolInput body, Actor actor) {
		return ResponseEntity.status(201).body(log.record(code, body, actor));
	}

	record ZeroReport(LocalDate day) {
	}

	@PostMapping("/api/v1/grids/{code}/zero-report")
	@Operation(summary = "零报告：当日未发现矛盾纠纷、诉求和隐患", description = "当日已有发现或已报过零报告时 409")
	ResponseEntity<PatrolLog.Patrol> zeroReport(@PathVariable String code, @RequestBody(required = false) ZeroReport body,
			Actor actor) {
		return ResponseEntity.status(201).body(log.zeroReport(code, body == null ? null : body.day(), actor));
	}

	@GetMapping("/api/v1/grids/{code}/patrols")
	@Operation(summary = "网格的走访记录与零报告，最新的在前")
	List<PatrolLog.Patrol> patrols(@PathVariable String code, Actor actor) {
		return log.ofGrid(code, actor, 200);
	}

	@GetMapping("/api/v1/grids/reporting")
	@Operation(summary = "乡镇（街道）查看网格员报送情况：期间内每人有记录或零报告的天数和缺报天数",
			description = "region: 乡镇街道、村社区或县市区代码；缺报只计在岗的网格员")
	List<PatrolLog.Reporting> reporting(@RequestParam String region,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor) {
		return log.reporting(region, from, to, actor);
	}

}
