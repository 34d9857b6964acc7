package com.xinfang.coordination.web;

import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.accountability.AccountabilityRates;
import com.xinfang.accountability.Backlog;
import com.xinfang.coordination.CoordinationRecords;
import com.xinfang.coordination.JointHandling;
import com.xinfang.accountability.ProhibitedConduct;
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

/** The coordination levers over other units: 吹哨报到, 积案, 接访, 联席会议, 问责 rates, Art 26 records. */
@RestController
@Tag(name = "协调与问责")
class CoordinationApi {

	private final JointHandling joint;

	private final Backlog backlog;

	private final AccountabilityRates rates;

	private final CoordinationRecords records;

	private final ProhibitedConduct conduct;

	CoordinationApi(JointHandling joint, Backlog backlog, AccountabilityRates rates, CoordinationRecords records,
			ProhibitedConduct conduct) {
		this.joint = joint;
		this.backlog = backlog;
		this.rates = rates;
		this.records = records;
		this.conduct = conduct;
	}

	record TextRequest(String text) {
	}

	@PostMapping("/api/v1/petitions/{number}/joint")
	@Operation(summary = "信访吹哨：召集单位限期报到，联合办理", description = "unitCodes: 被召集单位；reportDays: 报到期限（1–10个工作日，默认3）")
	ResponseEntity<JointHandling.Joint> whistle(@PathVariable String number, @RequestBody JointHandling.Whistle body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("unitCodes", "请选择需要报到的单位");
		}
		return ResponseEntity.status(201).body(joint.blowWhistle(number, body, actor));
	}

	@GetMapping("/api/v1/petitions/{number}/joint")
	@Operation(summary = "事项的联合办理情况（各单位报到、承担工作、办理情况）")
	ResponseEntity<JointHandling.Joint> jointOf(@PathVariable String number, Actor actor) {
		return ResponseEntity.of(joint.of(number, actor));
	}

	@PostMapping("/api/v1/petitions/{number}/joint/report-in")
	@Operation(summary = "部门报到，写明本单位承担的工作")
	JointHandling.Joint reportIn(@PathVariable String number, @RequestBody TextRequest body, Actor actor) {
		return joint.reportIn(number, body == null ? null : body.text(), actor);
	}

	@PostMapping("/api/v1/petitions/{number}/joint/contribution")
	@Operation(summary = "被召集单位记录办理情况")
	JointHandling.Joint contribute(@PathVariable String number, @RequestBody TextRequest body, Actor actor) {
		return joint.contribute(number, body == null ? null : body.text(), actor);
	}

	@PostMapping("/api/v1/petitions/{number}/joint/reply")
	@Operation(summary = "牵头单位作出综合答复")
	JointHandling.Joint combinedReply(@PathVariable String number, @RequestBody TextRequest body, Actor actor) {
		return joint.combinedReply(number, body == null ? null : body.text(), actor);
	}

	@GetMapping("/api/v1/joint/report-ins")
	@Operation(summary = "各单位报到情况：被召集次数、按时、逾期、未报到")
	List<JointHandling.ReportInCount> reportIns(Actor actor) {
		return joint.reportInCounts(actor);
	}

	@GetMapping("/api/v1/backlog/counts")
	@Operation(summary = "积案：控增量（新增）、减存量（化解）、防变量（反弹）及月末存量，按县市区、月份", description = "定义见 docs/supervision.md")
	List<Backlog.MonthCount> backlogCounts(@RequestParam int year, Actor actor) {
		return backlog.counts(year, actor);
	}

	@GetMapping("/api/v1/backlog")
	@Operation(summary = "当前积案清单（最早进入积案的在前）")
	List<Backlog.BacklogMatter> backlogMatters(Actor actor) {
		return backlog.open(actor, 500);
	}

	@GetMapping("/api/v1/accountability/rates")
	@Operation(summary = "应受理而不受理率、应办理而不办理率（按单位）", description = "按法定期限落在期间内的事项计算，定义见 docs/supervision.md")
	List<AccountabilityRates.UnitRates> accountability(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String unitCode, Actor actor) {
		if (to.isBefore(from)) {
			throw new DomainException.Invalid("to", "结束日期不能早于开始日期");
		}
		return rates.perUnit(from, to, unitCode, actor);
	}

	record FindingRequest(String kind, String reason) {
	}

	@PostMapping("/api/v1/petitions/{number}/findings")
	@Operation(summary = "信访部门认定应受理而不受理、应办理而不办理")
	ResponseEntity<AccountabilityRates.Finding> finding(@PathVariable String number, @RequestBody FindingRequest body, Actor actor) {
		return ResponseEntity.status(201).body(rates.find(number, body == null ? null : body.kind(), body == null ? null : body.reason(), actor));
	}

	@PostMapping("/api/v1/receptions")
	@Operation(summary = "安排领导接访日")
	ResponseEntity<CoordinationRecords.ReceptionDay> schedule(@RequestBody CoordinationRecords.Schedule body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("day", "请选择接访日期");
		}
		return ResponseEntity.status(201).body(records.schedule(body, actor));
	}

	@GetMapping("/api/v1/receptions")
	@Operation(summary = "领导接访日及接待的事项")
	List<CoordinationRecords.ReceptionDay> receptions(Actor actor) {
		return records.receptions(actor);
	}

	record VisitRequest(String number, String instructions) {
	}

	@PostMapping("/api/v1/receptions/{id}/visits")
	@Operation(summary = "登记领导接待的来访，关联信访事项并记录领导批示")
	CoordinationRecords.ReceptionDay visit(@PathVariable long id, @RequestBody VisitRequest body, Actor actor) {
		return records.recordVisit(id, body == null ? null : body.number(), body == null ? null : body.instructions(), actor);
	}

	@PostMapping("/api/v1/joint-meetings")
	@Operation(summary = "记录联席会议（参会人员、研究事项、议定事项及责任单位、时限）")
	ResponseEntity<CoordinationRecords.Meeting> meeting(@RequestBody CoordinationRecords.NewMeeting body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("heldOn", "请填写会议信息");
		}
		return ResponseEntity.status(201).body(records.recordMeeting(body, actor));
	}

	@GetMapping("/api/v1/joint-meetings")
	@Operation(summary = "联席会议记录")
	List<CoordinationRecords.Meeting> meetings(Actor actor) {
		return records.meetings(actor);
	}

	@PostMapping("/api/v1/joint-meetings/decisions/{id}/done")
	@Operation(summary = "责任单位报告议定事项落实情况")
	ResponseEntity<Void> decisionDone(@PathVariable long id, @RequestBody TextRequest body, Actor actor) {
		records.completeDecision(id, body == null ? null : body.text(), actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/prohibited-conduct")
	@Operation(summary = "记录第二十六条所列行为及依法处置情况（仅信访部门督办员、领导）")
	ResponseEntity<ProhibitedConduct.Entry> recordConduct(@RequestBody ProhibitedConduct.Report body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("behaviour", "请填写记录");
		}
		return ResponseEntity.status(201).body(conduct.record(body, actor));
	}

	@GetMapping("/api/v1/prohibited-conduct")
	@Operation(summary = "本辖区第二十六条行为记录（仅信访部门督办员、领导）")
	List<ProhibitedConduct.Entry> conduct(Actor actor) {
		return conduct.list(actor, null);
	}

	record PersonQuery(String idNumber) {
	}

	/** By POST, so the ID number never appears in a URL or an access log. */
	@PostMapping("/api/v1/prohibited-conduct/search")
	@Operation(summary = "按身份证号查询某人的第二十六条行为记录（仅信访部门督办员、领导）")
	List<ProhibitedConduct.Entry> conductOf(@RequestBody PersonQuery body, Actor actor) {
		return conduct.list(actor, body == null ? null : body.idNumber());
	}

}
