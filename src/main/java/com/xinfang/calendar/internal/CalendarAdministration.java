package com.xinfang.calendar.internal;

import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.CalendarDay;
import com.xinfang.calendar.TimeLimitComplexity;
import com.xinfang.calendar.DayKind;
import com.xinfang.calendar.DayUnit;
import com.xinfang.calendar.Policy;
import com.xinfang.calendar.TimeLimit;
import com.xinfang.calendar.TimeLimitRule;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to the calendar (adding a year from the State Council notice,
 * correcting a day) and to the day counts of the time-limit rules. Each change is one transaction
 * with its audit entry and a new calendar revision, so every node picks it up; a refused change
 * stores nothing.
 */
@Service
public class CalendarAdministration {

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	static final int MAX_NAME = 40;

	private final JdbcClient jdbc;

	private final CalendarStore store;

	private final AuditLog audit;

	private final Clock clock;

	CalendarAdministration(JdbcClient jdbc, CalendarStore store, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the add and edit forms send, as typed. */
	public record DayForm(String day, String kind, String name) {

		public static DayForm empty() {
			return new DayForm("", DayKind.HOLIDAY.name(), "");
		}

	}

	/** What a rule row of the time-limits page sends, as typed. */
	public record RuleForm(String days, String unit) {
	}

	@Transactional
	public CalendarDay addDay(DayForm form, Actor actor) {
		requireAdmin(actor);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = parseDay(form.day(), problems);
		CalendarDay entry = validate(day, form, problems);
		if (entry != null && find(day).isPresent()) {
			problems.add(new FieldProblem("day", day + " 已在日历中，请在列表中修改这一天"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		jdbc.sql("INSERT INTO calendar_day (day, kind, name, source, updated_at, updated_by) VALUES (?, ?, ?, 'ADMIN', ?, ?)")
			.params(day, entry.kind().name(), entry.name(), now(), actor.username())
			.update();
		changed(actor, "CALENDAR_DAY_ADD", "calendar_day " + day, describe(entry));
		return entry;
	}

	@Transactional
	public CalendarDay changeDay(LocalDate day, DayForm form, Actor actor) {
		requireAdmin(actor);
		CalendarDay before = find(day, true).orElseThrow(() -> new DomainException.NotFound("日历中没有 " + day + " 这一天"));
		List<FieldProblem> problems = new ArrayList<>();
		CalendarDay entry = validate(day, form, problems);
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		jdbc.sql("UPDATE calendar_day SET kind = ?, name = ?, source = 'ADMIN', updated_at = ?, updated_by = ? WHERE day = ?")
			.params(entry.kind().name(), entry.name(), now(), actor.username(), day)
			.update();
		changed(actor, "CALENDAR_DAY_CHANGE", "calendar_day " + day, describe(before) + " → " + describe(entry));
		return entry;
	}

	@Transactional
	public void deleteDay(LocalDate day, Actor actor) {
		requireAdmin(actor);
		CalendarDay before = find(day, true).orElseThrow(() -> new DomainException.NotFound("日历中没有 " + day + " 这一天"));
		jdbc.sql("DELETE FROM calendar_day WHERE day = ?").param(day).update();
		changed(actor, "CALENDAR_DAY_DELETE", "calendar_day " + day, describe(before));
	}

	@Transactional
	public TimeLimitRule changeRule(Policy policy, TimeLimit limit, TimeLimitComplexity complexity, RuleForm form, Actor actor) {
		requireAdmin(actor);
		String complexityColumn = CalendarStore.column(complexity);
		TimeLimitRule before = jdbc
			.sql("SELECT days, unit, basis FROM time_limit_rule WHERE policy = ? AND time_limit = ? AND complexity = ? FOR UPDATE")
			.params(policy.code(), limit.name(), complexityColumn)
			.query((rs, i) -> new TimeLimitRule(policy, limit, complexity, rs.getInt("days"), DayUnit.valueOf(rs.getString("unit")),
					rs.getString("basis")))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这条时限规则"));
		List<FieldProblem> problems = new ArrayList<>();
		Integer days = parseDays(form.days(), problems);
		DayUnit unit = parseEnum(DayUnit.class, form.unit());
		if (unit == null) {
			problems.add(new FieldProblem("unit", "请选择按自然日还是按工作日计算"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		TimeLimitRule after = new TimeLimitRule(policy, limit, complexity, days, unit, before.basis());
		jdbc.sql("UPDATE time_limit_rule SET days = ?, unit = ?, updated_at = ?, updated_by = ? "
				+ "WHERE policy = ? AND time_limit = ? AND complexity = ?")
			.params(days, unit.name(), now(), actor.username(), policy.code(), limit.name(), complexityColumn)
			.update();
		changed(actor, "TIME_LIMIT_CHANGE", "time_limit_rule " + policy.code() + "/" + limit.name() + "/" + complexityColumn,
				before.days() + " " + before.unit() + " → " + days + " " + unit);
		return after;
	}

	private Optional<CalendarDay> find(LocalDate day) {
		return find(day, false);
	}

	/** The day; locked for a change, so two changes of one day at once apply one after the other and the audit's "before" is true. */
	private Optional<CalendarDay> find(LocalDate day, boolean forUpdate) {
		return jdbc.sql("SELECT day, kind, name FROM calendar_day WHERE day = ?" + (forUpdate ? " FOR UPDATE" : ""))
			.param(day)
			.query((rs, i) -> new CalendarDay(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
					rs.getString("name")))
			.optional();
	}

	private void changed(Actor actor, String action, String target, String detail) {
		jdbc.sql("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1").update();
		audit.record(actor.label(), action, target, detail);
		store.invalidateAfterCommit();
	}

	private static CalendarDay validate(LocalDate day, DayForm form, List<FieldProblem> problems) {
		DayKind kind = parseEnum(DayKind.class, form.kind());
		if (kind == null) {
			problems.add(new FieldProblem("kind", "请选择放假还是调休上班"));
		}
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "请填写节日名称，例如：国庆节"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(new FieldProblem("name", "节日名称不能超过" + MAX_NAME + "个字"));
		}
		if (day != null && kind == DayKind.WORKDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
				&& day.getDayOfWeek() != DayOfWeek.SUNDAY) {
			problems.add(new FieldProblem("kind", "调休上班日应为周六或周日，周一至周五本来就是工作日"));
		}
		return day == null || kind == null || !problems.isEmpty() ? null : new CalendarDay(day, kind, name);
	}

	private static LocalDate parseDay(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("day", "请填写日期"));
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
				problems.add(new FieldProblem("day", "日期应在" + MIN_YEAR + "年至" + MAX_YEAR + "年之间"));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("day", "日期格式应为 年-月-日，例如 2027-10-01"));
			return null;
		}
	}

	private static Integer parseDays(String text, List<FieldProblem> problems) {
		String message = "天数应为" + TimeLimitRule.MIN_DAYS + "至" + TimeLimitRule.MAX_DAYS + "之间的整数";
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("days", "请填写天数；" + message));
			return null;
		}
		try {
			int days = Integer.parseInt(text.strip());
			if (days < TimeLimitRule.MIN_DAYS || days > TimeLimitRule.MAX_DAYS) {
				problems.add(new FieldProblem("days", message));
				return null;
			}
			return days;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem("days", message));
			return null;
		}
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void requireAdmin(Actor actor) {
		if (actor == null || !actor.has(Role.ADMIN)) {
			throw new DomainException.Forbidden("只有系统管理员可以修改节假日和办理时限");
		}
	}

	private static String describe(CalendarDay d) {
		return d.kind() + " " + d.name();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

}
