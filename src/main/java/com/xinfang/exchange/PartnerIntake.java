package com.xinfang.exchange;

import com.xinfang.audit.AuditLog;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner files a matter: through the petition module's registration (same validation, Art 30
 * confidentiality and repeat checks as any matter), linked to the partner's own identifier. The
 * same identifier twice gives the same matter, also when both arrive at once (a transaction-scoped
 * advisory lock on the pair); the same identifier with another body is a conflict.
 */
@Service
public class PartnerIntake {

	private final PetitionRegistration registration;

	private final Partners partners;

	private final Webhooks webhooks;

	private final AuditLog audit;

	private final PersonalDataCipher cipher;

	private final JdbcClient jdbc;

	private final Clock clock;

	PartnerIntake(PetitionRegistration registration, Partners partners, Webhooks webhooks, AuditLog audit,
			PersonalDataCipher cipher, JdbcClient jdbc, Clock clock) {
		this.registration = registration;
		this.partners = partners;
		this.webhooks = webhooks;
		this.audit = audit;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The matter a partner's request became; {@code created} is false for a replay. */
	public record Filed(String number, String queryCode, boolean created, String status, Instant registeredAt) {
	}

	@Transactional
	public Filed file(Partner partner, String externalId, String body, RegisterPetition cmd, String auditAction) {
		String bodyHash = sha256(body);
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
			.params((int) partner.id(), externalId.hashCode())
			.query()
			.singleValue();
		var existing = existing(partner, externalId);
		if (existing.isPresent()) {
			if (!existing.get().bodyHash().equals(bodyHash)) {
				throw new DomainException.Conflict("编号 " + externalId + " 已提交过不同的内容，同一编号不能用于另一件事项");
			}
			var e = existing.get();
			return new Filed(e.number(), e.queryCode(), false, null, e.createdAt());
		}
		Instant now = clock.instant();
		var registered = registration.registerAt(cmd, List.of(), partners.actorFor(partner), now);
		String number = registered.petition().number();
		jdbc.sql("""
				INSERT INTO exchange_link (partner_id, external_id, petition_number, body_hash, query_code_enc, created_at)
				VALUES (?,?,?,?,?,?)""")
			.params(partner.id(), externalId, number, bodyHash, cipher.encrypt(registered.queryCode()),
					OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
		if (partner.mayReceive() && partner.callbackUrl() != null) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("status", registered.petition().status());
			data.put("statusLabel", "已登记");
			data.put("receivedAt", registered.petition().receivedAt().toString());
			webhooks.enqueue(partner.id(), number, externalId, "REGISTERED", "登记", now, data, "registered:" + number);
		}
		audit.record(partner.auditName(), auditAction, number, "外部编号 " + externalId);
		return new Filed(number, registered.queryCode(), true, registered.petition().status().name(), now);
	}

	private Optional<Link> existing(Partner partner, String externalId) {
		return jdbc.sql("SELECT petition_number, body_hash, query_code_enc, created_at FROM exchange_link WHERE partner_id = ? AND external_id = ?")
			.params(partner.id(), externalId)
			.query((rs, n) -> new Link(rs.getString(1), rs.getString(2), cipher.decrypt(rs.getBytes(3)),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	private record Link(String number, String bodyHash, String queryCode, Instant createdAt) {
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
