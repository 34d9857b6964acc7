package com.xinfang.identity.web;

import com.xinfang.identity.ApiTokens;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账号")
class TokenApi {

	private final ApiTokens tokens;

	TokenApi(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record TokenRequest(String username, String password) {
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "用账号密码换取访问令牌（工作人员用用户名，群众用手机号）")
	ApiTokens.Token token(@RequestBody TokenRequest body, HttpServletRequest request) {
		if (body == null || body.username() == null || body.username().isBlank() || body.password() == null) {
			throw new DomainException.Invalid("username", "请填写账号和密码");
		}
		return tokens.issue(body.username(), body.password(), request.getRemoteAddr());
	}

}
