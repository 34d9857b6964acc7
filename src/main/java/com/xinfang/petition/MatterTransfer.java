package com.xinfang.petition;

import com.xinfang.platform.Rows;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A matter as a hand-over package carries it, in full (personal data decrypted: the package goes to
 * a partner allowed to receive it), and the source system's steps, records and documents written
 * back onto a matter imported from it, each once. The petition module's tables are read and written
 * here, not in {@code exchange.HandOver} (issue 12 item 4), which keeps the package format, the
 * partner rules and the audit.
 */
@Service
public class MatterTransfer {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	MatterTransfer(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** An attachment of the matter, to be read through {@link PetitionQueries#attachment}. */
	public record AttachmentRef(long id, String fileName, String contentType, String sha256) {
	}

	/**
	 * The matter's fields, petitioners, history, records and documents as the package's entry
	 * (its attachments are the caller's: {@link #attachments}); {@code time} writes an instant as
	 * the package does.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> entry(long id, Function<Instant, String> time) {
		Map<String, Object> m = jdbc.sql("""
				SELECT number, status, channel, received_at, registered_at, region_code, category_code, kind, complexity,
				  legal_channel, title, content, person_count, group_visit, first_time, accused_unit, accused_person,
				  responsible_unit_code, duplicate_of, accept_target, accept_statutory, handle_target, handle_statutory,
				  result, opinion, satisfaction
				FROM petition WHERE id = ?""").param(id).query((rs, n) -> {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("number", rs.getString("number"));
			x.put("status", rs.getString("status"));
			x.put("channel", rs.getString("channel"));
			x.put("receivedAt", time.apply(rs.getObject("received_at", OffsetDateTime.class).toInstant()));
			x.put("registeredAt", time.apply(rs.getObject("registered_at", OffsetDateTime.class).toInstant()));
			x.put("regionCode", rs.getString("region_code"));
			x.put("categoryCode", rs.getString("category_code"));
			x.put("kind", rs.getString("kind"));
			x.put("complexity", rs.getString("complexity"));
			x.put("legalChannel", rs.getString("legal_channel"));
			x.put("title", rs.getString("title"));
			x.put("content", rs.getString("content"));
			x.put("personCount", rs.getInt("person_count"));
			x.put("groupVisit", rs.getBoolean("group_visit"));
			x.put("firstTime", rs.getBoolean("first_time"));
			String unit = rs.getString("accused_unit");
			String person = rs.getString("accused_person");
			Map<String, Object> accused = new LinkedHashMap<>();
			accused.put("unit", unit);
			accused.put("person", person);
			x.put("accused", unit == null && person == null ? null : accused);
			x.put("responsibleUnitCode", rs.getString("responsible_unit_code"));
			x.put("duplicateOf", rs.getString("duplicate_of"));
			Map<String, Object> deadlines = new LinkedHashMap<>();
			deadlines.put("acceptTarget", date(rs.getObject("accept_target", LocalDate.class)));
			deadlines.put("acceptStatutory", date(rs.getObject("accept_statutory", LocalDate.class)));
			deadlines.put("handleTarget", date(rs.getObject("handle_target", LocalDate.class)));
			deadlines.put("handleStatutory", date(rs.getObject("handle_statutory", LocalDate.class)));
			x.put("deadlines", deadlines);
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("result", rs.getString("result"));
			outcome.put("opinion", rs.getString("opinion"));
			outcome.put("satisfaction", rs.getString("satisfaction"));
			x.put("outcome", outcome);
			return x;
		}).single();
		m.put("petitioners", jdbc.sql("""
				SELECT name, id_number_enc, phone_enc, address_enc, representative FROM petitioner WHERE petition_id = ? ORDER BY seq""")
			.param(id)
			.query((rs, n) -> {
				Map<String, Object> p = new LinkedHashMap<>();
				p.put("name", rs.getString(1));
				p.put("idNumber", cipher.decrypt(rs.getBytes(2)));
				p.put("phone", cipher.decrypt(rs.getBytes(3)));
				p.put("address", cipher.decrypt(rs.getBytes(4)));
				p.put("representative", rs.getBoolean(5));
				return p;
			})
			.list());
		m.put("history", jdbc.sql("""
				SELECT h.at, coalesce(u.display_name, h.actor), h.action, h.from_status, h.to_status, h.note, h.public_milestone
				FROM petition_history h LEFT JOIN app_user u ON u.username = h.actor
				WHERE h.petition_id = ? ORDER BY h.at, h.id""").param(id).query((rs, n) -> {
			Map<String, Object> h = new LinkedHashMap<>();
			h.put("at", time.apply(rs.getObject(1, OffsetDateTime.class).toInstant()));
			h.put("actor", rs.getString(2));
			h.put("action", rs.getString(3));
			h.put("fromStatus", rs.getString(4));
			h.put("toStatus", rs.getString(5));
			h.put("note", rs.getString(6));
			h.put("milestone", rs.getString(7));
			return h;
		}).list());
		m.put("records", jdbc.sql("""
				SELECT kind, at, actor, unit_code, occurred_at, contact, summary, outcome FROM petition_record
				WHERE petition_id = ? ORDER BY at, id""").param(id).query((rs, n) -> {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("kind", rs.getString(1));
			r.put("at", time.apply(rs.getObject(2, OffsetDateTime.class).toInstant()));
			r.put("actor", rs.getString(3));
			r.put("unitCode", rs.getString(4));
			OffsetDateTime occurred = rs.getObject(5, OffsetDateTime.class);
			r.put("occurredAt", occurred == null ? null : time.apply(occurred.toInstant()));
			r.put("contact", rs.getString(6));
			r.put("summary", rs.getString(7));
			r.put("outcome", rs.getString(8));
			return r;
		}).list());
		m.put("documents", jdbc.sql("SELECT kind, issued_at, file_name, pdf FROM petition_document WHERE petition_id = ? ORDER BY issued_at, id")
			.param(id)
			.query((rs, n) -> {
				Map<String, Object> d = new LinkedHashMap<>();
				d.put("kind", rs.getString(1));
				d.put("issuedAt", time.apply(rs.getObject(2, OffsetDateTime.class).toInstant()));
				d.put("fileName", rs.getString(3));
				d.put("contentType", "application/pdf");
				d.put("contentBase64", Base64.getEncoder().encodeToString(rs.getBytes(4)));
				return d;
			})
			.list());
		return m;
	}

	@Transactional(readOnly = true)
	public List<AttachmentRef> attachments(long id) {
		return jdbc.sql("SELECT id, file_name, content_type, sha256 FROM attachment WHERE petition_id = ? ORDER BY seq")
			.param(id)
			.query(Rows.of(AttachmentRef.class))
			.list();
	}

	/** A step of the source's history, unless one with the same time, act and note is there: 1 if added. */
	@Transactional
	public int replayStep(long id, OffsetDateTime at, String actor, String action, String fromStatus, String toStatus,
			String note, String milestone) {
		return jdbc.sql("""
				INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status, note, public_milestone)
				SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM petition_history
				  WHERE petition_id = ? AND at = ? AND action = ? AND note = ?)""")
			.params(id, at, actor, action, fromStatus, toStatus, note, milestone, id, at, action, note)
			.update();
	}

	/** A handling record of the source, unless one with the same time, kind and summary is there: 1 if added. */
	@Transactional
	public int replayRecord(long id, String kind, OffsetDateTime at, String actor, String unitCode, OffsetDateTime occurredAt,
			String contact, String summary, String outcome) {
		return jdbc.sql("""
				INSERT INTO petition_record (petition_id, kind, at, actor, unit_code, occurred_at, contact, summary, outcome)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM petition_record
				  WHERE petition_id = ? AND at = ? AND kind = ? AND summary = ?)""")
			.params(id, kind, at, actor, unitCode, occurredAt, contact, summary, outcome, id, at, kind, summary)
			.update();
	}

	/** A document the source issued, staff only, unless one with the same time and file name is there: 1 if added. */
	@Transactional
	public int replayDocument(long id, String kind, OffsetDateTime at, String fileName, byte[] pdf) {
		return jdbc.sql("""
				INSERT INTO petition_document (petition_id, kind, issued_at, file_name, pdf, public)
				SELECT ?, ?, ?, ?, ?, false WHERE NOT EXISTS (SELECT 1 FROM petition_document
				  WHERE petition_id = ? AND issued_at = ? AND file_name = ?)""")
			.params(id, kind, at, fileName, pdf, id, at, fileName)
			.update();
	}

	private static String date(LocalDate d) {
		return d == null ? null : d.toString();
	}

}
