package com.xinfang.petition.web;

import com.xinfang.petition.PetitionViews;
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

	PublicPetitionApi(PublicLookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping("/{number}")
	@Operation(summary = "凭信访编号和查询码查询进度")
	PetitionViews.PublicStatus status(@PathVariable String number, @RequestParam(required = false) String queryCode,
			HttpServletRequest request) {
		return lookup.lookup(number, queryCode, request.getRemoteAddr());
	}

}
