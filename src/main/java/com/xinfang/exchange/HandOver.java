package com.xinfang.exchange;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Actor;
import com.xinfang.petition.Action;
import com.xinfang.petition.MatterTransfer;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.petition.Status;
import com.xinfang.petition.Upload;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.PersonalDataCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-over packages with the national 信访信息系统 (and the province): a documented, versioned
 * JSON format (src/main/resources/exchange/handover-v1.schema.json) carrying a matter with its
 * petitioners (in full: the receiving 信访部门 is entitled to them), history, handling records,
 * issued documents and attachments.
 * <p>
 * Import registers a matter transferred to the city through the petition module's registration
 * (same validation and rules), keyed by (source system, source number): the same package again
 * changes nothing; a package whose matter differs from what the city holds is not applied but
 * answered with the differing fields as conflicts, for a registrar to settle.
 * <p>
 * The source's history, handling records and documents are replayed onto the city's matter, before
 * the city's own registration in its timeline: each history step as a {@value #REPLAYED} entry that
 * names the source system, the step and who took it (so the city's own duty figures, which read its
 * own 受理/答复 steps, are not touched), each record as a record by the source, each document as a
 * staff-only document. The city's own lifecycle starts at its registration. A later package of the
 * same matter without conflicts replays what is new in it (status {@code UPDATED}) and nothing twice.
 */
@Service
public class HandOver {

	public static final String FORMAT = "xinfang-handover";

	public static final String VERSION = "1.0";

	static final int MAX_MATTERS = 200;

	/** The history action of a step replayed from the source system. */
	public static final String REPLAYED = "HANDOVER_HISTORY";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final PetitionQueries queries;

	private final PetitionRegistration registration;

	private final Partners partners;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final MatterTransfer transfer;

	HandOver(JdbcClient jdbc, PersonalDataCipher cipher, PetitionQueries queries, PetitionRegistration registration,
			Partners partners, AuditLog audit, JsonMapper json, Clock clock, MatterTransfer transfer) {
		this.transfer = transfer;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.queries = queries;
		this.registration = registration;
		this.partners = partners;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	// ---- export ---------------------------------------------------------------------------------

	@Transactional
	public Map<String, Object> exportMatter(Partner partner, String number) {
		Long id = jdbc.sql("SELECT id FROM petition_ref WHERE number = ?").param(number).query(Long.class).optional()
			.orElseThrow(() -> new DomainException.NotFound("信访事项 " + number + " 不存在"));
		var pkg = envelope(List.of(matter(partner, id)));
		audit.record(partner.auditName(), "HANDOVER_EXPORT", number, "交换包导出");
		return pkg;
	}

	@Transactional
	public Map<String, Object> exportChangedSince(Partner partner, OffsetDateTime since) {
		List<Long> ids = jdbc.sql("""
				SELECT p.id FROM petition_fact p WHERE p.registered_at >= ?
				   OR EXISTS (SELECT 1 FROM petition_step h WHERE h.petition_id = p.id AND h.at >= ?)
				ORDER BY p.id LIMIT ?""")
			.params(since, since, MAX_MATTERS + 1)
			.query(Long.class)
			.list();
		boolean more = ids.size() > MAX_MATTERS;
		List<Map<String, Object>> matters = new ArrayList<>();
		for (Long id : ids.subList(0, Math.min(ids.size(), MAX_MATTERS))) {
			matters.add(matter(partner, id));
		}
		var pkg = envelope(matters);
		pkg.put("truncated", more);
		audit.record(partner.auditName(), "HANDOVER_EXPORT", "since " + since, matters.size() + " 件");
		return pkg;
	}

	private Map<String, Object> envelope(List<Map<String, Object>> matters) {
		Map<String, Object> pkg = new LinkedHashMap<>();
		pkg.put("format", FORMAT);
		pkg.put("version", VERSION);
		pkg.put("source", Map.of("system", "changde", "name", "常德市智慧信访平台"));
		pkg.put("exportedAt", time(clock.instant()));
		pkg.put("matters", matters);
		pkg.put("truncated", false);
		return pkg;
	}

	private Map<String, Object> matter(Partner partner, long id) {
		Map<String, Object> m = transfer.entry(id, HandOver::time);
		String number = (String) m.get("number");
		Actor reader = partners.actorFor(partner);
		List<Map<String, Object>> attachments = new ArrayList<>();
		for (var ref : transfer.attachments(id)) {
			Object[] a = { ref.id(), ref.fileName(), ref.contentType(), ref.sha256() };
			var file = queries.attachment(number, (Long) a[0], reader);
			byte[] bytes;
			try {
				try (var in = queries.attachmentContent(file)) {
					bytes = in.readAllBytes();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("attachment unreadable: " + a[1], ex);
			}
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("fileName", a[1]);
			x.put("contentType", a[2]);
			x.put("sha256", a[3]);
			x.put("contentBase64", Base64.getEncoder().encodeToString(bytes));
			attachments.add(x);
		}
		m.put("attachments", attachments);
		return m;
	}

	// ---- import ---------------------------------------------------------------------------------

	public record Outcome(String sourceNumber, String status, String number, List<Conflict> conflicts) {
	}

	public record Conflict(String field, Object local, Object incoming) {
	}

	/** Imports each matter of a package; one transaction per matter, so one bad matter does not undo the rest. */
	public List<Outcome> importPackage(Partner partner, JsonNode pkg) {
		if (pkg == null || !FORMAT.equals(pkg.path("format").asString("")) || !pkg.path("version").asString("").startsWith("1.")) {
			throw new DomainException.Invalid("format", "不是 " + FORMAT + " 1.x 交换包");
		}
		String source = pkg.path("source").path("system").asString("");
		if (source.isBlank()) {
			throw new DomainException.Invalid("source.system", "缺少来源系统");
		}
		if (!pkg.path("matters").isArray()) {
			throw new DomainException.Invalid("matters", "缺少事项列表");
		}
		List<Outcome> out = new ArrayList<>();
		int i = 0;
		for (JsonNode matter : pkg.path("matters")) {
			try {
				out.add(self().importMatter(partner, source, matter));
			}
			catch (DomainException.Invalid ex) {
				int index = i;
				out.add(new Outcome(matter.path("number").asString(null), "INVALID", null, ex.problems()
					.stream()
					.map(p -> new Conflict("matters[" + index + "]." + p.field(), null, p.message()))
					.toList()));
			}
			i++;
		}
		return out;
	}

	private HandOver self;

	@Autowired
	void setSelf(@Lazy HandOver self) {
		this.self = self;
	}

	private HandOver self() {
		return self;
	}

	@Transactional
	public Outcome importMatter(Partner partner, String source, JsonNode m) {
		String sourceNumber = m.path("number").asString("");
		if (sourceNumber.isBlank() || sourceNumber.length() > 32) {
			throw new DomainException.Invalid("number", "缺少来源信访编号");
		}
		String hash = PartnerIntake.sha256(json.writeValueAsString(m));
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(source.hashCode(), sourceNumber.hashCode()).query().singleValue();
		var known = jdbc.sql("SELECT package_hash, petition_number FROM exchange_import WHERE source = ? AND source_number = ?")
			.params(source, sourceNumber)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (known.isPresent()) {
			String number = known.get()[1];
			if (known.get()[0].equals(hash)) {
				return new Outcome(sourceNumber, "UNCHANGED", number, List.of());
			}
			List<Conflict> conflicts = differences(partner, number, m);
			if (conflicts.isEmpty()) {
				jdbc.sql("UPDATE exchange_import SET package_hash = ? WHERE source = ? AND source_number = ?")
					.params(hash, source, sourceNumber).update();
				int added = replay(number, source, m);
				if (added > 0) {
					audit.record(partner.auditName(), "HANDOVER_UPDATE", number, "来源 " + source + " 新增 " + added + " 条办理记录");
				}
				return new Outcome(sourceNumber, added > 0 ? "UPDATED" : "UNCHANGED", number, List.of());
			}
			audit.record(partner.auditName(), "HANDOVER_CONFLICT", number, conflicts.size() + " 处不一致，未覆盖");
			return new Outcome(sourceNumber, "CONFLICT", number, conflicts);
		}
		List<RegisterPetition.PetitionerInput> people = new ArrayList<>();
		for (JsonNode p : m.path("petitioners")) {
			people.add(new RegisterPetition.PetitionerInput(text(p, "name"), text(p, "idNumber"), text(p, "phone"),
					text(p, "address"), p.path("representative").asBoolean(false)));
		}
		JsonNode accused = m.path("accused");
		var cmd = new RegisterPetition(text(m, "channel"), parseTime(text(m, "receivedAt")), text(m, "regionCode"),
				text(m, "title"), text(m, "content"), text(m, "categoryCode"), text(m, "kind"), text(m, "complexity"), people,
				m.path("personCount").isInt() ? m.path("personCount").asInt() : null,
				accused.isObject() ? new RegisterPetition.Accused(text(accused, "unit"), text(accused, "person")) : null,
				m.path("firstTime").isBoolean() ? m.path("firstTime").asBoolean() : null);
		List<Upload> files = new ArrayList<>();
		for (JsonNode a : m.path("attachments")) {
			byte[] bytes = Base64.getDecoder().decode(a.path("contentBase64").asString(""));
			String name = text(a, "fileName");
			files.add(new Upload() {
				@Override
				public String fileName() {
					return name;
				}

				@Override
				public long size() {
					return bytes.length;
				}

				@Override
				public InputStream open() {
					return new ByteArrayInputStream(bytes);
				}
			});
		}
		var registered = registration.registerAt(cmd, files, partners.actorFor(partner), clock.instant());
		String number = registered.petition().number();
		jdbc.sql("INSERT INTO exchange_import (source, source_number, package_hash, petition_number, imported_at) VALUES (?,?,?,?,?)")
			.params(source, sourceNumber, hash, number, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		replay(number, source, m);
		audit.record(partner.auditName(), "HANDOVER_IMPORT", number, "来源 " + source + " " + sourceNumber);
		return new Outcome(sourceNumber, "CREATED", number, List.of());
	}

	/**
	 * The source's history, records and documents onto the city's matter, each once: an entry already
	 * there (same time and same wording) is not added again. Statuses the city does not know are
	 * shown as 已登记. Returns how many entries were added.
	 */
	private int replay(String number, String source, JsonNode m) {
		long id = jdbc.sql("SELECT id FROM petition_ref WHERE number = ?").param(number).query(Long.class).single();
		int added = 0;
		for (JsonNode h : m.path("history")) {
			OffsetDateTime at = parseTime(text(h, "at"));
			if (at == null) {
				continue;
			}
			String to = knownStatus(text(h, "toStatus"));
			String note = cut(replayedNote(source, h), 4000);
			added += transfer.replayStep(id, at, cut("来源:" + source, 64), REPLAYED, knownStatusOrNull(text(h, "fromStatus")), to,
					note, cut(text(h, "milestone"), 32));
		}
		for (JsonNode r : m.path("records")) {
			OffsetDateTime at = parseTime(text(r, "at"));
			String summary = text(r, "summary");
			if (at == null || summary == null) {
				continue;
			}
			String unit = text(r, "unitCode");
			boolean knownUnit = unit != null
					&& jdbc.sql("SELECT count(*) FROM unit WHERE code = ?").param(unit).query(Long.class).single() > 0;
			String actor = cut("来源:" + source + " " + Objects.toString(text(r, "actor"), ""), 64).strip();
			added += transfer.replayRecord(id, cut(Objects.toString(text(r, "kind"), "COMMUNICATION"), 24), at, actor,
					knownUnit ? unit : null, parseTime(text(r, "occurredAt")), cut(text(r, "contact"), 200), summary,
					cut(text(r, "outcome"), 32));
		}
		for (JsonNode d : m.path("documents")) {
			OffsetDateTime at = parseTime(text(d, "issuedAt"));
			String name = text(d, "fileName");
			String content = text(d, "contentBase64");
			if (at == null || name == null || content == null) {
				continue;
			}
			byte[] pdf;
			try {
				pdf = Base64.getDecoder().decode(content);
			}
			catch (IllegalArgumentException ex) {
				throw new DomainException.Invalid("documents", "文书 " + name + " 的内容不是有效的 Base64");
			}
			// staff only: what the source issued to the petitioner, the petitioner already has from the source
			added += transfer.replayDocument(id, cut(Objects.toString(text(d, "kind"), "SOURCE_DOCUMENT"), 40), at, cut(name, 200),
					pdf);
		}
		return added;
	}

	/** "来源系统 changde：受理（李登记）：note" — the source's step in words the city's staff read. */
	private static String replayedNote(String source, JsonNode h) {
		String action = text(h, "action");
		String label = action;
		if (REPLAYED.equals(action)) {
			label = null; // a step the source itself had replayed: its note already names where it came from
		}
		else if ("REGISTER".equals(action)) {
			label = "登记";
		}
		else if (action != null) {
			try {
				label = Action.valueOf(action).label();
			}
			catch (IllegalArgumentException ex) {
				label = action;
			}
		}
		String actor = text(h, "actor");
		String note = text(h, "note");
		StringBuilder s = new StringBuilder("来源系统 ").append(source).append("：");
		if (label != null) {
			s.append(label);
			if (actor != null) {
				s.append("（").append(actor).append("）");
			}
		}
		if (note != null) {
			s.append(label == null ? "" : "：").append(note);
		}
		return s.toString();
	}

	private static String knownStatus(String status) {
		String s = knownStatusOrNull(status);
		return s == null ? Status.REGISTERED.name() : s;
	}

	private static String knownStatusOrNull(String status) {
		if (status == null) {
			return null;
		}
		try {
			return Status.valueOf(status).name();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/** The fields that identify the matter; the city's own lifecycle fields are its own. */
	static final List<String> COMPARED = List.of("channel", "receivedAt", "regionCode", "categoryCode", "kind", "title",
			"content", "personCount");

	private List<Conflict> differences(Partner partner, String number, JsonNode incoming) {
		Long id = jdbc.sql("SELECT id FROM petition_ref WHERE number = ?").param(number).query(Long.class).single();
		Map<String, Object> local = matter(partner, id);
		List<Conflict> out = new ArrayList<>();
		for (String f : COMPARED) {
			Object mine = local.get(f);
			JsonNode theirs = incoming.path(f);
			Object value = theirs.isMissingNode() || theirs.isNull() ? null : theirs.isNumber() ? theirs.asInt() : theirs.asString();
			if ("receivedAt".equals(f) && value != null) {
				value = time(OffsetDateTime.parse((String) value).toInstant());
			}
			if (!Objects.equals(mine, value)) {
				out.add(new Conflict(f, mine, value));
			}
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> mine = (List<Map<String, Object>>) local.get("petitioners");
		List<String> myIds = mine.stream().map(p -> (String) p.get("idNumber")).toList();
		List<String> theirIds = new ArrayList<>();
		incoming.path("petitioners").forEach(p -> theirIds.add(text(p, "idNumber")));
		if (!myIds.equals(theirIds)) {
			out.add(new Conflict("petitioners", mine.stream().map(p -> p.get("name")).toList(), theirIds.size() + " 人，身份证号不一致"));
		}
		return out;
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
	}

	private static OffsetDateTime parseTime(String s) {
		if (s == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s);
		}
		catch (DateTimeParseException ex) {
			throw new DomainException.Invalid("receivedAt", "收到时间须为带时区的 ISO 8601 时间");
		}
	}

	private static String time(Instant t) {
		return Open311.W3C.format(t.atZone(BeijingTime.ZONE));
	}

	private static String date(LocalDate d) {
		return d == null ? null : d.toString();
	}

}
