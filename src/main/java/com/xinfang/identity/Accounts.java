package com.xinfang.identity;

import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and reading them back as {@link Actor}s. */
@Service
public class Accounts {

	static final String SMS_PURPOSE_REGISTER = "REGISTER";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PersonalDataCipher cipher;

	private final VerificationCodes codes;

	private final Directory directory;

	private final Clock clock;

	private final TokenRevocations revocations;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, PersonalDataCipher cipher, VerificationCodes codes,
			Directory directory, Clock clock, TokenRevocations revocations) {
		this.revocations = revocations;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.cipher = cipher;
		this.codes = codes;
		this.directory = directory;
		this.clock = clock;
	}

	/** A citizen's registration: real name, ID number, phone verified by SMS, password. */
	public record CitizenRegistration(String phone, String smsCode, String name, String idNumber, String password,
			String passwordConfirm) {
	}

	/** A wrong SMS code's counted try must stay committed, hence noRollbackFor. */
	@Transactional(noRollbackFor = DomainException.Invalid.class)
	public Actor registerCitizen(CitizenRegistration form) {
		List<FieldProblem> problems = new ArrayList<>();
		MobilePhone.problem(form.phone()).ifPresent(p -> problems.add(new FieldProblem("phone", p)));
		if (form.name() == null || !form.name().strip().matches("[\\p{IsHan}·A-Za-z]{2,20}")) {
			problems.add(new FieldProblem("name", "请填写真实姓名（2至20个汉字）"));
		}
		IdNumber.problem(form.idNumber(), LocalDate.now(clock))
			.ifPresent(p -> problems.add(new FieldProblem("idNumber", p)));
		PasswordRule.problem(form.password()).ifPresent(p -> problems.add(new FieldProblem("password", p)));
		if (form.password() != null && !form.password().equals(form.passwordConfirm())) {
			problems.add(new FieldProblem("passwordConfirm", "两次输入的密码不一致"));
		}
		if (form.smsCode() == null || form.smsCode().isBlank()) {
			problems.add(new FieldProblem("smsCode", "请输入短信验证码"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		String phone = MobilePhone.normalise(form.phone());
		String phoneIndex = cipher.blindIndex("phone", phone);
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE phone_index = ?").param(phoneIndex).query(Integer.class).single() > 0) {
			throw new DomainException.Invalid("phone", "该手机号已注册，请直接登录");
		}
		codes.verify(phone, SMS_PURPOSE_REGISTER, form.smsCode());
		String id = IdNumber.normalise(form.idNumber());
		long userId = insert(citizenUsername(phoneIndex), form.password(), Actor.Kind.CITIZEN, form.name().strip(), null,
				null, id, phone, EnumSet.of(Role.CITIZEN));
		return actor(userId).orElseThrow();
	}

	/** Sends the SMS code for registration. */
	public void sendRegistrationCode(String phone) {
		codes.send(phone, SMS_PURPOSE_REGISTER);
	}

	/** For administrators and the demo seed. */
	@Transactional
	public long createStaff(String username, String password, String displayName, String unitCode, Set<Role> roles) {
		Unit unit = directory.unit(unitCode).orElseThrow(() -> new DomainException.Invalid("unitCode", "单位不存在"));
		if (roles.contains(Role.CITIZEN)) {
			throw new DomainException.Invalid("roles", "工作人员账号不能具有群众角色");
		}
		return insert(username, password, Actor.Kind.STAFF, displayName, unit.code(), unit.regionCode(), null, null, roles);
	}

	/** For the demo seed: a citizen with a known password, no SMS round trip. */
	@Transactional
	public long createCitizen(String phone, String password, String name, String idNumber) {
		String p = MobilePhone.normalise(phone);
		return insert(citizenUsername(cipher.blindIndex("phone", p)), password, Actor.Kind.CITIZEN, name, null, null,
				IdNumber.normalise(idNumber), p, EnumSet.of(Role.CITIZEN));
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Integer.class).single() > 0;
	}

	@Transactional(readOnly = true)
	public Optional<Actor> actor(long userId) {
		return jdbc.sql("SELECT id FROM app_user WHERE id = ?").param(userId).query(Long.class).optional()
			.flatMap(id -> loadActor("id = ?", id));
	}

	@Transactional(readOnly = true)
	public Optional<Actor> actorByUsername(String username) {
		return loadActor("username = ?", username);
	}

	@Transactional(readOnly = true)
	public Optional<Actor> actorByPhone(String phone) {
		return loadActor("phone_index = ? AND kind = 'CITIZEN'", cipher.blindIndex("phone", MobilePhone.normalise(phone)));
	}

	/** The citizen's own identity, decrypted for their own pages. */
	@Transactional(readOnly = true)
	public Optional<CitizenIdentity> citizenIdentity(long userId) {
		record Row(String displayName, byte[] idNumberEnc, byte[] phoneEnc) {
		}
		return jdbc.sql("SELECT display_name, id_number_enc, phone_enc FROM app_user WHERE id = ? AND kind = 'CITIZEN'")
			.param(userId)
			.query(Rows.of(Row.class))
			.optional()
			.map(r -> new CitizenIdentity(r.displayName(), cipher.decrypt(r.idNumberEnc()), cipher.decrypt(r.phoneEnc())));
	}

	public record CitizenIdentity(String name, String idNumber, String phone) {

		public String idNumberMasked() {
			return Masking.idNumber(idNumber);
		}

		public String phoneMasked() {
			return Masking.phone(phone);
		}

	}

	/**
	 * An administrator disables an account (a staff login name or a citizen's phone): it can no
	 * longer log in, and its API tokens and login sessions end at once, on every node.
	 */
	@Transactional
	public void disable(String login, Actor admin) {
		long id = accountForAdmin(login, admin);
		if (id == admin.userId()) {
			throw new DomainException.Conflict("不能停用自己的账号");
		}
		jdbc.sql("UPDATE app_user SET enabled = false, version = version + 1 WHERE id = ?").param(id).update();
		endSignIns(id);
	}

	@Transactional
	public void enable(String login, Actor admin) {
		long id = accountForAdmin(login, admin);
		jdbc.sql("UPDATE app_user SET enabled = true, version = version + 1 WHERE id = ?").param(id).update();
	}

	/** Ends every API token and login session of the account. */
	@Transactional
	public void endSignIns(long userId) {
		revocations.revokeAll(userId);
		actor(userId).ifPresent(a -> jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(a.username()).update());
	}

	private long accountForAdmin(String login, Actor admin) {
		if (!admin.has(Role.ADMIN)) {
			throw new DomainException.Forbidden("只有系统管理员可以停用或启用账号");
		}
		return loginRecord(login == null ? "" : login.strip()).map(LoginRecord::id)
			.orElseThrow(() -> new DomainException.NotFound("账号不存在"));
	}

	/** Login name lookup: staff by username, citizens by phone number. */
	Optional<LoginRecord> loginRecord(String login) {
		String username = MobilePhone.problem(login).isEmpty()
				? citizenUsername(cipher.blindIndex("phone", MobilePhone.normalise(login))) : login;
		return jdbc.sql("SELECT id, username, password_hash, enabled FROM app_user WHERE username = ?")
			.param(username)
			.query(Rows.of(LoginRecord.class))
			.optional();
	}

	record LoginRecord(long id, String username, String passwordHash, boolean enabled) {
	}

	Optional<Actor> loadActor(String condition, Object param) {
		record Row(long id, String username, String displayName, String kind, String unitCode, String regionCode) {
		}
		return jdbc.sql("SELECT id, username, display_name, kind, unit_code, region_code FROM app_user WHERE " + condition)
			.param(param)
			.query(Rows.of(Row.class))
			.optional()
			.map(r -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				jdbc.sql("SELECT role FROM user_role WHERE user_id = ?")
					.param(r.id())
					.query(String.class)
					.list()
					.forEach(role -> roles.add(Role.valueOf(role)));
				Actor.Kind kind = Actor.Kind.valueOf(r.kind());
				Unit unit = directory.unit(r.unitCode()).orElse(null);
				DataScope scope = DataScopePolicy.scopeFor(kind, r.id(), roles, unit, r.regionCode());
				String username = kind == Actor.Kind.CITIZEN ? "citizen:" + r.id() : r.username();
				return new Actor(r.id(), username, r.displayName(), kind, r.unitCode(), r.regionCode(), roles, scope);
			});
	}

	private long insert(String username, String password, Actor.Kind kind, String displayName, String unitCode,
			String regionCode, String idNumber, String phone, Set<Role> roles) {
		PasswordRule.problem(password).ifPresent(p -> {
			throw new DomainException.Invalid("password", p);
		});
		long id = jdbc.sql("""
				INSERT INTO app_user (username, password_hash, kind, display_name, unit_code, region_code,
				  id_number_enc, id_number_index, id_number_mask, phone_enc, phone_index, phone_mask, created_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
			.params(username, passwords.encode(password), kind.name(), displayName, unitCode, regionCode,
					cipher.encrypt(idNumber), cipher.blindIndex("id", idNumber), Masking.idNumber(idNumber),
					cipher.encrypt(phone), cipher.blindIndex("phone", phone), Masking.phone(phone),
					OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return id;
	}

	/** Citizens log in with their phone; the stored login name is its blind index, not the number. */
	private static String citizenUsername(String phoneIndex) {
		return "p:" + phoneIndex.substring(0, 40);
	}

}
