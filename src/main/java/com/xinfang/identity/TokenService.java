package com.xinfang.identity;

import com.xinfang.privacy.KeyMaterial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signed bearer tokens (HS256 with the deployment's token key). The claims carry the actor and
 * its data scope, so any node checks a token without a database round trip.
 */
@Component
class TokenService {

	static final Duration LIFETIME = Duration.ofHours(2);

	private final NimbusJwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Clock clock;

	TokenService(KeyMaterial keys, Clock clock, TokenRevocations revocations) {
		SecretKey key = new SecretKeySpec(keys.tokenKey(), "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
		var nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		// the signature and expiry first (no database), then whether the token was ended early
		// expiry against the application's clock (the one that issued the token), not the system's
		var timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, revocations));
		this.decoder = nimbus;
		this.clock = clock;
	}

	String issue(Actor actor) {
		Instant now = clock.instant();
		var claims = JwtClaimsSet.builder()
			.issuer("xinfang")
			.subject(actor.username())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.claim("uid", actor.userId())
			.claim("name", actor.displayName())
			.claim("kind", actor.kind().name())
			.claim("unit", actor.unitCode() == null ? "" : actor.unitCode())
			.claim("region", actor.regionCode() == null ? "" : actor.regionCode())
			.claim("roles", actor.roles().stream().map(Enum::name).toList())
			.claim("scope_type", actor.scope().type().name())
			.claim("scope_value", actor.scope().value())
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	JwtDecoder decoder() {
		return decoder;
	}

	static Actor actorFrom(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> names = jwt.getClaimAsStringList("roles");
		if (names != null) {
			names.forEach(n -> roles.add(Role.valueOf(n)));
		}
		Number uid = jwt.getClaim("uid");
		return new Actor(uid.longValue(), jwt.getSubject(), jwt.getClaimAsString("name"),
				Actor.Kind.valueOf(jwt.getClaimAsString("kind")), emptyToNull(jwt.getClaimAsString("unit")),
				emptyToNull(jwt.getClaimAsString("region")), roles,
				new DataScope(DataScope.Type.valueOf(jwt.getClaimAsString("scope_type")), jwt.getClaimAsString("scope_value")));
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

}
