package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.OneOf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a matter may not be accepted because the same matter was already:
 * <ul>
 * <li>accepted and is still being handled (Art 19: it is not accepted twice; the new one may be
 * merged into it), or</li>
 * <li>concluded by 复核 (Art 36: the same facts and reasons are not accepted again, 终结; the
 * 不再受理告知书 is issued).</li>
 * </ul>
 * "The same matter" is the same person (ID number blind index) with the same facts
 * ({@link SameFactsEvidence}), whatever the categories and before any classification. An
 * accusation and any other kind of matter are never the same matter (and must not be linked, Art 30).
 * Registration always succeeds (the law wants a record of every petition); acceptance is refused.
 * The refusal names the earlier matter only when the actor may see it (its scope and Art 30);
 * otherwise it is referred to in words.
 */
@Component
class RepeatRule {

	static final List<String> IN_HANDLING = List.of("ACCEPTED", "REPLY_PENDING_APPROVAL", "REPLIED", "DELIVERED",
			"CLOSE_PENDING_APPROVAL", "REEXAMINATION", "REVIEW");

	private final JdbcClient jdbc;

	private final SameFactsEvidence sameFacts;

	private final Directory directory;

	RepeatRule(JdbcClient jdbc, SameFactsEvidence sameFacts, Directory directory) {
		this.jdbc = jdbc;
		this.sameFacts = sameFacts;
		this.directory = directory;
	}

	/** An earlier matter of the same person and facts, and whether the actor may be told its number. */
	record Earlier(long id, String number, String status, boolean nameable) {

		boolean concluded() {
			return "FINAL".equals(status);
		}

		String reference() {
			return nameable ? "（" + number + "）" : "（该事项不在您的查看范围内，请向信访部门核实）";
		}
	}

	void checkAcceptable(Petition p, Actor actor) {
		List<Earlier> earlier = earlier(p, actor);
		earlier.stream().filter(Earlier::concluded).findFirst().ifPresent(e -> {
			throw new DomainException.Conflict("该信访人就同一事实的信访事项" + e.reference()
					+ "已经复核终结，依据《信访工作条例》第三十六条不再受理；请出具不再受理告知书");
		});
		earlier.stream().filter(e -> IN_HANDLING.contains(e.status())).findFirst().ifPresent(e -> {
			throw new DomainException.Conflict("该信访人就同一事实已有在办信访事项" + e.reference()
					+ "，依据《信访工作条例》第十九条不重复受理" + (e.nameable() ? "；可合并至该事项" : ""));
		});
	}

	/** The earlier matter concluded by 复核, if any (for the 不再受理告知书). */
	Optional<Earlier> concludedEarlier(Petition p, Actor actor) {
		return earlier(p, actor).stream().filter(Earlier::concluded).findFirst();
	}

	/**
	 * Whether a matter repeats an earlier one (重复信访): the same person and the same facts, in any
	 * state — not merely another matter of the same person (an unrelated later matter is first-time).
	 */
	boolean repeatsEarlier(Petition p) {
		List<String> ids = idIndexes(p);
		if (ids.isEmpty()) {
			return false;
		}
		List<Object> params = new ArrayList<>(List.of(p.id()));
		String sameId = OneOf.condition("x.id_number_index", ids, params);
		params.add(p.kind() == Kind.ACCUSATION);
		List<Long> earlier = jdbc.sql("SELECT DISTINCT e.id FROM petition e JOIN petitioner x ON x.petition_id = e.id "
				+ "WHERE e.id <> ? AND " + sameId + " AND (e.kind IS NOT DISTINCT FROM 'ACCUSATION') = ? LIMIT 100")
			.params(params)
			.query(Long.class)
			.list();
		return !earlier.isEmpty() && !sameFacts.sameFacts(p.id(), earlier).isEmpty();
	}

	/** Earlier matters of the same person and facts that are concluded or in handling, oldest first. */
	List<Earlier> earlier(Petition p, Actor actor) {
		List<String> ids = idIndexes(p);
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(long id, String number, String status, String kind) {
		}
		List<String> statuses = new ArrayList<>(IN_HANDLING);
		statuses.add("FINAL");
		List<Row> rows = jdbc.sql("SELECT DISTINCT e.id, e.number, e.status, e.kind, e.received_at FROM petition e "
				+ "JOIN petitioner x ON x.petition_id = e.id WHERE e.id <> ? AND x.id_number_index = ANY(?) "
				+ "AND e.status = ANY(?) ORDER BY e.received_at, e.id")
			.params(p.id(), ids.toArray(String[]::new), statuses.toArray(String[]::new))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.stream()
			.filter(r -> ("ACCUSATION".equals(r.kind())) == (p.kind() == Kind.ACCUSATION))
			.toList();
		if (rows.isEmpty()) {
			return List.of();
		}
		Set<Long> same = sameFacts.sameFacts(p.id(), rows.stream().map(Row::id).toList());
		Set<Long> visible = visible(same, actor);
		var actorUnit = directory.unit(actor.unitCode()).orElse(null);
		boolean identify = ConfidentialityRule.mayIdentifyPetitioners(p.kind(), actor, actorUnit, null);
		return rows.stream()
			.filter(r -> same.contains(r.id()))
			.map(r -> new Earlier(r.id(), r.number(), r.status(), identify && visible.contains(r.id())))
			.toList();
	}

	private Set<Long> visible(Set<Long> ids, Actor actor) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(ids.toArray(Long[]::new));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		return Set.copyOf(jdbc.sql("SELECT p.id FROM petition p WHERE p.id = ANY(?) AND " + PetitionScope.onTable(actor.scope(), "p"))
			.params(params)
			.query(Long.class)
			.list());
	}

	/** The blind indexes of the matter's petitioners' ID numbers: "the same person" (Art 19/36). */
	private static List<String> idIndexes(Petition p) {
		return p.petitioners().stream().map(Petitioner::idNumberIndex).filter(Objects::nonNull).distinct().toList();
	}

}
