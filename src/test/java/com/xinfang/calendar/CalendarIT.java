package com.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.internal.CalendarAdministration;
import com.xinfang.calendar.internal.CalendarAdministration.DayForm;
import com.xinfang.calendar.internal.CalendarAdministration.RuleForm;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar on PostgreSQL: the seed, an administrator's edit reaching the due dates, the admin pages. */
@IntegrationTest
class CalendarIT {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TimeLimitPolicies policies;

	@Autowired
	CalendarAdministration administration;

	@Autowired
	DeadlineClock deadlines;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	Actor actor(String username) {
		return accounts.actorByUsername(username).orElseThrow();
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void theSeededTableHoldsTheShippedDataAndCovers2024To2026() {
		for (int year = 2024; year <= 2026; year++) {
			long holidays = jdbc.sql("SELECT count(*) FROM calendar_day WHERE kind = 'HOLIDAY' AND extract(year FROM day) = ?")
				.param(year)
				.query(Long.class)
				.single();
			assertThat(holidays).as("holidays of %s", year).isGreaterThan(20);
			assertThat(calendar.covers(year)).isTrue();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM calendar_day WHERE source = 'SEED'").query(Long.class).single())
			.isEqualTo(HolidayTable.bundled().all().size());
		assertThat(jdbc.sql("SELECT count(*) FROM calendar_seeded_year WHERE year BETWEEN 2024 AND 2026").query(Long.class).single())
			.isEqualTo(3);
		assertThat(calendar.addCalendarDays(d("2026-09-17"), 15)).isEqualTo(d("2026-10-08"));
		assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
	}

	@Test
	void theSeededStatutoryRulesAreTheNumbersOfTheRegulation() {
		for (TimeLimit limit : TimeLimit.values()) {
			TimeLimitRule rule = policies.rule(Policy.STATUTORY, limit, null);
			assertThat(rule.policy()).as("%s", limit).isEqualTo(Policy.STATUTORY);
			assertThat(rule.days()).as("%s", limit).isEqualTo(limit.statutoryDays());
			assertThat(rule.unit()).as("%s", limit).isEqualTo(limit.statutoryUnit());
			assertThat(rule.basis()).as("%s", limit).startsWith(limit.legalBasis());
		}
		assertThat(policies.targetPolicy()).isEqualTo(Policy.CHANGDE_3530);
		assertThat(policies.statutoryPolicy()).isEqualTo(Policy.STATUTORY);
		assertThat(policies.rule(Policy.CHANGDE_3530, TimeLimit.ACCEPT_NOTICE, TimeLimitComplexity.COMPLEX).days()).isEqualTo(5);
	}

	@Test
	void anAdministratorsHolidayMovesTheDueDatesAtOnce() {
		Actor admin = actor("admin");
		// Monday 2026-03-02 + 15 = Tuesday 2026-03-17, an ordinary working day
		assertThat(calendar.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-17"));
		long revision = revision();
		try {
			administration.addDay(new DayForm("2026-03-17", "HOLIDAY", "测试假日"), admin);
			assertThat(revision()).isGreaterThan(revision);
			assertThat(calendar.isRestDay(d("2026-03-17"))).isTrue();
			assertThat(calendar.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-18"));
			assertThat(policies.due(Policy.STATUTORY, TimeLimit.TRANSFER, null, d("2026-03-02"))).isEqualTo(d("2026-03-18"));
			assertThat(audit.recent(3)).anySatisfy(e -> {
				assertThat(e.action()).isEqualTo("CALENDAR_DAY_ADD");
				assertThat(e.actor()).isEqualTo("admin");
				assertThat(e.target()).isEqualTo("calendar_day 2026-03-17");
			});

			administration.changeDay(d("2026-03-17"), new DayForm(null, "HOLIDAY", "测试假日（改）"), admin);
			assertThat(calendar.table().day(d("2026-03-17")).orElseThrow().name()).isEqualTo("测试假日（改）");
		}
		finally {
			administration.deleteDay(d("2026-03-17"), admin);
		}
		assertThat(calendar.addCalendarDays(d("2026-03-02"), 15)).isEqualTo(d("2026-03-17"));
		assertThat(audit.recent(1).get(0).action()).isEqualTo("CALENDAR_DAY_DELETE");
	}

	@Test
	void refusedChangesStoreNothing() {
		Actor admin = actor("admin");
		long revision = revision();
		long auditBefore = auditCount();
		assertThatThrownBy(() -> administration.changeRule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null, new RuleForm("0", "CALENDAR_DAYS"),
				admin))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("1至365");
		assertThatThrownBy(() -> administration.changeRule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null, new RuleForm("三十", "CALENDAR_DAYS"),
				admin))
			.isInstanceOf(DomainException.Invalid.class);
		assertThatThrownBy(() -> administration.addDay(new DayForm("2026-10-01", "HOLIDAY", "国庆节"), admin))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("已在日历中");
		assertThatThrownBy(() -> administration.addDay(new DayForm("2026-12-02", "WORKDAY", "调休"), admin))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("周六或周日");
		assertThatThrownBy(() -> administration.addDay(new DayForm("2026-12-05", "HOLIDAY", "x"), actor("city.registrar")))
			.isInstanceOf(DomainException.Forbidden.class);
		assertThat(policies.rule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null).days()).isEqualTo(30);
		assertThat(revision()).isEqualTo(revision);
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void anAdministratorEditsTheCalendarAndTheTimeLimitsThroughThePages() throws Exception {
		Web web = new Web();
		web.login("admin", "Demo@2026");

		var page = web.get("/admin/calendar?year=2026");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("2026年放假和调休安排").contains("2026-10-01").contains("国庆节").contains("调休上班");
		int nextYear = deadlines.today().getYear() + 1;
		if (!calendar.covers(nextYear)) {
			assertThat(page.body()).contains(nextYear + "年的节假日安排尚未录入完整");
		}

		// add a day through the form, see it listed, delete it again
		var added = web.post("/admin/calendar/days", Map.of("day", "2026-12-31", "kind", "HOLIDAY", "name", "页面测试"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/admin/calendar?year=2026");
		page = web.get("/admin/calendar?year=2026");
		assertThat(page.body()).contains("页面测试").contains("已添加");
		assertThat(calendar.isRestDay(d("2026-12-31"))).isTrue();
		assertThat(web.post("/admin/calendar/days/2026-12-31/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(calendar.isRestDay(d("2026-12-31"))).isFalse();

		// a bad day count is refused with a Chinese message and nothing stored
		var limits = web.get("/admin/time-limits");
		assertThat(limits.statusCode()).isEqualTo(200);
		assertThat(limits.body()).contains("常德“3530”").contains("法定时限").contains("第三十四条").contains("简易事项")
			.contains("沿用法定");
		var refused = web.post("/admin/time-limits/CHANGDE_3530/HANDLE/ANY", Map.of("days", "400", "unit", "CALENDAR_DAYS"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("天数应为1至365之间的整数");
		assertThat(policies.rule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null).days()).isEqualTo(30);

		// a good one is stored, audited and applied; then restored
		var saved = web.post("/admin/time-limits/CHANGDE_3530/HANDLE/ANY", Map.of("days", "25", "unit", "CALENDAR_DAYS"));
		assertThat(saved.statusCode()).isEqualTo(302);
		try {
			assertThat(policies.rule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null).days()).isEqualTo(25);
			assertThat(audit.recent(1).get(0).action()).isEqualTo("TIME_LIMIT_CHANGE");
		}
		finally {
			web.post("/admin/time-limits/CHANGDE_3530/HANDLE/ANY", Map.of("days", "30", "unit", "CALENDAR_DAYS"));
		}
		assertThat(policies.rule(Policy.CHANGDE_3530, TimeLimit.HANDLE, null).days()).isEqualTo(30);
	}

	@Test
	void otherStaffCannotOpenTheAdminPages() throws Exception {
		Web web = new Web();
		web.login("city.registrar", "Demo@2026");
		assertThat(web.get("/admin/calendar").statusCode()).isEqualTo(403);
		assertThat(web.get("/admin/time-limits").statusCode()).isEqualTo(403);
	}

	private long revision() {
		return jdbc.sql("SELECT revision FROM calendar_revision").query(Long.class).single();
	}

	private long auditCount() {
		return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
	}

	/** A browser without a browser: cookies, CSRF tokens from the pages, no redirects followed. */
	class Web {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private String csrf;

		void login(String username, String password) throws Exception {
			get("/console/login");
			var r = post("/login", Map.of("portal", "staff", "username", username, "password", password));
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			get("/console");
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher m = CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			Map<String, String> all = new LinkedHashMap<>(form);
			all.put("_csrf", csrf);
			String body = all.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Matcher m = CSRF.matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

	}

}
