package com.xinfang.supervision.web;

import com.xinfang.accountability.ReplyRate;
import com.xinfang.coordination.Recommendations;
import com.xinfang.identity.Actor;
import com.xinfang.petition.Flag;
import com.xinfang.petition.PetitionFlags;
import com.xinfang.platform.DomainException;
import com.xinfang.supervision.CaseOwnership;
import com.xinfang.supervision.SupervisionOrders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "督查督办")
class SupervisionApi {

	private final SupervisionOrders orders;

	private final Recommendations recommendations;

	private final CaseOwnership ownership;

	private final PetitionFlags flags;

	SupervisionApi(SupervisionOrders orders, Recommendations recommendations,
			CaseOwnership ownership, PetitionFlags flags) {
		this.orders = orders;
		this.recommendations = recommendations;
		this.ownership = ownership;
		this.flags = flags;
	}

	record FlagsRequest(List<String> flags) {
	}

	@PostMapping("/api/v1/petitions/{number}/flags")
	@Operation(summary = "标注越级访、进京访、三跨三分离")
	Set<Flag> setFlags(@PathVariable String number, @RequestBody FlagsRequest body, Actor actor) {
		return flags.set(number, body == null ? List.of() : body.flags(), actor);
	}

	@GetMapping("/api/v1/petitions/{number}/flags")
	@Operation(summary = "事项的标注")
	Set<Flag> getFlags(@PathVariable String number, Actor actor) {
		return flags.of(number, actor);
	}

	@PostMapping("/api/v1/petitions/{number}/ownership")
	@Operation(summary = "领导包案（五包一）")
	CaseOwnership.Ownership own(@PathVariable String number,
			@RequestBody CaseOwnership.Assignment body, Actor actor) {
		return ownership.assign(number, body, actor);
	}

	record NoteRequest(String note) {
	}

	@PostMapping("/api/v1/petitions/{number}/ownership/progress")
	@Operation(summary = "记录包案进展")
	CaseOwnership.Ownership progress(@PathVariable String number, @RequestBody NoteRequest body,
			Actor actor) {
		return ownership.addProgress(number, body == null ? null : body.note(), actor);
	}

	@GetMapping("/api/v1/leader/cases")
	@Operation(summary = "我包案的事项（领导看板）")
	List<CaseOwnership.Ownership> myCases(Actor actor) {
		return ownership.ownedBy(actor);
	}

	@PostMapping("/api/v1/recommendations")
	@Operation(summary = "提出三项建议（改进工作、完善政策、追责问责），限期书面回复")
	ResponseEntity<Recommendations.Recommendation> recommend(
			@RequestBody Recommendations.Issue body, Actor actor) {
		if (body == null) {
			throw new DomainException.Invalid("kind", "请填写建议");
		}
		return ResponseEntity.status(201).body(recommendations.issue(body, actor));
	}

	@GetMapping("/api/v1/recommendations")
	@Operation(summary = "本单位提出或收到的三项建议")
	List<Recommendations.Recommendation> recommendations(Actor actor) {
		return recommendations.visibleTo(actor);
	}

	@PostMapping("/api/v1/recommendations/{id}/reply")
	@Operation(summary = "收到建议的单位书面回复")
	Recommendations.Recommendation replyToRecommendation(@PathVariable long id,
			@RequestBody ReplyRequest body, Actor actor) {
		return recommendations.reply(id, body == null ? null : body.text(), actor);
	}

	@GetMapping("/api/v1/recommendations/reply-rates")
	@Operation(summary = "各单位三项建议按期回复率")
	List<ReplyRate> recommendationRates(Actor actor) {
		return recommendations.replyRates(actor);
	}

	record IssueRequest(String kind, String reason, Integer replyDays) {
	}

	record ReplyRequest(String text) {
	}

	@PostMapping("/api/v1/petitions/{number}/supervision")
	@Operation(summary = "催办、督办、挂牌督办（出具督办单，限期书面回复），约谈、通报")
	ResponseEntity<SupervisionOrders.Order> issue(@PathVariable String number, @RequestBody IssueRequest body, Actor actor) {
		return ResponseEntity.status(201).body(orders.issue(number, body == null ? null : body.kind(),
				body == null ? null : body.reason(), body == null ? null : body.replyDays(), actor));
	}

	@GetMapping("/api/v1/petitions/{number}/supervision")
	@Operation(summary = "该事项的督办记录")
	List<SupervisionOrders.Order> list(@PathVariable String number, Actor actor) {
		return orders.forMatter(number, actor);
	}

	@PostMapping("/api/v1/supervision-orders/{id}/reply")
	@Operation(summary = "被督办单位书面回复")
	SupervisionOrders.Order reply(@PathVariable long id, @RequestBody ReplyRequest body, Actor actor) {
		return orders.reply(id, body == null ? null : body.text(), actor);
	}

	@GetMapping(value = "/api/v1/supervision-orders/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "督办单 PDF")
	byte[] pdf(@PathVariable long id, Actor actor) {
		return orders.pdf(id, actor);
	}

	@GetMapping("/api/v1/supervision/reply-rates")
	@Operation(summary = "各单位督办按期回复率")
	List<ReplyRate> rates(Actor actor) {
		return orders.replyRates(actor);
	}

}
