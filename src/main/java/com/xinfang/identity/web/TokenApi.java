package com.xinfang.identity.web;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.ApiTokens;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账号")
class TokenApi {

	private final ApiTokens tokens;

	private final Accounts accounts;

	TokenApi(ApiTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
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

	@PostMapping("/api/v1/auth/logout")
	@Operation(summary = "退出登录：所持访问令牌立即失效")
	ResponseEntity<Void> logout() {
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getCredentials() instanceof Jwt jwt) {
			tokens.revoke(jwt);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/accounts/{login}/disable")
	@Operation(summary = "停用账号（系统管理员）：不能再登录，其访问令牌和登录会话立即失效")
	ResponseEntity<Void> disable(@PathVariable String login, Actor actor) {
		accounts.disable(login, actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/admin/accounts/{login}/enable")
	@Operation(summary = "启用账号（系统管理员）")
	ResponseEntity<Void> enable(@PathVariable String login, Actor actor) {
		accounts.enable(login, actor);
		return ResponseEntity.noContent().build();
	}

}
