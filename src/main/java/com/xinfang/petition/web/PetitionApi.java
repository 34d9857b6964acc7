package com.xinfang.petition.web;

import com.xinfang.identity.Actor;
import com.xinfang.petition.ActionRequest;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.PetitionViews;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/petitions")
@Tag(name = "信访事项")
class PetitionApi {

	private final PetitionRegistration registration;

	private final PetitionQueries queries;

	private final PetitionActions actions;

	PetitionApi(PetitionRegistration registration, PetitionQueries queries, PetitionActions actions) {
		this.actions = actions;
		this.registration = registration;
		this.queries = queries;
	}

	@PostMapping
	@Operation(summary = "登记信访事项（工作人员登记；群众以 ONLINE 渠道提交）")
	ResponseEntity<Map<String, Object>> register(@RequestBody RegisterPetition body, Actor actor) {
		var result = registration.register(body == null ? empty() : body, List.of(), actor);
		Map<String, Object> json = new LinkedHashMap<>(JsonViews.flatten(result.petition()));
		json.put("queryCode", result.queryCode());
		json.put("suggestions", result.suggestions());
		return ResponseEntity.created(URI.create("/api/v1/petitions/" + result.petition().number())).body(json);
	}

	@GetMapping("/{number}")
	@Operation(summary = "信访事项详情")
	PetitionViews.PetitionView get(@PathVariable String number, Actor actor) {
		return queries.find(number, actor);
	}

	@GetMapping
	@Operation(summary = "信访事项列表（按查看范围过滤）")
	PetitionViews.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String unitCode,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return queries.list(new PetitionViews.Filter(status, regionCode, categoryCode, unitCode, channel, overdue, q, null), actor,
				page, size);
	}

	@GetMapping("/{number}/history")
	@Operation(summary = "办理过程")
	List<PetitionViews.HistoryEntry> history(@PathVariable String number, Actor actor) {
		return queries.history(number, actor);
	}

	@PostMapping("/{number}/actions")
	@Operation(summary = "对信访事项执行操作（受理、转送、答复、审核、送达、回访等）")
	PetitionViews.PetitionView act(@PathVariable String number, @RequestBody ActionRequest body, Actor actor) {
		if (body == null || body.action() == null) {
			throw new DomainException.Invalid("action", "请指定操作 action");
		}
		return actions.perform(number, body.version(), body.toCommand(), actor);
	}

	@GetMapping("/{number}/documents")
	@Operation(summary = "已出具的文书")
	List<PetitionViews.Document> documents(@PathVariable String number, Actor actor) {
		return queries.documents(number, actor, "/api/v1/petitions/" + number + "/documents/");
	}

	@GetMapping("/{number}/documents/{id}")
	@Operation(summary = "文书 PDF")
	ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable long id, Actor actor) {
		var doc = queries.document(number, id, actor);
		return doc.toResponse(false);
	}

	private static RegisterPetition empty() {
		return new RegisterPetition(null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
