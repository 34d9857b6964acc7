package com.xinfang.exchange;

import static com.xinfang.platform.Texts.blankToNull;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.privacy.PersonalDataCipher;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner systems and their credentials. The API key is kept only as a keyed hash (it cannot be
 * shown again); the signing secret is kept SM4-encrypted because every webhook is signed with it.
 * Both are shown once, when issued or rotated. A revoked partner's key stops working at once.
 * Each partner registers matters through its own service account, so the history names it.
 */
@Service
public class Partners {

	static final String CITY_BUREAU = "CD-XFJ";

	private static final char[] KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Accounts accounts;

	private final AuditLog audit;

	private final RateLimiter limiter;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Partners(JdbcClient jdbc, PersonalDataCipher cipher, Accounts accounts, AuditLog audit, RateLimiter limiter,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.accounts = accounts;
		this.audit = audit;
		this.limiter = limiter;
		this.clock = clock;
	}

	/** What an administrator types to register a partner. */
	public record Registration(String code, String name, String kind, String contact, String callbackUrl,
			Set<Partner.Permission> permissions, Integer ratePerMinute) {
	}

	/** Registers a partner and issues its first credentials (shown once). */
	@Transactional
	public Credentials register(Registration form, Actor admin) {
		requireAdmin(admin);
		List<FieldProblem> problems = new ArrayList<>();
		String code = form.code() == null ? "" : form.code().strip().toLowerCase(Locale.ROOT);
		if (!code.matches("[a-z0-9][a-z0-9-]{1,30}")) {
			problems.add(new FieldProblem("code", "系统代号为2–31位小写字母、数字或连字符"));
		}
		else if (find(code).isPresent()) {
			problems.add(new FieldProblem("code", "该系统代号已被使用"));
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 60) {
			problems.add(new FieldProblem("name", "请填写合作系统名称（不超过60字）"));
		}
		Partner.Kind kind = null;
		try {
			kind = Partner.Kind.valueOf(form.kind() == null ? "" : form.kind());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("kind", "请选择系统类型"));
		}
		String callback = blankToNull(form.callbackUrl());
		if (callback != null && !callback.matches("https?://[^\\s]{3,480}")) {
			problems.add(new FieldProblem("callbackUrl", "回调地址须为 http(s):// 开头的网址"));
		}
		Set<Partner.Permission> perms = form.permissions() == null ? Set.of() : form.permissions();
		if (perms.contains(Partner.Permission.RECEIVE) && callback == null) {
			problems.add(new FieldProblem("callbackUrl", "接收办理进展推送需要填写回调地址"));
		}
		int rate = form.ratePerMinute() == null ? 1200 : form.ratePerMinute();
		if (rate < 1 || rate > 100_000) {
			problems.add(new FieldProblem("ratePerMinute", "每分钟请求上限应在1到100000之间"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		String apiKey = newKey();
		return insert(code, name, kind, blankToNull(form.contact()), callback, perms, rate, apiKey, admin);
	}

	/** For demo data and tests: a partner with a chosen (documented) key. */
	@Transactional
	public Credentials registerWithKey(Registration form, String apiKey, Actor admin) {
		requireAdmin(admin);
		return insert(form.code(), form.name(), Partner.Kind.valueOf(form.kind()), form.contact(), form.callbackUrl(),
				form.permissions(), form.ratePerMinute() == null ? 1200 : form.ratePerMinute(), apiKey, admin);
	}

	private Credentials insert(String code, String name, Partner.Kind kind, String contact, String callback,
			Set<Partner.Permission> perms, int rate, String apiKey, Actor admin) {
		String secret = newSecret();
		long userId = accounts.createStaff("partner." + code, "Xf#" + newSecret() + "a1", name + "（合作系统）",
				CITY_BUREAU, EnumSet.noneOf(Role.class));
		jdbc.sql("""
				INSERT INTO exchange_partner (code, name, kind, contact, callback_url, may_file, may_receive, may_handover,
				  rate_per_minute, key_prefix, key_hash, secret_enc, service_user_id, created_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
			.params(code, name, kind.name(), contact, callback, perms.contains(Partner.Permission.FILE),
					perms.contains(Partner.Permission.RECEIVE), perms.contains(Partner.Permission.HANDOVER), rate,
					prefix(apiKey), keyHash(apiKey), cipher.encrypt(secret), userId, now())
			.update();
		audit.record(admin.label(), "PARTNER_REGISTER", "partner:" + code, name + "，权限 " + perms);
		return new Credentials(code, apiKey, secret);
	}

	/** New key and secret; the old ones stop working at once. */
	@Transactional
	public Credentials rotate(String code, Actor admin) {
		requireAdmin(admin);
		Partner p = find(code).orElseThrow(() -> new DomainException.NotFound("合作系统不存在"));
		if (!p.active()) {
			throw new DomainException.Conflict("该合作系统已停用，不能更换密钥");
		}
		String apiKey = newKey();
		String secret = newSecret();
		// guarded: a partner revoked meanwhile gets no new key
		int n = jdbc.sql("UPDATE exchange_partner SET key_prefix = ?, key_hash = ?, secret_enc = ?, rotated_at = ?, version = version + 1 "
				+ "WHERE id = ? AND revoked_at IS NULL")
			.params(prefix(apiKey), keyHash(apiKey), cipher.encrypt(secret), now(), p.id())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该合作系统已停用，不能更换密钥");
		}
		audit.record(admin.label(), "PARTNER_ROTATE", p.auditName(), "更换 API 密钥和签名密钥");
		return new Credentials(code, apiKey, secret);
	}

	@Transactional
	public void revoke(String code, Actor admin) {
		requireAdmin(admin);
		int n = jdbc.sql("UPDATE exchange_partner SET revoked_at = ?, version = version + 1 WHERE code = ? AND revoked_at IS NULL")
			.params(now(), code)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("合作系统不存在或已停用");
		}
		audit.record(admin.label(), "PARTNER_REVOKE", "partner:" + code, "停用，密钥作废");
	}

	@Transactional
	public void updatePermissions(String code, Set<Partner.Permission> perms, String callbackUrl, Actor admin) {
		requireAdmin(admin);
		String callback = blankToNull(callbackUrl);
		if (callback != null && !callback.matches("https?://[^\\s]{3,480}")) {
			throw new DomainException.Invalid("callbackUrl", "回调地址须为 http(s):// 开头的网址");
		}
		if (perms.contains(Partner.Permission.RECEIVE) && callback == null) {
			throw new DomainException.Invalid("callbackUrl", "接收办理进展推送需要填写回调地址");
		}
		int n = jdbc.sql("UPDATE exchange_partner SET may_file = ?, may_receive = ?, may_handover = ?, callback_url = ?, version = version + 1 WHERE code = ?")
			.params(perms.contains(Partner.Permission.FILE), perms.contains(Partner.Permission.RECEIVE),
					perms.contains(Partner.Permission.HANDOVER), callback, code)
			.update();
		if (n == 0) {
			throw new DomainException.NotFound("合作系统不存在");
		}
		audit.record(admin.label(), "PARTNER_PERMISSIONS", "partner:" + code, perms + " " + callback);
	}

	/**
	 * The partner holding this key, if it is active, allowed to do this, and within its rate.
	 * An unknown or revoked key: 401-class; a known key without the permission: 403; too fast: 429.
	 */
	public Partner authenticate(String apiKey, Partner.Permission needed) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new DomainException.Unauthenticated("缺少合作系统 API 密钥（X-Api-Key）");
		}
		Partner p = jdbc.sql("SELECT * FROM exchange_partner WHERE key_hash = ?")
			.param(keyHash(apiKey.strip()))
			.query(Partners::map)
			.optional()
			.orElseThrow(() -> new DomainException.Unauthenticated("API 密钥无效"));
		if (!p.active()) {
			throw new DomainException.Unauthenticated("API 密钥无效");
		}
		if (!p.may(needed)) {
			throw new DomainException.Forbidden("该合作系统无权" + needed.label());
		}
		long wait = limiter.acquire(p.id(), p.ratePerMinute());
		if (wait > 0) {
			throw new DomainException.Throttled(wait);
		}
		return p;
	}

	/** The account the partner registers matters as: a registrar of the city bureau, city-wide. */
	public Actor actorFor(Partner p) {
		return new Actor(p.serviceUserId(), "partner." + p.code(), p.name() + "（合作系统）", Actor.Kind.STAFF, CITY_BUREAU,
				"430700", Set.of(Role.REGISTRAR), DataScope.region("4307"));
	}

	/** The signing secret, for signing webhooks and verifying what the development receiver got. */
	public String signingSecret(Partner p) {
		return jdbc.sql("SELECT secret_enc FROM exchange_partner WHERE id = ?")
			.param(p.id())
			.query((rs, n) -> cipher.decrypt(rs.getBytes(1)))
			.single();
	}

	/** A partner and its signing secret read through another pool (the webhook dispatcher's own). */
	Optional<Partner> byId(JdbcClient via, long id) {
		return via.sql("SELECT * FROM exchange_partner WHERE id = ?").param(id).query(Partners::map).optional();
	}

	String signingSecret(JdbcClient via, long id) {
		return via.sql("SELECT secret_enc FROM exchange_partner WHERE id = ?")
			.param(id)
			.query((rs, n) -> cipher.decrypt(rs.getBytes(1)))
			.single();
	}

	public Optional<Partner> find(String code) {
		return jdbc.sql("SELECT * FROM exchange_partner WHERE code = ?").param(code).query(Partners::map).optional();
	}

	public Optional<Partner> byId(long id) {
		return jdbc.sql("SELECT * FROM exchange_partner WHERE id = ?").param(id).query(Partners::map).optional();
	}

	public List<Partner> list() {
		return jdbc.sql("SELECT * FROM exchange_partner ORDER BY id").query(Partners::map).list();
	}

	static Partner map(ResultSet rs, int n) throws SQLException {
		long user = rs.getLong("service_user_id");
		Long serviceUser = rs.wasNull() ? null : user;
		return new Partner(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				Partner.Kind.valueOf(rs.getString("kind")), rs.getString("contact"), rs.getString("callback_url"),
				rs.getBoolean("may_file"), rs.getBoolean("may_receive"), rs.getBoolean("may_handover"),
				rs.getInt("rate_per_minute"), rs.getString("key_prefix"), serviceUser, instant(rs, "revoked_at"),
				instant(rs, "created_at"), instant(rs, "rotated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private String keyHash(String apiKey) {
		return cipher.keyedHash("partner-key:" + apiKey);
	}

	private static String prefix(String apiKey) {
		return apiKey.length() <= 8 ? apiKey.substring(0, Math.min(4, apiKey.length())) + "…" : apiKey.substring(0, 7) + "…";
	}

	private String newKey() {
		return "xf_" + randomText(32);
	}

	private String newSecret() {
		return randomText(40);
	}

	private String randomText(int n) {
		char[] out = new char[n];
		for (int i = 0; i < n; i++) {
			out[i] = KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)];
		}
		return new String(out);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static void requireAdmin(Actor actor) {
		if (actor == null || !actor.has(Role.ADMIN)) {
			throw new DomainException.Forbidden("只有系统管理员可以管理合作系统");
		}
	}


}
