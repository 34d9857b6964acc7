package com.xinfang.casefile.web;

import com.xinfang.casefile.Duplicates;
import com.xinfang.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "文本智能")
class SimilarApi {

	private final Duplicates duplicates;

	SimilarApi(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	/** {@code band}: LIKELY 很可能是同一事项 (score ≥ 0.5) or POSSIBLE 可能相关; {@code bandLabel} in Chinese. */
	record Similar(String number, double score, boolean sameIdentity, String band, String bandLabel) {
	}

	@PostMapping("/api/v1/text/similar")
	@Operation(summary = "相似信访事项（重复件候选），按相似度从高到低，限于调用者可查看的事项")
	List<Similar> similar(@RequestBody(required = false) Duplicates.SimilarQuery body, Actor actor) {
		return duplicates.similar(body, actor)
			.stream()
			.map(m -> new Similar(m.number(), m.score(), m.sameIdentity(), m.band().name(), m.band().label()))
			.toList();
	}

}
