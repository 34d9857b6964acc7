package com.xinfang.identity;

import com.xinfang.platform.FailureThrottle;
import com.xinfang.privacy.MobilePhone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login for both form and token, throttled per (login name, address) and per address.
 * Failures from one address delay only that address, so nobody can lock a victim out from
 * elsewhere, and every block ends by itself.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final FailureThrottle throttle;

	/** Equalises timing for unknown login names. */
	private final String dummyHash;

	ThrottledAuthenticationProvider(Accounts accounts, PasswordEncoder passwords, FailureThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.dummyHash = passwords.encode("timing-equaliser-1");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String login = String.valueOf(authentication.getPrincipal()).strip();
		String password = String.valueOf(authentication.getCredentials());
		String address = address(authentication);
		String accountKey = "login:" + throttleName(login) + "@" + address;
		String addressKey = "login-addr:" + address;
		long blocked = Math.max(throttle.secondsBlocked(accountKey), throttle.secondsBlocked(addressKey));
		if (blocked > 0) {
			throw new LockedException("登录失败次数过多，请" + Math.max(1, (blocked + 59) / 60) + "分钟后再试");
		}
		var record = accounts.loginRecord(login);
		boolean matches = passwords.matches(password, record.map(Accounts.LoginRecord::passwordHash).orElse(dummyHash));
		if (record.isEmpty() || !matches) {
			throttle.recordFailure(accountKey, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
			throttle.recordFailure(addressKey, 30, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));
			log.warn("login failed for {} from {}", login.length() == 11 ? "phone ***" : login, address);
			throw new BadCredentialsException("账号或密码错误");
		}
		if (!record.get().enabled()) {
			throw new DisabledException("账号已停用，请联系管理员");
		}
		throttle.reset(accountKey);
		Actor actor = accounts.actor(record.get().id()).orElseThrow();
		var details = new ActorDetails(actor, "");
		var result = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	/**
	 * The login as the throttle counts it: one account, however it is spelt. A phone number in any
	 * spelling (spaces, dashes, +86) is its eleven digits; a staff name is case-insensitive; an
	 * absurdly long name is counted by its hash so it still fits the throttle's key.
	 */
	static String throttleName(String login) {
		String name = MobilePhone.problem(login).isEmpty() ? MobilePhone.normalise(login) : login.strip().toLowerCase(Locale.ROOT);
		if (name.length() <= 64) {
			return name;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String address(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return web.getRemoteAddress();
		}
		if (authentication.getDetails() instanceof String s) {
			return s;
		}
		return "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
