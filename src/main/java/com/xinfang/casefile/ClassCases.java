package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionPeople;
import com.xinfang.petition.PetitionScope;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import com.xinfang.text.ClassificationService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 类案: the same kind of problem about one target in one county told by many petitioners (one
 * developer's delayed certificates, wage arrears on one project). Matters are grouped off the
 * request by {@link ClassCaseJob}: a matter joins the 类案 of an earlier matter that scores at least
 * {@link #CLASS_SCORE} against it, at the same place and about the same named target, in the same
 * category — or, when no named target is shared (a letter about "矿上" or "厂里" names none), that
 * scores at least {@link #UNTARGETED_SCORE} in the same county and category; two such matters outside
 * any 类案 start one. A registrar or supervisor confirms,
 * renames, splits or merges a 类案; matters placed by a person stay where they were put.
 *
 * <p>Art 30: accusations never join a 类案 (a matter classified as one later leaves it), so no list,
 * count or link of a 类案 reaches an accuser. Every figure is over the matters the reader may see;
 * a 类案 with none of them does not exist for the reader.
 */
@Service
public class ClassCases {

	/**
	 * Looser than the 很可能 band: the same kind of problem about one target, not the same matter.
	 * Chosen on the tuning half of the labelled groupings {@code corpus/class-cases.jsonl} (best
	 * pairwise F1; 0.20–0.30 tie, the highest taken) and measured once on the held-out half
	 * (ClassCaseCutoffTest, README "类案").
	 */
	static final double CLASS_SCORE = 0.30;

	/**
	 * Without a shared named target (letters that say "矿上", "厂里", "那个小区"), a matter joins only at
	 * this score, in the same county and category. Chosen on the tuning half by the same rule as
	 * {@link #CLASS_SCORE} (best pairwise F1 among 0.35 … 0.80 and "never"; 0.35 and 0.40 tie, the
	 * higher taken), with the cut-off kept at 0.30, and measured once on the held-out half.
	 */
	static final double UNTARGETED_SCORE = 0.40;

	static final int CANDIDATES = 20;

	private final JdbcClient jdbc;

	private final ObjectProvider<Duplicates> duplicates;

	private final Directory directory;

	private final ClassificationService text;

	private final Clock clock;

	private final PetitionPeople people;

	ClassCases(JdbcClient jdbc, ObjectProvider<Duplicates> duplicates, Directory directory, ClassificationService text,
			Clock clock, PetitionPeople people) {
		this.people = people;
		this.jdbc = jdbc;
		this.duplicates = duplicates;
		this.directory = directory;
		this.text = text;
		this.clock = clock;
	}

	public record Summary(long id, String name, boolean confirmed, long matters, long people, List<String> places,
			OffsetDateTime first, OffsetDateTime latest, List<String> units, String categoryName, int version) {
	}

	public record Matter(String number, String title, String status, String place, OffsetDateTime receivedAt,
			int personCount, String unit) {
	}

	public record Detail(Summary summary, List<Matter> matters) {
	}

	/** The action of {@code POST /api/v1/class-cases/{id}/actions}. */
	public record Action(String action, Integer version, String name, List<String> numbers, Long into) {
	}

	// ---------------------------------------------------------------- grouping (background)

	/** Places one matter in a 类案 if it belongs to one (run by {@link ClassCaseJob}). */
	@Transactional
	void assign(long petitionId) {
		record Row(String number, String kind, String categoryCode, String regionCode) {
		}
		var row = jdbc.sql("SELECT number, kind, category_code, region_code FROM petition_fact WHERE id = ?")
			.param(petitionId)
			.query(Rows.of(Row.class))
			.optional();
		if (row.isEmpty() || "ACCUSATION".equals(row.get().kind())) {
			return;
		}
		boolean placed = jdbc.sql("SELECT count(*) FROM casefile_class_member WHERE petition_id = ?")
			.param(petitionId)
			.query(Long.class)
			.single() > 0;
		if (placed) {
			return;
		}
		var finder = duplicates.getObject();
		var subject = finder.subject(row.get().number());
		if (subject.isEmpty()) {
			return;
		}
		String county = Duplicates.county(row.get().regionCode());
		List<Duplicates.Match> matches = finder.find(subject.get(), DataScope.region(county), 10, CLASS_SCORE,
				Duplicates.NO_ACCUSER_LINKS, Duplicates.Budget.of(CANDIDATES));
		Long partner = null;
		for (Duplicates.Match m : matches) {
			if (m.score() < CLASS_SCORE || !m.reasons().contains(Reason.SAME_PLACE_AND_TARGET) && m.score() < UNTARGETED_SCORE) {
				continue;
			}
			record Other(long id, String kind, String categoryCode) {
			}
			Other other = jdbc.sql("SELECT id, kind, category_code FROM petition_fact WHERE number = ?")
				.param(m.number())
				.query(Rows.of(Other.class))
				.single();
			if ("ACCUSATION".equals(other.kind()) || row.get().categoryCode() != null && other.categoryCode() != null
					&& !row.get().categoryCode().equals(other.categoryCode())) {
				continue;
			}
			Optional<Long> cls = classOf(other.id());
			if (cls.isPresent()) {
				join(petitionId, cls.get(), false);
				return;
			}
			if (partner == null) {
				partner = other.id();
			}
		}
		if (partner != null) {
			String category = row.get().categoryCode();
			long id = jdbc.sql("INSERT INTO casefile_class (name, county_code, category_code, created_at) VALUES (?, ?, ?, ?) RETURNING id")
				.params(autoName(partner, category), county, category, OffsetDateTime.now(clock))
				.query(Long.class)
				.single();
			join(partner, id, false);
			join(petitionId, id, false);
		}
	}

	/** Matters classified as accusations after they joined leave their 类案 (Art 30). */
	@Transactional
	int dropAccusations() {
		return jdbc.sql("DELETE FROM casefile_class_member m USING petition_fact p WHERE p.id = m.petition_id AND p.kind = 'ACCUSATION'")
			.update();
	}

	private Optional<Long> classOf(long petitionId) {
		return jdbc.sql("SELECT class_id FROM casefile_class_member WHERE petition_id = ?")
			.param(petitionId)
			.query(Long.class)
			.optional()
			.map(this::live);
	}

	/** The class a merged class now lives in. */
	private long live(long classId) {
		long id = classId;
		for (int i = 0; i < 20; i++) {
			Long into = jdbc.sql("SELECT merged_into FROM casefile_class WHERE id = ?").param(id).query(Long.class).optional().orElse(null);
			if (into == null) {
				return id;
			}
			id = into;
		}
		return id;
	}

	private void join(long petitionId, long classId, boolean byPerson) {
		jdbc.sql("INSERT INTO casefile_class_member (petition_id, class_id, placed_by_person, joined_at) VALUES (?, ?, ?, ?) "
				+ "ON CONFLICT (petition_id) DO NOTHING")
			.params(petitionId, classId, byPerson, OffsetDateTime.now(clock))
			.update();
	}

	/** The named target and the category ("恒达置业公司 · 城乡建设"), else the first matter's title. */
	String autoName(long petitionId, String categoryCode) {
		record T(String title, String content, String accusedUnit) {
		}
		T t = jdbc.sql("SELECT title, content, accused_unit FROM petition_text WHERE id = ?")
			.param(petitionId)
			.query(Rows.of(T.class))
			.single();
		String target = t.accusedUnit() != null ? t.accusedUnit() : text.entities(t.title(), t.content()).firstOrganization();
		String category = categoryCode == null ? null : directory.categoryName(categoryCode);
		String name = target != null ? target + (category == null ? "" : " · " + category) : t.title();
		return name.length() > 120 ? name.substring(0, 120) : name;
	}

	// ---------------------------------------------------------------- reading (scoped)

	private static final String MEMBERS = "FROM casefile_class_member m JOIN petition_fact p ON p.id = m.petition_id ";

	/**
	 * The members the reader may see beside each other, as a condition on {@code p}: the data scope and
	 * Art 30 as petition states them (an accusation that has not left its 类案 yet is not paired with
	 * the others for a reader who may not know its accuser).
	 */
	private String visible(Actor actor) {
		return PetitionScope.sql(actor.scope(), "p") + " AND " + people.linkable(actor, "p");
	}

	/** The 类案 with at least two matters the reader may see, the largest first. */
	@Transactional(readOnly = true)
	public List<Summary> list(Actor actor) {
		requireStaff(actor);
		List<Object> params = new ArrayList<>();
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		List<Long> ids = jdbc.sql("SELECT m.class_id " + MEMBERS + "JOIN casefile_class c ON c.id = m.class_id "
				+ "WHERE c.merged_into IS NULL AND " + visible(actor)
				+ " GROUP BY m.class_id HAVING count(*) >= 2 ORDER BY count(*) DESC, max(p.received_at) DESC LIMIT 200")
			.params(params)
			.query(Long.class)
			.list();
		return ids.stream().map(id -> summary(id, actor)).flatMap(Optional::stream).toList();
	}

	@Transactional(readOnly = true)
	public Detail detail(long id, Actor actor) {
		requireStaff(actor);
		Summary s = summary(id, actor).orElseThrow(() -> new DomainException.NotFound("该类案不存在或不在您的查看范围内"));
		List<Object> params = new ArrayList<>(List.of(s.id()));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		List<Matter> matters = jdbc.sql("SELECT p.number, p.title, p.status, p.region_code, p.received_at, p.person_count, "
				+ "p.responsible_unit_code " + MEMBERS + "WHERE m.class_id = ? AND " + visible(actor)
				+ " ORDER BY p.received_at, p.id")
			.params(params)
			.query((rs, n) -> new Matter(rs.getString(1), rs.getString(2), rs.getString(3), directory.regionPath(rs.getString(4)),
					BeijingTime.of(rs.getObject(5, OffsetDateTime.class)), rs.getInt(6),
					rs.getString(7) == null ? null : directory.unitName(rs.getString(7))))
			.list();
		return new Detail(s, matters);
	}

	/** The 类案 a matter belongs to, if the reader may see it. */
	@Transactional(readOnly = true)
	public Optional<Summary> ofMatter(String number, Actor actor) {
		return jdbc.sql("SELECT m.class_id " + MEMBERS + "WHERE p.number = ? AND " + people.linkable(actor, "p"))
			.param(number)
			.query(Long.class)
			.optional()
			.map(this::live)
			.flatMap(id -> summary(id, actor))
			.filter(s -> s.matters() >= 2);
	}

	Optional<Summary> summary(long id, Actor actor) {
		record Head(long id, String name, boolean confirmed, String categoryCode, int version, Long mergedInto) {
		}
		var head = jdbc.sql("SELECT id, name, confirmed, category_code, version, merged_into FROM casefile_class WHERE id = ?")
			.param(id)
			.query(Rows.of(Head.class))
			.optional()
			.filter(h -> h.mergedInto() == null);
		if (head.isEmpty()) {
			return Optional.empty();
		}
		List<Object> params = new ArrayList<>(List.of(id));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		String scope = visible(actor);
		record Figures(long matters, OffsetDateTime first, OffsetDateTime latest) {
		}
		Figures f = jdbc.sql("SELECT count(*) AS matters, min(p.received_at) AS first, max(p.received_at) AS latest " + MEMBERS
				+ "WHERE m.class_id = ? AND " + scope)
			.params(params)
			.query(Rows.of(Figures.class))
			.single();
		if (f.matters() == 0) {
			return Optional.empty();
		}
		// people: distinct petitioners of the matters shown, as petition counts them (PetitionPeople.peopleIn)
		long headCount = people.peopleIn(jdbc.sql("SELECT p.id " + MEMBERS + "WHERE m.class_id = ? AND " + scope)
			.params(params)
			.query(Long.class)
			.list(), actor);
		List<String> places = new ArrayList<>(new LinkedHashSet<>(jdbc.sql("SELECT p.region_code " + MEMBERS + "WHERE m.class_id = ? AND "
				+ scope + " ORDER BY p.received_at")
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.map(directory::regionPath)
			.toList()));
		List<String> units = new ArrayList<>(new LinkedHashSet<>(jdbc.sql("SELECT p.responsible_unit_code " + MEMBERS
				+ "WHERE m.class_id = ? AND p.responsible_unit_code IS NOT NULL AND " + scope + " ORDER BY p.received_at")
			.params(params)
			.query(String.class)
			.list()
			.stream()
			.map(directory::unitName)
			.toList()));
		Head h = head.get();
		return Optional.of(new Summary(h.id(), h.name(), h.confirmed(), f.matters(), headCount, places,
				BeijingTime.of(f.first()), BeijingTime.of(f.latest()), units,
				h.categoryCode() == null ? null : directory.categoryName(h.categoryCode()), h.version()));
	}

	// ---------------------------------------------------------------- a person's decisions

	/** Confirm, rename, split or merge; a stale version answers 409. Returns the 类案 to show next. */
	@Transactional
	public long act(long id, Action action, Actor actor) {
		if (!actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR)) {
			throw new DomainException.Forbidden("只有登记员和督办员可以确认、更名、拆分或合并类案");
		}
		Summary s = summary(id, actor).orElseThrow(() -> new DomainException.NotFound("该类案不存在或不在您的查看范围内"));
		if (action == null || action.action() == null) {
			throw new DomainException.Invalid("action", "请选择操作");
		}
		if (action.version() == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		switch (action.action()) {
			case "CONFIRM" -> {
				bump(id, action.version(), "confirmed = true, confirmed_by = ?", actor.label());
				return id;
			}
			case "RENAME" -> {
				String name = name(action.name());
				bump(id, action.version(), "name = ?", name);
				return id;
			}
			case "SPLIT" -> {
				String name = name(action.name());
				List<Long> moved = members(id, action.numbers(), actor);
				if (moved.isEmpty()) {
					throw new DomainException.Invalid("numbers", "请选择要拆出的事项");
				}
				if (moved.size() >= s.matters() && moved.size() >= count(id)) {
					throw new DomainException.Invalid("numbers", "不能把全部事项拆出，请改用更名");
				}
				bump(id, action.version(), "confirmed = confirmed", null);
				String county = jdbc.sql("SELECT county_code FROM casefile_class WHERE id = ?").param(id).query(String.class).single();
				String category = jdbc.sql("SELECT category_code FROM casefile_class WHERE id = ?").param(id).query(String.class).optional().orElse(null);
				long created = jdbc.sql("INSERT INTO casefile_class (name, county_code, category_code, confirmed, confirmed_by, created_at) "
						+ "VALUES (?, ?, ?, true, ?, ?) RETURNING id")
					.params(name, county, category, actor.label(), OffsetDateTime.now(clock))
					.query(Long.class)
					.single();
				jdbc.sql("UPDATE casefile_class_member SET class_id = ?, placed_by_person = true WHERE petition_id = ANY(?)")
					.params(created, moved.toArray(Long[]::new))
					.update();
				return created;
			}
			case "MERGE" -> {
				if (action.into() == null || action.into() == id) {
					throw new DomainException.Invalid("into", "请选择要并入的另一个类案");
				}
				// both rows locked in one order: two merges of one pair at once (A into B, B into A) run one after the
				// other instead of deadlocking; the second then finds its version stale or its target merged
				jdbc.sql("SELECT id FROM casefile_class WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
					.params(id, action.into())
					.query(Long.class)
					.list();
				summary(action.into(), actor).orElseThrow(() -> new DomainException.Invalid("into", "要并入的类案不存在或不在您的查看范围内"));
				bump(id, action.version(), "merged_into = ?", action.into());
				jdbc.sql("UPDATE casefile_class_member SET class_id = ?, placed_by_person = true WHERE class_id = ?")
					.params(action.into(), id)
					.update();
				jdbc.sql("UPDATE casefile_class SET version = version + 1 WHERE id = ?").param(action.into()).update();
				return action.into();
			}
			default -> throw new DomainException.Invalid("action", "不支持的操作");
		}
	}

	private long count(long id) {
		return jdbc.sql("SELECT count(*) FROM casefile_class_member WHERE class_id = ?").param(id).query(Long.class).single();
	}

	/** The members of the class among the numbers given, within the reader's scope. */
	private List<Long> members(long id, List<String> numbers, Actor actor) {
		if (numbers == null || numbers.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(List.of(id, numbers.toArray(String[]::new)));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		return jdbc.sql("SELECT p.id " + MEMBERS + "WHERE m.class_id = ? AND p.number = ANY(?) AND " + visible(actor))
			.params(params)
			.query(Long.class)
			.list();
	}

	private void bump(long id, int version, String set, Object value) {
		List<Object> params = new ArrayList<>();
		if (value != null) {
			params.add(value);
		}
		params.add(id);
		params.add(version);
		int n = jdbc.sql("UPDATE casefile_class SET " + set + ", version = version + 1 WHERE id = ? AND version = ? AND merged_into IS NULL")
			.params(params)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该类案已被他人修改，请刷新后重试");
		}
	}

	private static String name(String name) {
		if (name == null || name.isBlank()) {
			throw new DomainException.Invalid("name", "请填写类案名称");
		}
		if (name.strip().length() > 120) {
			throw new DomainException.Invalid("name", "类案名称不能超过120字");
		}
		return name.strip();
	}

	private static void requireStaff(Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅工作人员可以查看类案");
		}
	}

}
