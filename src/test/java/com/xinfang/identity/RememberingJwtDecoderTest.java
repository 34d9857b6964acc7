package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class RememberingJwtDecoderTest {

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder verifying = token -> {
		verifications.incrementAndGet();
		if (!token.startsWith("good")) {
			throw new BadJwtException("signature");
		}
		return Jwt.withTokenValue(token).header("alg", "HS256").subject("u").issuedAt(Instant.EPOCH)
			.expiresAt(Instant.EPOCH.plusSeconds(7200)).build();
	};

	@Test
	void aTokenIsVerifiedOnceButCheckedOnEveryCall() {
		AtomicInteger checks = new AtomicInteger();
		var decoder = new RememberingJwtDecoder(verifying, jwt -> {
			checks.incrementAndGet();
			return OAuth2TokenValidatorResult.success();
		});
		decoder.decode("good-1");
		decoder.decode("good-1");
		decoder.decode("good-1");
		assertThat(verifications).hasValue(1);
		assertThat(checks).hasValue(3);
	}

	@Test
	void aRevokedOrExpiredTokenIsRefusedAlthoughItWasRememberedAndIsForgotten() {
		AtomicBoolean revoked = new AtomicBoolean(false);
		var decoder = new RememberingJwtDecoder(verifying, jwt -> revoked.get()
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "访问令牌已失效，请重新登录", null))
				: OAuth2TokenValidatorResult.success());
		decoder.decode("good-2");
		revoked.set(true);
		assertThatThrownBy(() -> decoder.decode("good-2")).isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("访问令牌已失效");
		assertThat(decoder.remembered()).isZero();
	}

	@Test
	void aTokenThatFailsVerificationIsNeverRemembered() {
		var decoder = new RememberingJwtDecoder(verifying, jwt -> OAuth2TokenValidatorResult.success());
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(verifications).hasValue(2);
		assertThat(decoder.remembered()).isZero();
	}

}
