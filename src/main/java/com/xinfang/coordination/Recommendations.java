package com.xinfang.coordination;

import com.xinfang.accountability.FigureScope;

import com.xinfang.accountability.ReplyRate;
import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.WorkingCalendar;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三项建议 (Art 14, 40, 41): the 信访部门 recommends improving work (改进工作建议), policy (完善政策建议) or
 * holding people to account (追责问责建议); the unit answers in writing by a deadline, and the
 * on-time reply rate per unit goes into the annual report.
 */
@Service
public class Recommendations {

	private static final ZoneId BEIJING = BeijingTime.ZONE;

	public enum Kind {

		IMPROVEMENT("改进工作建议"), POLICY("完善政策建议"), ACCOUNTABILITY("追责问责建议");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Recommendation(long id, String kind, String kindLabel, String unitCode, String unitName, String title,
			String content, LocalDate replyDue, OffsetDateTime issuedAt, String issuedBy, String reply,
			OffsetDateTime repliedAt) {
	}

	public record Issue(String kind, String unitCode, String title, String content, Integer replyDays) {
	}

	private final Directory directory;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	Recommendations(Directory directory, WorkingCalendar calendar, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.directory = directory;
		this.calendar = calendar;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Recommendation issue(Issue issue, Actor actor) {
		boolean bureau = directory.isPetitionBureau(actor.unitCode());
		if (!bureau || !actor.hasAny(Role.SUPERVISOR, Role.LEADER)) {
			throw new DomainException.Forbidden("三项建议由信访部门的督办员或领导提出");
		}
		Kind kind;
		try {
			kind = Kind.valueOf(issue.kind() == null ? "" : issue.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("kind", "请选择建议类别：改进工作、完善政策或追责问责");
		}
		var unit = directory.unit(issue.unitCode()).orElseThrow(() -> new DomainException.Invalid("unitCode", "请选择单位"));
		if (issue.title() == null || issue.title().isBlank() || issue.content() == null || issue.content().strip().length() < 10) {
			throw new DomainException.Invalid("content", "请填写建议标题和内容（不少于10字）");
		}
		int days = issue.replyDays() == null ? 30 : issue.replyDays();
		if (days < 5 || days > 90) {
			throw new DomainException.Invalid("replyDays", "书面回复期限应为5至90日");
		}
		LocalDate due = calendar.addCalendarDays(LocalDate.now(clock.withZone(BEIJING)), days);
		long id = jdbc.sql("""
				INSERT INTO recommendation (kind, unit_code, title, content, reply_due, issued_at, issued_by, issued_unit)
				VALUES (?,?,?,?,?,?,?,?) RETURNING id""")
			.params(kind.name(), unit.code(), Texts.within("title", "建议标题", issue.title(), 200),
					Texts.within("content", "建议内容", issue.content(), Texts.LONG), due, OffsetDateTime.now(clock),
					actor.label(), actor.unitCode())
			.query(Long.class)
			.single();
		audit.record(actor.label(), "RECOMMENDATION_" + kind.name(), unit.code(), issue.title().strip());
		return get(id);
	}

	@Transactional
	public Recommendation reply(long id, String text, Actor actor) {
		Recommendation r = get(id);
		if (!r.unitCode().equals(actor.unitCode()) || !actor.hasAny(Role.UNIT_HEAD, Role.CASE_OFFICER)) {
			throw new DomainException.Forbidden("只有收到建议的单位可以书面回复");
		}
		if (r.reply() != null) {
			throw new DomainException.Conflict("该建议已回复");
		}
		if (text == null || text.strip().length() < 10) {
			throw new DomainException.Invalid("text", "请填写书面回复（不少于10字）");
		}
		// guarded: of two replies at once exactly one is kept, the other is told
		int changed = jdbc.sql("UPDATE recommendation SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ? AND reply IS NULL")
			.params(Texts.within("text", "书面回复", text, Texts.LONG), OffsetDateTime.now(clock), actor.label(), id)
			.update();
		if (changed == 0) {
			throw new DomainException.Conflict("该建议已回复");
		}
		return get(id);
	}

	/** Issued by the actor's bureau, or addressed to the actor's unit. */
	@Transactional(readOnly = true)
	public List<Recommendation> visibleTo(Actor actor) {
		return jdbc.sql(SELECT + " WHERE unit_code = ? OR issued_unit = ? ORDER BY issued_at DESC")
			.params(actor.unitCode(), actor.unitCode())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Per unit: recommendations received, answered by the deadline. */
	@Transactional(readOnly = true)
	public List<ReplyRate> replyRates(Actor actor) {
		FigureScope.requireStaff(actor);
		return jdbc.sql("""
				SELECT unit_code, count(*),
				       count(*) FILTER (WHERE replied_at IS NOT NULL AND (replied_at AT TIME ZONE 'Asia/Shanghai')::date <= reply_due)
				FROM recommendation GROUP BY unit_code ORDER BY unit_code""")
			.query((rs, n) -> new ReplyRate(rs.getString(1), directory.unitName(rs.getString(1)), rs.getLong(2),
					rs.getLong(3)))
			.list()
			.stream()
			.filter(r -> FigureScope.shows(actor, r.unitCode(), directory.unit(r.unitCode()).orElse(null)))
			.toList();
	}

	private static final String SELECT = "SELECT id, kind, unit_code, title, content, reply_due, issued_at, issued_by, reply, replied_at FROM recommendation";

	private Recommendation get(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> new DomainException.NotFound("建议不存在"));
	}

	private Recommendation row(ResultSet rs) throws SQLException {
		Kind kind = Kind.valueOf(rs.getString(2));
		OffsetDateTime replied = rs.getObject(10, OffsetDateTime.class);
		return new Recommendation(rs.getLong(1), kind.name(), kind.label, rs.getString(3), directory.unitName(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
				BeijingTime.of(rs.getObject(7, OffsetDateTime.class)), rs.getString(8),
				rs.getString(9), replied == null ? null : BeijingTime.of(replied));
	}

}
