package com.xinfang.petition;

import com.xinfang.calendar.DeadlineClock;
import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the petition module. Every query is filtered by the caller's {@link DataScope}; a
 * matter outside it is "not found", never "forbidden", so its existence does not leak.
 */
@Service
@Transactional(readOnly = true)
public class PetitionQueries {

	private static final ZoneId BEIJING = BeijingTime.ZONE;

	public static final int MAX_PAGE_SIZE = 200;

	private final Petitions petitions;

	private final History history;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AttachmentStore attachmentStore;

	private final Directory directory;

	private final HandlingRecords records;

	private final IssuedDocuments issued;

	private final ActionPermissions permissions;

	PetitionQueries(Petitions petitions, History history, JdbcClient jdbc, Clock clock, AttachmentStore attachmentStore,
			Directory directory, HandlingRecords records, IssuedDocuments issued,
			ActionPermissions permissions) {
		this.permissions = permissions;
		this.issued = issued;
		this.directory = directory;
		this.records = records;
		this.attachmentStore = attachmentStore;
		this.petitions = petitions;
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public PetitionViews.PetitionView find(String number, Actor actor) {
		return view(load(number, actor), actor);
	}

	/**
	 * Refuses (not found) a matter outside the actor's scope, without building its view: for modules
	 * that only need to know the actor may see the matter before showing their own records of it.
	 */
	public void requireVisible(String number, Actor actor) {
		load(number, actor);
	}

	/** The matter, scope-checked once, for modules adding their panels to a page about it. */
	public VisibleMatter visible(String number, Actor actor) {
		return new VisibleMatter(load(number, actor));
	}

	/**
	 * Everything the petition module shows on the case page, from one load and one scope check of
	 * the matter (issue 12 item 6), with the decisions that belong to this module taken here: which
	 * acts the actor may take, whether they may ask to see a petitioner in full (the rule
	 * {@link Unmasking} enforces), the reason of a draft sent back.
	 */
	public PetitionViews.CaseFile caseFile(String number, Actor actor, String documentUrlPrefix) {
		Petition p = load(number, actor);
		var entries = history.of(p.id());
		String stored = jdbc.sql("SELECT flags FROM petition WHERE id = ?").param(p.id()).query(String.class).single();
		return new PetitionViews.CaseFile(new VisibleMatter(p), view(p, actor), entries, records.of(p.id()),
				identifies(p, actor) ? sameIdentity(p, actor) : List.of(), documents(p, actor, documentUrlPrefix),
				permissions.allowed(actor, p), PetitionFlags.parse(stored),
				Unmasking.mayAsk(actor, p.responsibleUnitCode()) && identifies(p, actor),
				p.status() == Status.ACCEPTED ? returnedNote(entries) : null);
	}

	/** The reason of the latest 退回修改, when no new draft has been made since: the redraft starts from it. */
	static String returnedNote(List<PetitionViews.HistoryEntry> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			var h = history.get(i);
			if ("REPLY".equals(h.action())) {
				return null;
			}
			if ("RETURN".equals(h.action()) && h.toStatus() == Status.ACCEPTED) {
				String note = h.note() == null ? "" : h.note();
				return note.startsWith("退回修改：") ? note.substring("退回修改：".length()) : note;
			}
		}
		return null;
	}

	public List<PetitionViews.HistoryEntry> history(String number, Actor actor) {
		return history.of(load(number, actor).id());
	}

	/** The public milestones; a merged repeat also shows its original's, which now carry its matter. */
	public List<PetitionViews.Milestone> milestones(String number, Actor actor) {
		Petition p = load(number, actor);
		List<PetitionViews.Milestone> out = new ArrayList<>(history.milestones(p.id()));
		if (p.status() == Status.MERGED && p.duplicateOf() != null) {
			petitions.findByNumber(p.duplicateOf()).ifPresent(o -> {
				history.milestones(o.id()).forEach(m -> out.add(new PetitionViews.Milestone(m.at(), "原事项" + m.name())));
				out.sort(Comparator.comparing(PetitionViews.Milestone::at));
			});
		}
		return out;
	}

	Petition load(String number, Actor actor) {
		Petition p = petitions.findByNumber(number).orElseThrow(() -> notFound(number));
		boolean visible = actor.scope().permits(p.regionCode(), p.responsibleUnitCode(), p.citizenUserId())
				|| actor.scope().type() == DataScope.Type.UNIT
						&& actor.scope().permits(p.regionCode(), p.responsibleUnitCode(), jointUnits(p.id()), p.citizenUserId());
		if (!visible) {
			throw notFound(number);
		}
		return p;
	}

	/** Units called in to handle the matter jointly (信访吹哨、部门报到): they see it too. */
	List<String> jointUnits(long petitionId) {
		return jdbc.sql("SELECT unnest(joint_units) FROM petition WHERE id = ?").param(petitionId).query(String.class).list();
	}

	static DomainException.NotFound notFound(String number) {
		return new DomainException.NotFound("信访事项 " + number + " 不存在或不在您的查看范围内");
	}

	public PetitionViews.Page list(PetitionViews.Filter filter, Actor actor, int page, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		// long: a page number near Integer.MAX_VALUE must not wrap into a negative OFFSET
		long offset = (long) Math.max(0, page) * limit;
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE ").append(PetitionScope.onTable(actor.scope(), "p"));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		if (notBlank(filter.status())) {
			List<String> statuses = Arrays.stream(filter.status().split(",")).map(String::strip)
				.filter(x -> !x.isEmpty()).toList();
			where.append(" AND p.status IN (").append(placeholders(statuses.size())).append(")");
			params.addAll(statuses);
			if (statuses.contains(Status.REGISTERED.name()) && actor.has(Role.REGISTRAR)
					&& actor.unitCode() != null) {
				// the registration queue is one desk's: another bureau's online matters are seen, not queued
				// here (the same rule as the queue's count in countsByStatus and as ActionPermissions)
				where.append(ONLINE_ELSEWHERE);
				params.add(actor.unitCode());
			}
		}
		if (notBlank(filter.regionCode())) {
			where.append(" AND p.region_code LIKE ?");
			params.add(Region.subtreePrefix(filter.regionCode()) + "%");
		}
		if (notBlank(filter.categoryCode())) {
			where.append(" AND p.category_code = ?");
			params.add(filter.categoryCode());
		}
		if (notBlank(filter.unitCode())) {
			where.append(" AND p.responsible_unit_code = ?");
			params.add(filter.unitCode());
		}
		if (notBlank(filter.channel())) {
			where.append(" AND p.channel = ?");
			params.add(filter.channel());
		}
		if ("target".equals(filter.overdue()) || "statutory".equals(filter.overdue())) {
			String column = "target".equals(filter.overdue()) ? "coalesce(p.handle_target, p.accept_target)"
					: "coalesce(p.handle_statutory, p.accept_statutory)";
			where.append(" AND ").append(Status.sqlOpen("p")).append(" AND ")
				.append(column)
				.append(" < ?");
			params.add(LocalDate.now(clock));
		}
		if (notBlank(filter.q())) {
			where.append(" AND (p.title LIKE ? OR p.content LIKE ? OR p.number = ?)");
			String like = "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
			params.add(filter.q().strip());
		}
		long total = jdbc.sql("SELECT count(*) FROM petition p" + where).params(params).query(Long.class).single();
		var actorUnit = directory.unit(actor.unitCode()).orElse(null);
		LocalDate today = LocalDate.now(clock);
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(limit);
		pageParams.add(offset);
		List<PetitionViews.PetitionSummary> items = jdbc.sql("""
				SELECT p.number, p.status, p.channel, p.received_at, p.region_code, p.category_code, p.kind, p.title,
				       (SELECT name FROM petitioner x WHERE x.petition_id = p.id ORDER BY seq LIMIT 1) AS first_petitioner,
				       p.person_count, p.responsible_unit_code, p.citizen_user_id,
				       coalesce(p.handle_target, p.accept_target), coalesce(p.handle_statutory, p.accept_statutory)
				FROM petition p""" + where + " ORDER BY " + order(filter) + " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, n) -> {
				Kind kind = rs.getString(7) == null ? null : Kind.valueOf(rs.getString(7));
				long owner = rs.getLong(12);
				boolean identify = ConfidentialityRule.mayIdentifyPetitioners(kind, actor, actorUnit,
						rs.wasNull() ? null : owner);
				Status status = Status.valueOf(rs.getString(2));
				LocalDate target = rs.getObject(13, LocalDate.class);
				LocalDate statutory = rs.getObject(14, LocalDate.class);
				boolean open = isOpen(status);
				return new PetitionViews.PetitionSummary(rs.getString(1), status, Channel.valueOf(rs.getString(3)),
						BeijingTime.of(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
						rs.getString(6), kind, rs.getString(8), identify ? rs.getString(9) : ConfidentialityRule.HIDDEN,
						rs.getInt(10), rs.getString(11), open ? target : null, open ? statutory : null,
						open ? tone(target, today) : null, open ? tone(statutory, today) : null);
			})
			.list();
		return new PetitionViews.Page(items, total);
	}

	/** Deadline order for work queues, newest first otherwise. */
	private static String order(PetitionViews.Filter filter) {
		if ("deadline".equals(filter.sort())) {
			return "coalesce(p.handle_statutory, p.accept_statutory) NULLS LAST, p.id";
		}
		return "p.received_at DESC, p.id DESC";
	}

	/** Leaves out the online matters registered to another bureau while they await its 分类 (one desk each). */
	private static final String ONLINE_ELSEWHERE = " AND NOT (p.status = 'REGISTERED' AND p.citizen_user_id IS NOT NULL"
			+ " AND p.registering_unit_code IS NOT NULL AND p.registering_unit_code <> ?)";

	/** Counts per status within the caller's scope, for the console's queues. */
	public Map<String, Long> countsByStatus(Actor actor) {
		var params = new ArrayList<>();
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		var counts = new LinkedHashMap<String, Long>();
		// a registrar's desk counts the online matters filed to their own bureau only (ActionPermissions: one owner)
		String desk = "";
		if (actor.has(Role.REGISTRAR) && actor.unitCode() != null) {
			desk = ONLINE_ELSEWHERE;
			params.add(actor.unitCode());
		}
		jdbc.sql("SELECT status, count(*) FROM petition p WHERE " + PetitionScope.onTable(actor.scope(), "p") + desk + " GROUP BY status")
			.params(params)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Earlier matters of the same person (ID number or phone), within the caller's scope. */
	List<PetitionViews.DuplicateSuggestion> sameIdentity(Petition petition, Actor actor) {
		List<String> ids = petition.petitioners().stream().map(Petitioner::idNumberIndex).filter(Objects::nonNull).toList();
		List<String> phones = petition.petitioners().stream().map(Petitioner::phoneIndex).filter(Objects::nonNull).toList();
		if (ids.isEmpty() && phones.isEmpty() || actor.isCitizen()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(petition.id());
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		var actorUnit = directory.unit(actor.unitCode()).orElse(null);
		if (!ConfidentialityRule.mayIdentifyPetitioners(petition.kind(), actor, actorUnit, petition.citizenUserId())) {
			return List.of();
		}
		// Art 30: an accusation is linked to its accuser's other matters only for those who may know the accuser
		String accusations = ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, actor, actorUnit, null) ? ""
				: " AND p.kind IS DISTINCT FROM 'ACCUSATION'";
		String idIn = ids.isEmpty() ? "FALSE" : "x.id_number_index IN (" + placeholders(ids.size()) + ")";
		String phoneIn = phones.isEmpty() ? "FALSE" : "x.phone_index IN (" + placeholders(phones.size()) + ")";
		params.addAll(ids);
		params.addAll(phones);
		return jdbc.sql("SELECT DISTINCT p.number, p.received_at FROM petition p JOIN petitioner x ON x.petition_id = p.id "
				+ "WHERE p.id <> ? AND " + PetitionScope.onTable(actor.scope(), "p") + accusations + " AND (" + idIn + " OR " + phoneIn
				+ ") ORDER BY p.received_at DESC LIMIT 10")
			.params(params)
			.query((rs, n) -> new PetitionViews.DuplicateSuggestion(rs.getString(1), 1.0, true))
			.list();
	}

	/** Other matters of the same person (ID number or phone), for the case page; none for protected accusers. */
	public List<PetitionViews.DuplicateSuggestion> related(String number, Actor actor) {
		Petition p = load(number, actor);
		if (!identifies(p, actor)) {
			return List.of();
		}
		return sameIdentity(p, actor);
	}

	/** A citizen's own matters, newest first. */
	public List<PetitionViews.PetitionSummary> mine(Actor actor) {
		if (!actor.isCitizen()) {
			return List.of();
		}
		return list(PetitionViews.Filter.none(), actor, 0, MAX_PAGE_SIZE).items();
	}

	PetitionViews.PetitionView view(Petition p, Actor actor) {
		return view(p, actor, true);
	}

	/**
	 * As above; {@code mayHaveAttachments} false for a matter known to have none (registered a moment
	 * ago without files), whose attachments are then not looked up.
	 */
	PetitionViews.PetitionView view(Petition p, Actor actor, boolean mayHaveAttachments) {
		boolean identify = identifies(p, actor);
		var people = identify ? p.petitioners()
			.stream()
			.map(x -> new PetitionViews.PetitionerView(x.name(), x.idNumberMask(), x.phoneMask(), x.representative()))
			.toList() : List.of(new PetitionViews.PetitionerView(ConfidentialityRule.HIDDEN, null, null, false));
		// Art 30 also protects the accuser's material: an accusation's attachments go with the accuser's name
		var attachments = !identify || !mayHaveAttachments ? List.<PetitionViews.AttachmentView>of()
				: jdbc.sql("SELECT id, file_name, content_type, size_bytes AS size FROM attachment WHERE petition_id = ? ORDER BY seq")
					.param(p.id())
					.query(Rows.of(PetitionViews.AttachmentView.class))
					.list();
		LocalDate today = LocalDate.now(clock);
		boolean open = isOpen(p.status());
		LocalDate target = p.handleTarget() != null ? p.handleTarget() : p.acceptTarget();
		LocalDate statutory = p.handleStatutory() != null ? p.handleStatutory() : p.acceptStatutory();
		var overdue = new PetitionViews.Overdue(open && target != null && target.isBefore(today),
				open && statutory != null && statutory.isBefore(today));
		var accused = p.accusedUnit() == null && p.accusedPerson() == null ? null
				: new PetitionViews.Accused(p.accusedUnit(), p.accusedPerson(), p.accusedUnitCode());
		var handling = new PetitionViews.Handling(p.result(), p.opinion(),
				p.deliveredAt() == null ? null : p.deliveredAt().atZone(BEIJING).toOffsetDateTime(), p.satisfaction(),
				p.extendedDays(), p.recheckPending(), open ? tone(target, today) : null,
				open ? tone(statutory, today) : null, p.routedByUnitCode(), p.reexaminationResult(), p.reviewResult());
		return new PetitionViews.PetitionView(p.number(), p.status(), p.channel(),
				p.receivedAt().atZone(BEIJING).toOffsetDateTime(), p.registeredAt().atZone(BEIJING).toOffsetDateTime(),
				p.regionCode(), p.categoryCode(), p.kind(), p.complexity(), p.legalChannel(), p.title(),
				p.content(), people, p.personCount(), p.responsibleUnitCode(), p.duplicateOf(),
				new PetitionViews.Deadlines(p.acceptTarget(), p.acceptStatutory(), p.handleTarget(), p.handleStatutory()),
				overdue, p.version(), accused, attachments, p.groupVisit(), handling, !identify);
	}

	/** The badge colour of a clock (calendar module's rule), or none without a due date. */
	static String tone(LocalDate due, LocalDate today) {
		return due == null ? null : DeadlineClock.standing(due, today).tone().name();
	}

	static boolean isOpen(Status status) {
		return status.isOpen();
	}

	public List<PetitionViews.Document> documents(String number, Actor actor, String urlPrefix) {
		return documents(load(number, actor), actor, urlPrefix);
	}

	private List<PetitionViews.Document> documents(Petition p, Actor actor, String urlPrefix) {
		return issued.of(p.id(), reader(p, actor))
			.stream()
			.map(d -> new PetitionViews.Document(d.fileName(), urlPrefix + d.id(), d.displayName()))
			.toList();
	}

	public IssuedDocuments.Stored document(String number, long id, Actor actor) {
		Petition p = load(number, actor);
		return issued.get(p.id(), id, reader(p, actor)).orElseThrow(() -> new DomainException.NotFound("文书不存在"));
	}

	/** Art 30: who may not know the accuser reads none of the documents that name them. */
	private IssuedDocuments.Reader reader(Petition p, Actor actor) {
		if (actor.isCitizen()) {
			return IssuedDocuments.Reader.PETITIONER;
		}
		return identifies(p, actor) ? IssuedDocuments.Reader.STAFF : IssuedDocuments.Reader.STAFF_WITHOUT_NAMES;
	}

	public List<PetitionViews.RecordView> records(String number, Actor actor) {
		return records.of(load(number, actor).id());
	}

	/** An attachment's file, if the caller may see its matter. */
	public AttachmentFile attachment(String number, long attachmentId, Actor actor) {
		Petition p = load(number, actor);
		if (!actor.isCitizen() && !identifies(p, actor)) {
			throw new DomainException.NotFound("附件不存在");
		}
		return jdbc.sql("SELECT file_name, content_type, storage_key FROM attachment WHERE id = ? AND petition_id = ?")
			.params(attachmentId, p.id())
			.query(Rows.of(AttachmentFile.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("附件不存在"));
	}

	public record AttachmentFile(String fileName, String contentType, String storageKey) {

		/**
		 * The name a download carries: the client's name without its extension, and the extension
		 * of the type detected from the bytes when stored (a "poly.html" that is a PNG is "poly.png").
		 */
		public String downloadName() {
			String ext = storageKey.contains(".") ? storageKey.substring(storageKey.lastIndexOf('.') + 1) : "bin";
			String base = fileName == null ? "" : fileName.replaceAll("[\\\\/]+", "/");
			base = base.substring(base.lastIndexOf('/') + 1);
			if (base.contains(".")) {
				base = base.substring(0, base.lastIndexOf('.'));
			}
			base = base.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
			if (base.length() > 60) {
				base = base.substring(0, 60);
			}
			return (base.isEmpty() ? "附件" : base) + "." + ext;
		}

		/** Images are shown in the browser; a PDF is always downloaded, so no script in it runs in a viewer. */
		public boolean inline() {
			return contentType != null && contentType.startsWith("image/");
		}

	}

	/** An attachment's bytes from the store (the database, or files of earlier versions); 404 if gone. */
	public InputStream attachmentContent(AttachmentFile file) {
		return attachmentStore.open(file.storageKey());
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	private static String placeholders(int n) {
		return String.join(",", Collections.nCopies(n, "?"));
	}

	/** Art 30: whether the actor may know who petitioned this matter (ConfidentialityRule). */
	boolean identifies(Petition p, Actor actor) {
		return ConfidentialityRule.mayIdentifyPetitioners(p.kind(), actor, directory.unit(actor.unitCode()).orElse(null),
				p.citizenUserId());
	}

}
