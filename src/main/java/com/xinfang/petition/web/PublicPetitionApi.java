package com.xinfang.petition.web;

import com.xinfang.petition.Action;
import com.xinfang.petition.PetitionCommand;
import com.xinfang.petition.Satisfaction;
import com.xinfang.platform.Texts;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import com.xinfang.petition.PublicLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For petitioners holding a number and query code; no login. */
@RestController
@RequestMapping("/api/v1/public/petitions")
@Tag(name = "公开查询")
class PublicPetitionApi {

	private final PublicLookup lookup;

	private final PetitionActions actions;

	PublicPetitionApi(PublicLookup lookup, PetitionActions actions) {
		this.actions = actions;
		this.lookup = lookup;
	}

	record RatingRequest(String queryCode, String satisfaction) {
	}

	record AppealRequest(String queryCode, String reason) {
	}

	@PostMapping("/{number}/rating")
	@Operation(summary = "满意度评价（满意/基本满意/不满意）")
	PetitionActions.PublicLookupResult rate(@PathVariable String number, @RequestBody RatingRequest body,
			HttpServletRequest request) {
		var cmd = new PetitionCommand.Rate(
				Texts.optionalEnum(Satisfaction.class, body == null ? null : body.satisfaction(), "satisfaction"));
		return actions.performAsPetitioner(number, body == null ? null : body.queryCode(), request.getRemoteAddr(), cmd);
	}

	@PostMapping("/{number}/reexamination")
	@Operation(summary = "申请复查（收到处理意见书之日起30日内）")
	ResponseEntity<PetitionActions.PublicLookupResult> reexamination(@PathVariable String number,
			@RequestBody AppealRequest body, HttpServletRequest request) {
		return appeal(number, body, request, Action.REQUEST_REEXAMINATION);
	}

	@PostMapping("/{number}/review")
	@Operation(summary = "申请复核（收到复查意见之日起30日内）")
	ResponseEntity<PetitionActions.PublicLookupResult> review(@PathVariable String number, @RequestBody AppealRequest body,
			HttpServletRequest request) {
		return appeal(number, body, request, Action.REQUEST_REVIEW);
	}

	private ResponseEntity<PetitionActions.PublicLookupResult> appeal(String number, AppealRequest body,
			HttpServletRequest request, Action action) {
		String reason = body == null ? null : body.reason();
		PetitionCommand cmd = action == Action.REQUEST_REVIEW ? new PetitionCommand.RequestReview(reason)
				: new PetitionCommand.RequestReexamination(reason);
		var result = actions.performAsPetitioner(number, body == null ? null : body.queryCode(), request.getRemoteAddr(), cmd);
		return ResponseEntity.status(201).body(result);
	}

	@GetMapping("/{number}/documents/{id}/{token}")
	@Operation(summary = "下载文书（查询结果所列链接，30分钟内有效）")
	ResponseEntity<byte[]> documentByLink(@PathVariable String number, @PathVariable long id, @PathVariable String token) {
		var doc = lookup.document(number, id, token);
		return doc.toResponse(false);
	}

	/** The older form with the code in the URL; the listed links above keep the code out of logs. */
	@GetMapping("/{number}/documents/{id}")
	@Operation(summary = "下载文书（凭查询码；请优先使用查询结果所列链接）", deprecated = true)
	ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id,
			@RequestParam(required = false) String queryCode, HttpServletRequest request) {
		var doc = lookup.document(number, queryCode, request.getRemoteAddr(), id);
		return doc.toResponse(false);
	}

	@GetMapping("/{number}")
	@Operation(summary = "凭信访编号和查询码查询进度")
	PetitionViews.PublicStatus status(@PathVariable String number, @RequestParam(required = false) String queryCode,
			HttpServletRequest request) {
		return lookup.lookup(number, queryCode, request.getRemoteAddr());
	}

}
