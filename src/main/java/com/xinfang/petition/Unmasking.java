package com.xinfang.petition;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import com.xinfang.privacy.PersonalDataCipher;
import java.io.Serializable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Showing a petitioner's full ID number, phone and address: only to staff who handle matters
 * in their scope, only with a stated reason, and always written to the audit log (PIPL).
 */
@Service
public class Unmasking {

	private final PetitionQueries queries;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Directory directory;

	Unmasking(PetitionQueries queries, PersonalDataCipher cipher, AuditLog audit, JdbcClient jdbc,
			Directory directory) {
		this.directory = directory;
		this.queries = queries;
		this.cipher = cipher;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	public record Revealed(String name, String idNumber, String phone, String address) implements Serializable {
	}

	/**
	 * Whether the actor may ask to see a petitioner of a matter held by this unit in full: the
	 * handling roles, and of a unit-scoped account only the responsible unit's (a unit called in to a
	 * joint handling sees the matter, not the petitioner). Art 30 comes on top ({@link ConfidentialityRule}).
	 */
	public static boolean mayAsk(Actor actor, String responsibleUnitCode) {
		return actor.hasAny(Role.REGISTRAR, Role.CASE_OFFICER, Role.UNIT_HEAD, Role.REVIEWER, Role.SUPERVISOR)
				&& (actor.scope().type() != DataScope.Type.UNIT
						|| actor.unitCode() != null && actor.unitCode().equals(responsibleUnitCode));
	}

	/** A refusal is committed with its audit entry (no second connection), hence noRollbackFor. */
	@Transactional(noRollbackFor = DomainException.Forbidden.class)
	public Revealed reveal(String number, int petitionerIndex, String reason, Actor actor) {
		if (!actor.hasAny(Role.REGISTRAR, Role.CASE_OFFICER, Role.UNIT_HEAD, Role.REVIEWER, Role.SUPERVISOR)) {
			audit.record(actor.label(), "UNMASK_REFUSED", number, "role");
			throw new DomainException.Forbidden("您的角色无权查看信访人的完整个人信息");
		}
		if (reason == null || reason.strip().length() < 4) {
			throw new DomainException.Invalid("reason", "请填写查看原因（至少4个字）");
		}
		Petition p = queries.load(number, actor);
		if (actor.scope().type() == DataScope.Type.UNIT && !actor.unitCode().equals(p.responsibleUnitCode())) {
			// a unit called in to a joint handling sees the matter, not the petitioner's identity (least privilege)
			audit.record(actor.label(), "UNMASK_REFUSED", number, "called-in unit");
			throw new DomainException.Forbidden("被召集报到的单位无权查看信访人完整信息，请向牵头单位了解");
		}
		if (!ConfidentialityRule.mayIdentifyPetitioners(p.kind(), actor, directory.unit(actor.unitCode()).orElse(null),
				p.citizenUserId())) {
			audit.record(actor.label(), "UNMASK_REFUSED", number, "accusation (Art 30)");
			throw new DomainException.Forbidden("检举控告事项的检举人信息依法保密（条例第三十条）");
		}
		record Row(String name, byte[] idNumberEnc, byte[] phoneEnc, byte[] addressEnc) {
		}
		Row row = jdbc.sql("SELECT name, id_number_enc, phone_enc, address_enc FROM petitioner WHERE petition_id = ? AND seq = ?")
			.params(p.id(), petitionerIndex)
			.query(Rows.of(Row.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("信访人不存在"));
		audit.record(actor.label(), "UNMASK", number + "#" + petitionerIndex, reason.strip());
		return new Revealed(row.name(), cipher.decrypt(row.idNumberEnc()), cipher.decrypt(row.phoneEnc()),
				cipher.decrypt(row.addressEnc()));
	}

}
