package com.xinfang.casefile.web;

import com.xinfang.casefile.TermCounts;
import com.xinfang.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "文本智能")
class TermCountsApi {

	private final TermCounts counts;

	TermCountsApi(TermCounts counts) {
		this.counts = counts;
	}

	record Repaired(int corrected) {
	}

	@PostMapping("/api/v1/casefile/term-counts/repair")
	@Operation(summary = "按倒排索引重新统计查重词频（仅系统管理员），返回校正的词数")
	Repaired repair(Actor actor) {
		return new Repaired(counts.repair(actor));
	}

}
