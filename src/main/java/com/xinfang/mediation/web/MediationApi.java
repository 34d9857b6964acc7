package com.xinfang.mediation.web;

import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.mediation.Disputes;
import com.xinfang.mediation.OrgKind;
import com.xinfang.mediation.Organisations;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 矛盾纠纷多元化解: the dispute register and its flow, and the directory of mediation organisations. */
@RestController
@Tag(name = "矛盾纠纷调解")
class MediationApi {

	private final Disputes disputes;

	private final Organisations organisations;

	MediationApi(Disputes disputes, Organisations organisations) {
		this.disputes = disputes;
		this.organisations = organisations;
	}

	@GetMapping("/api/v1/dispute-types")
	@Operation(summary = "纠纷类型")
	List<Disputes.Type> types() {
		return disputes.types();
	}

	@PostMapping("/api/v1/disputes")
	@Operation(summary = "登记矛盾纠纷（网格员排查上报、群众申请、12345、法院委派）",
			description = "parties: 至少一方申请人 APPLICANT 和一方被申请人 RESPONDENT；身份证号、手机号、住址加密保存、脱敏显示。"
					+ "riskLevel: RED 须填写包案领导和化解方案，YELLOW 须填写责任干部，GREEN 默认由网格员跟进")
	ResponseEntity<Disputes.Dispute> register(@RequestBody Disputes.Registration body, Actor actor) {
		return ResponseEntity.status(201).body(disputes.register(body, actor));
	}

	@GetMapping("/api/v1/disputes")
	@Operation(summary = "纠纷台账（调用者可见范围内，最新在前）", description = "status: 状态，或 OPEN 表示未结案")
	List<Disputes.Row> list(@RequestParam(required = false) String status, Actor actor) {
		return disputes.list(actor, status, 500);
	}

	@GetMapping("/api/v1/disputes/{number}")
	@Operation(summary = "纠纷详情：当事人（脱敏）、风险等级及其历史、调解记录、协议、时间线")
	Disputes.Dispute dispute(@PathVariable String number, Actor actor) {
		return disputes.visible(number, actor);
	}

	@GetMapping("/api/v1/disputes/{number}/suggested-organisation")
	@Operation(summary = "建议的调解组织：该类型的行业性专业性调解组织，否则所在乡镇（街道）人民调解委员会")
	ResponseEntity<Organisations.Summary> suggested(@PathVariable String number, Actor actor) {
		Disputes.Dispute d = disputes.visible(number, actor);
		return ResponseEntity.of(organisations.suggest(d.typeCode(), d.regionCode()));
	}

	@PostMapping("/api/v1/disputes/{number}/assign")
	@Operation(summary = "分流至调解组织（及调解室）")
	Disputes.Dispute assign(@PathVariable String number, @RequestBody Disputes.Assignment body, Actor actor) {
		return disputes.assign(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/risk")
	@Operation(summary = "调整风险等级（红：乡镇领导包案并一案一方案；黄：责任干部；绿：网格员跟进），保留历史")
	Disputes.Dispute risk(@PathVariable String number, @RequestBody Disputes.RiskChange body, Actor actor) {
		return disputes.changeRisk(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/sessions")
	@Operation(summary = "记录一次调解（调解笔录）")
	Disputes.Dispute session(@PathVariable String number, @RequestBody Disputes.SessionInput body, Actor actor) {
		return disputes.recordSession(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/agreement")
	@Operation(summary = "达成调解协议：书面调解协议书 WRITTEN（人民调解法第二十九条所列事项）或口头协议 ORAL（第二十八条，调解员记录协议内容）")
	Disputes.Dispute agree(@PathVariable String number, @RequestBody Disputes.AgreementInput body, Actor actor) {
		return disputes.agree(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/failure")
	@Operation(summary = "调解未达成协议：原因及已告知当事人的途径（人民调解法第二十六条）")
	Disputes.Dispute fail(@PathVariable String number, @RequestBody Disputes.Failure body, Actor actor) {
		return disputes.fail(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/follow-up")
	@Operation(summary = "协议履行回访")
	Disputes.Dispute followUp(@PathVariable String number, @RequestBody Disputes.FollowUp body, Actor actor) {
		return disputes.followUp(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/close")
	@Operation(summary = "结案归档（人民调解法第二十七条）")
	Disputes.Dispute close(@PathVariable String number, @RequestBody(required = false) Disputes.Closing body, Actor actor) {
		return disputes.close(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/escalate")
	@Operation(summary = "三级治理·四调联动：升级至上一级（村→乡镇→县矛调中心）或转交其他类别调解，须写明理由")
	Disputes.Dispute escalate(@PathVariable String number, @RequestBody(required = false) Disputes.Escalation body, Actor actor) {
		return disputes.escalate(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/petition")
	@Operation(summary = "调解未达成协议的纠纷登记为信访事项（信访部门登记员，经信访事项登记接口）")
	ResponseEntity<Disputes.Dispute> convert(@PathVariable String number, @RequestBody(required = false) Disputes.Conversion body,
			Actor actor) {
		return ResponseEntity.status(201).body(disputes.convertToPetition(number, body, actor));
	}

	@PostMapping("/api/v1/disputes/{number}/judicial-confirmation")
	@Operation(summary = "记录双方当事人共同申请司法确认（自调解协议生效之日起三十日内，人民调解法第三十三条；末日遇节假日顺延）")
	Disputes.Dispute applyForConfirmation(@PathVariable String number, @RequestBody(required = false) Disputes.ConfirmationApplication body,
			Actor actor) {
		return disputes.applyForConfirmation(number, body, actor);
	}

	@PostMapping("/api/v1/disputes/{number}/judicial-confirmation/decision")
	@Operation(summary = "记录人民法院对司法确认申请的裁定（确认有效 / 驳回）")
	Disputes.Dispute confirmationDecision(@PathVariable String number, @RequestBody(required = false) Disputes.ConfirmationDecision body,
			Actor actor) {
		return disputes.recordConfirmationDecision(number, body, actor);
	}

	@GetMapping("/api/v1/disputes/confirmation-reminders")
	@Operation(summary = "司法确认期限将届满（5日内）且尚未申请的调解协议")
	List<Disputes.ConfirmationReminder> confirmationReminders(Actor actor) {
		return disputes.confirmationReminders(actor);
	}

	record Reason(String reason) {
	}

	@PostMapping("/api/v1/disputes/{number}/parties/{seq}/reveal")
	@Operation(summary = "查看当事人完整信息（须填写原因，记入审计日志）")
	Disputes.PartyInput reveal(@PathVariable String number, @PathVariable int seq, @RequestBody(required = false) Reason body,
			Actor actor) {
		return disputes.reveal(number, seq, body == null ? null : body.reason(), actor);
	}

	@GetMapping("/api/v1/disputes/{number}/agreement.pdf")
	@Operation(summary = "人民调解协议书（PDF）")
	ResponseEntity<byte[]> agreementPdf(@PathVariable String number, Actor actor) {
		byte[] pdf = disputes.agreementPdf(number, actor);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(disputes.agreementFileName(number), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

	@GetMapping("/api/v1/mediation/organisations")
	@Operation(summary = "调解组织名录（人民调解、行业性专业性调解、行政调解、司法调解）及其调解室", description = "region: 地区代码前缀，默认为调用者分管地区")
	List<Organisations.Summary> organisations(@RequestParam(required = false) String region,
			@RequestParam(required = false) OrgKind kind, Actor actor) {
		String prefix = Optional.ofNullable(region).orElse(Oversight.regionPrefix(actor).orElse("43"));
		return organisations.directory(prefix, kind);
	}

	@GetMapping("/api/v1/mediation/organisations/{id}")
	@Operation(summary = "调解组织详情：调解室、调解员（人民调解法第十四条条件、培训）")
	Organisations.Organisation organisation(@PathVariable long id, Actor actor) {
		return organisations.visible(id, actor);
	}

	@PostMapping("/api/v1/mediation/organisations")
	@Operation(summary = "设立调解组织", description = "人民调解委员会由委员三至九人组成，设主任一人，应当有妇女成员（人民调解法第八条）；"
			+ "每位调解员须符合第十四条条件")
	ResponseEntity<Organisations.Organisation> create(@RequestBody Organisations.NewOrganisation body, Actor actor) {
		return ResponseEntity.status(201).body(organisations.create(body, actor));
	}

	@PostMapping("/api/v1/mediation/organisations/{id}/mediators")
	@Operation(summary = "增加调解员（第十四条；委员会不超过九人）")
	Organisations.Organisation addMediator(@PathVariable long id, @RequestBody Organisations.MediatorInput body, Actor actor) {
		return organisations.addMediator(id, body, actor);
	}

	@PostMapping("/api/v1/mediation/organisations/{id}/mediators/{mediatorId}/leave")
	@Operation(summary = "调解员离任（委员会须保持三人以上并有妇女成员，否则 409）")
	Organisations.Organisation removeMediator(@PathVariable long id, @PathVariable long mediatorId, Actor actor) {
		return organisations.removeMediator(id, mediatorId, actor);
	}

	@PostMapping("/api/v1/mediation/organisations/{id}/mediators/{mediatorId}/trainings")
	@Operation(summary = "记录调解员业务培训（第十四条第二款）")
	Organisations.Organisation training(@PathVariable long id, @PathVariable long mediatorId,
			@RequestBody Organisations.Training body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("topic", "请填写培训情况");
		}
		return organisations.addTraining(id, mediatorId, body, actor);
	}

}
