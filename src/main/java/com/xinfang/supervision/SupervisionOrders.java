package com.xinfang.supervision;

import com.xinfang.accountability.FigureScope;
import com.xinfang.accountability.ReplyRate;
import com.xinfang.notification.StaffNotices;

import com.xinfang.audit.AuditLog;
import com.xinfang.calendar.WorkingCalendar;
import com.xinfang.documents.DocumentFields;
import com.xinfang.documents.DocumentKind;
import com.xinfang.documents.DocumentNumbers;
import com.xinfang.documents.DocumentRenderer;
import com.xinfang.documents.OfficialDocument;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.VisibleMatter;
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
 * The supervisor's acts on another unit's handling (《信访工作条例》 Art 40 督办; Art 39 the joint meeting's 挂牌督办): 催办, 督办 and 挂牌督办
 * each send a 督办单 and require a written reply by a deadline; 约谈 and 通报 are recorded.
 */
@Service
public class SupervisionOrders {

	private static final ZoneId BEIJING = BeijingTime.ZONE;

	public enum Kind {

		URGE("催办", true), SUPERVISE("督办", true), LISTED("挂牌督办", true), INTERVIEW("约谈", false), CIRCULAR("通报", false);

		private final String label;

		private final boolean needsReply;

		Kind(String label, boolean needsReply) {
			this.label = label;
			this.needsReply = needsReply;
		}

		public String label() {
			return label;
		}

	}

	/** {@code documentNumber}: the 督办单's own 发文字号 (常信访〔2026〕7号); null for 约谈 and 通报, which issue none. */
	public record Order(long id, String kind, String kindLabel, String unitCode, String unitName, String reason,
			LocalDate replyDue, OffsetDateTime issuedAt, String issuedBy, boolean hasPdf, String reply,
			OffsetDateTime repliedAt, String repliedBy, String documentNumber) {
	}

	private final PetitionQueries petitions;

	private final DocumentRenderer renderer;

	private final WorkingCalendar calendar;

	private final Directory directory;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final StaffNotices notices;

	private final DocumentNumbers numbers;

	SupervisionOrders(PetitionQueries petitions, DocumentRenderer renderer, WorkingCalendar calendar, Directory directory,
			AuditLog audit, StaffNotices notices, DocumentNumbers numbers, JdbcClient jdbc, Clock clock) {
		this.numbers = numbers;
		this.notices = notices;
		this.petitions = petitions;
		this.renderer = renderer;
		this.calendar = calendar;
		this.directory = directory;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the actor may issue an order (the rule {@link #issue} enforces: a bureau's supervisor). */
	public boolean mayIssue(Actor actor) {
		return actor.has(Role.SUPERVISOR) && directory.isPetitionBureau(actor.unitCode());
	}

	@Transactional
	public Order issue(String number, String kindName, String reason, Integer replyDays, Actor actor) {
		boolean bureau = directory.isPetitionBureau(actor.unitCode());
		if (!actor.has(Role.SUPERVISOR) || !bureau) {
			throw new DomainException.Forbidden("只有信访部门的督办员可以督办");
		}
		var p = petitions.find(number, actor);
		Kind kind = parse(kindName);
		if (reason == null || reason.strip().length() < 4) {
			throw new DomainException.Invalid("reason", "请填写督办事由（至少4个字）");
		}
		reason = Texts.within("reason", "督办事由", reason, Texts.LONG);
		if (p.responsibleUnitCode() == null || p.responsibleUnitCode().equals(actor.unitCode())) {
			throw new DomainException.Conflict("该事项尚未转送、交办给其他责任单位，无需督办");
		}
		if (!p.status().isOpen()) {
			throw new DomainException.Conflict("该事项已办结或终结，不能督办");
		}
		int days = replyDays == null ? 5 : replyDays;
		if (kind.needsReply && (days < 1 || days > 30)) {
			throw new DomainException.Invalid("replyDays", "回复期限应为1至30日");
		}
		LocalDate today = LocalDate.now(clock.withZone(BEIJING));
		LocalDate due = kind.needsReply ? calendar.addCalendarDays(today, days) : null;
		byte[] pdf = null;
		String fileName = null;
		String documentNumber = null;
		if (kind.needsReply) {
			// issued under both bodies' full names, with the bureau's own 发文字号 (taken last: its row stays locked until commit)
			var issuer = directory.unit(actor.unitCode()).orElseThrow(() -> new DomainException.Forbidden("只有信访部门的督办员可以督办"));
			var doc = OfficialDocument.of(DocumentKind.SUPERVISION_ORDER, p.number(), issuer.officialName(), today,
					directory.officialName(p.responsibleUnitCode()), p.title(), p.receivedAt().atZoneSameInstant(BEIJING).toLocalDate())
				.with(DocumentFields.REASON, reason.strip())
				.with(DocumentFields.DEADLINE, due.toString())
				.with(DocumentFields.INSTRUCTIONS, "本事项列为" + kind.label + "。请高度重视，认真核查办理，依法解决群众合理诉求。");
			doc = doc.numbered(numbers.next(issuer, today.getYear()));
			documentNumber = doc.documentNumber().toString();
			pdf = renderer.render(doc);
			fileName = renderer.fileName(doc);
		}
		long id = jdbc.sql("""
				INSERT INTO supervision_order (petition_id, kind, unit_code, reason, reply_due, issued_at, issued_by, pdf, file_name,
				                               document_number)
				SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM petition_ref WHERE number = ? RETURNING id""")
			.params(kind.name(), p.responsibleUnitCode(), reason.strip(), due, OffsetDateTime.now(clock), actor.label(), pdf, fileName,
					documentNumber, p.number())
			.query(Long.class)
			.single();
		notices.send(p.responsibleUnitCode(), List.of(Role.UNIT_HEAD, Role.CASE_OFFICER),
				jdbc.sql("SELECT petition_id FROM supervision_order WHERE id = ?").param(id).query(Long.class).single(),
				p.number() + "「" + p.title() + "」被" + kind.label + (due == null ? "" : "，请于" + due + "前书面回复"));
		audit.record(actor.label(), "SUPERVISION_" + kind.name(), p.number(), reason.strip());
		return get(id);
	}

	/** The unit's written reply (Art 40: 督办 with a written report back): once, by the unit the order went to. */
	@Transactional
	public Order reply(long orderId, String text, Actor actor) {
		Order order = get(orderId);
		petitions.requireVisible(numberOf(orderId), actor); // 404 outside the actor's scope
		if (!order.unitCode().equals(actor.unitCode()) || !actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD)) {
			throw new DomainException.Forbidden("只有被督办单位的承办人或负责人可以回复");
		}
		if (order.replyDue() == null) {
			throw new DomainException.Conflict(order.kindLabel() + "无需书面回复");
		}
		if (order.reply() != null) {
			throw new DomainException.Conflict("该督办已回复");
		}
		if (text == null || text.strip().length() < 10) {
			throw new DomainException.Invalid("text", "请填写办理情况（不少于10字）");
		}
		// guarded: of two replies at once exactly one is kept, the other is told
		int changed = jdbc.sql("UPDATE supervision_order SET reply = ?, replied_at = ?, replied_by = ? WHERE id = ? AND reply IS NULL")
			.params(Texts.within("text", "办理情况", text, Texts.LONG), OffsetDateTime.now(clock), actor.label(), orderId)
			.update();
		if (changed == 0) {
			throw new DomainException.Conflict("该督办已回复");
		}
		return get(orderId);
	}

	@Transactional(readOnly = true)
	public List<Order> forMatter(String number, Actor actor) {
		return forMatter(petitions.visible(number, actor));
	}

	/** The orders of a matter already found in the actor's scope (the case page). */
	@Transactional(readOnly = true)
	public List<Order> forMatter(VisibleMatter matter) {
		String number = matter.number();
		return jdbc.sql(SELECT + " WHERE p.number = ? ORDER BY o.issued_at").param(number).query((rs, n) -> row(rs)).list();
	}

	/** The order's PDF, for whoever may see the matter. */
	@Transactional(readOnly = true)
	public byte[] pdf(long orderId, Actor actor) {
		petitions.requireVisible(numberOf(orderId), actor);
		return jdbc.sql("SELECT pdf FROM supervision_order WHERE id = ?").param(orderId).query(byte[].class).optional()
			.orElseThrow(() -> new DomainException.NotFound("督办单不存在"));
	}

	/** Share of orders answered by their deadline, per unit, over all orders that needed a reply. */
	@Transactional(readOnly = true)
	public List<ReplyRate> replyRates(Actor actor) {
		FigureScope.requireStaff(actor);
		return jdbc.sql("""
				SELECT unit_code, count(*) AS orders,
				       count(*) FILTER (WHERE replied_at IS NOT NULL AND (replied_at AT TIME ZONE 'Asia/Shanghai')::date <= reply_due) AS on_time
				FROM supervision_order WHERE reply_due IS NOT NULL GROUP BY unit_code ORDER BY unit_code""")
			.query((rs, n) -> new ReplyRate(rs.getString(1), directory.unitName(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
			.list()
			.stream()
			.filter(r -> FigureScope.shows(actor, r.unitCode(), directory.unit(r.unitCode()).orElse(null)))
			.toList();
	}



	/** Orders addressed to the actor's unit that still wait for its written reply, oldest deadline first. */
	@Transactional(readOnly = true)
	public List<AwaitingReply> awaitingReply(Actor actor) {
		if (actor.unitCode() == null) {
			return List.of();
		}
		return jdbc.sql(SELECT.replace("SELECT o.id", "SELECT p.number, p.title, o.id")
				+ " WHERE o.unit_code = ? AND o.reply IS NULL AND o.reply_due IS NOT NULL ORDER BY o.reply_due")
			.param(actor.unitCode())
			.query((rs, n) -> new AwaitingReply(rs.getString(1), rs.getString(2), row(rs, 2)))
			.list();
	}

	public record AwaitingReply(String number, String title, Order order) {
	}

	private static final String SELECT = """
			SELECT o.id, o.kind, o.unit_code, o.reason, o.reply_due, o.issued_at, o.issued_by, o.pdf IS NOT NULL AS has_pdf,
			       o.reply, o.replied_at, o.replied_by, o.document_number
			FROM supervision_order o JOIN petition_ref p ON p.id = o.petition_id""";

	private Order get(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query((rs, n) -> row(rs)).optional()
			.orElseThrow(() -> new DomainException.NotFound("督办不存在"));
	}

	private String numberOf(long orderId) {
		return jdbc.sql("SELECT p.number FROM supervision_order o JOIN petition_ref p ON p.id = o.petition_id WHERE o.id = ?")
			.param(orderId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("督办不存在"));
	}

	private Order row(ResultSet rs) throws SQLException {
		return row(rs, 0);
	}

	/** The order's columns, starting after {@code skip} leading columns. */
	private Order row(ResultSet rs, int skip) throws SQLException {
		Kind kind = Kind.valueOf(rs.getString(skip + 2));
		OffsetDateTime issued = rs.getObject(skip + 6, OffsetDateTime.class);
		OffsetDateTime replied = rs.getObject(skip + 10, OffsetDateTime.class);
		return new Order(rs.getLong(skip + 1), kind.name(), kind.label, rs.getString(skip + 3),
				directory.unitName(rs.getString(skip + 3)), rs.getString(skip + 4), rs.getObject(skip + 5, LocalDate.class),
				BeijingTime.of(issued), rs.getString(skip + 7), rs.getBoolean(skip + 8),
				rs.getString(skip + 9), BeijingTime.of(replied), rs.getString(skip + 11),
				rs.getString(skip + 12));
	}

	private static Kind parse(String value) {
		try {
			return Kind.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("kind", "请选择督办方式：催办、督办、挂牌督办、约谈或通报");
		}
	}

}
