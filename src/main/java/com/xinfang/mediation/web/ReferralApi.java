package com.xinfang.mediation.web;

import com.xinfang.identity.Actor;
import com.xinfang.mediation.Disputes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 访调结合、调解先行 in the JSON API: the handling unit sends the petition it handles to mediation. */
@RestController
@Tag(name = "矛盾纠纷调解")
class ReferralApi {

	private final Disputes disputes;

	ReferralApi(Disputes disputes) {
		this.disputes = disputes;
	}

	@PostMapping("/api/v1/petitions/{number}/mediation")
	@Operation(summary = "信访事项转调解（访调结合、调解先行）",
			description = "承办单位在办理中（已受理）将事项转调解组织调解：version 为信访事项的版本号；typeCode 纠纷类型；regionCode 纠纷发生的村（社区）或乡镇（街道），"
					+ "默认信访事项所在地；respondentName 被申请人；orgId 调解组织，默认建议的组织；facts 默认沿用信访内容。"
					+ "调解结果（达成协议或未达成）自动记入信访事项的办理记录；结果回告前不能拟定处理意见书。检举控告类事项不转调解（409）。")
	ResponseEntity<Disputes.Dispute> refer(@PathVariable String number, @RequestBody Disputes.Referral body, Actor actor) {
		return ResponseEntity.status(201).body(disputes.referFromPetition(number, body, actor));
	}

}
