package com.xinfang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.TestApi;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.FailureThrottle;
import com.xinfang.privacy.IdNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CitizenAccountIT {

	@Autowired
	Accounts accounts;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	FailureThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@AfterEach
	void forgetThrottles() {
		jdbc.sql("DELETE FROM throttle").update();
	}

	String lastCode() {
		Matcher m = Pattern.compile("验证码为(\\d{6})").matcher(outbox.recent(20).stream()
			.filter(x -> x.text().contains("验证码")).findFirst().orElseThrow().text());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void aCitizenRegistersWithAnSmsCodeAndLogsInWithTheirPhone() {
		String phone = "13607361234";
		accounts.sendRegistrationCode(phone);
		String code = lastCode();
		String id = IdNumber.withCheckCharacter("43072519920808222");
		Actor citizen = accounts.registerCitizen(new Accounts.CitizenRegistration(phone, code, "向春花", id, "Chunhua2026", "Chunhua2026"));
		assertThat(citizen.isCitizen()).isTrue();
		assertThat(citizen.scope()).isEqualTo(DataScope.own(citizen.userId()));
		// the login name stored is not the phone number
		assertThat(jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(citizen.userId()).query(String.class).single())
			.doesNotContain(phone);
		var api = new TestApi(port);
		String token = api.token(phone, "Chunhua2026");
		assertThat(api.get("/api/v1/petitions", token).body().get("total").asLong()).isZero();
		// a code is used once
		assertThatThrownBy(() -> accounts.registerCitizen(
				new Accounts.CitizenRegistration(phone, code, "向春花", id, "Chunhua2026", "Chunhua2026")))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("已注册");
	}

	@Test
	void aWrongCodeIsRefusedAndNoAccountIsCreated() {
		String phone = "13607365678";
		accounts.sendRegistrationCode(phone);
		String wrong = lastCode().equals("000000") ? "111111" : "000000";
		assertThatThrownBy(() -> accounts.registerCitizen(new Accounts.CitizenRegistration(phone, wrong, "彭德明",
				IdNumber.withCheckCharacter("43070219600101333"), "Deming2026x", "Deming2026x")))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("验证码不正确");
		assertThat(accounts.actorByPhone(phone)).isEmpty();
	}

	@Test
	void codesCannotBeRequestedAgainWithinAMinute() {
		accounts.sendRegistrationCode("13607360000");
		assertThatThrownBy(() -> accounts.sendRegistrationCode("13607360000")).isInstanceOf(DomainException.Throttled.class);
	}

	@Test
	void everyInvalidFieldIsReportedAtOnceInChinese() {
		assertThatThrownBy(() -> accounts.registerCitizen(
				new Accounts.CitizenRegistration("123", "", "x", "430702198001011230", "short", "other")))
			.isInstanceOfSatisfying(DomainException.Invalid.class, ex -> assertThat(ex.problems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactlyInAnyOrder("phone", "name", "idNumber", "password", "passwordConfirm", "smsCode"));
	}

	@Test
	void repeatedWrongPasswordsBlockOnlyThatAccountFromThatAddressAndTheBlockEnds() {
		var api = new TestApi(port);
		int last = 0;
		for (int i = 0; i < 7; i++) {
			last = api.post("/api/v1/auth/token", null, Map.of("username", "city.reviewer", "password", "guess" + i + "x")).status();
		}
		assertThat(last).isEqualTo(429);
		// even the right password waits while blocked
		assertThat(api.post("/api/v1/auth/token", null, Map.of("username", "city.reviewer", "password", "Demo@2026")).status())
			.isEqualTo(429);
		// another account from the same address is not affected
		assertThat(api.token("city.supervisor", "Demo@2026")).isNotBlank();
	}

	@Test
	void throttleBlocksDoubleAndAreCapped() {
		String key = "test:" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			throttle.recordFailure(key, 3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
		}
		assertThat(throttle.secondsBlocked(key)).isZero();
		throttle.recordFailure(key, 3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
		assertThat(throttle.secondsBlocked(key)).isBetween(1L, 30L);
		throttle.recordFailure(key, 3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
		assertThat(throttle.secondsBlocked(key)).isBetween(31L, 60L);
		for (int i = 0; i < 30; i++) {
			throttle.recordFailure(key, 3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
		}
		assertThat(throttle.secondsBlocked(key)).isBetween(1L, 15 * 60L);
		throttle.reset(key);
		assertThat(throttle.secondsBlocked(key)).isZero();
	}

	@Test
	void demoAccountsOfTheContractExistWithTheirRolesAndUnits() {
		for (var expected : List.of(List.of("admin", "ADMIN", "CD-XFJ"), List.of("city.registrar", "REGISTRAR", "CD-XFJ"),
				List.of("city.reviewer", "REVIEWER", "CD-XFJ"), List.of("city.supervisor", "SUPERVISOR", "CD-XFJ"),
				List.of("wuling.registrar", "REGISTRAR", "WL-XFJ"), List.of("hr.officer", "CASE_OFFICER", "CD-HRSS"),
				List.of("hr.head", "UNIT_HEAD", "CD-HRSS"), List.of("leader", "LEADER", "CD-ZFB"))) {
			Actor a = accounts.actorByUsername(expected.get(0)).orElseThrow();
			assertThat(a.has(Role.valueOf(expected.get(1)))).as(expected.get(0)).isTrue();
			assertThat(a.unitCode()).isEqualTo(expected.get(2));
		}
		assertThat(accounts.actorByPhone("13800000001")).hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo("张三"));
	}

}
