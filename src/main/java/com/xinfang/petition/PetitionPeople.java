package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.OneOf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of matters, for 一人一档 and the 类案's head count (issue 12 item 4): the only reader
 * of the petitioner table outside this module's own views. Every answer is within the actor's data
 * scope and applies Art 30 here, once ({@link Confidentiality}): for an actor who may not know who
 * an accuser is, an accusation has no petitioner to find, is no matter of any person, and counts no
 * one; the 信访部门 and 纪检监察 find and count it like any other matter.
 *
 * <p>Petitioners are matched by the blind indexes of their ID number and phone (never the numbers);
 * whether two such petitioners are one person (a homophone name, a family phone) is the caller's
 * rule to confirm on the candidates returned.
 */
@Service
@Transactional(readOnly = true)
public class PetitionPeople {

	/** How many matters of one person are read at most (a file of more would not be read by anyone). */
	static final int MAX_MATTERS = 500;

	private final PetitionQueries queries;

	private final Confidentiality confidentiality;

	private final JdbcClient jdbc;

	PetitionPeople(PetitionQueries queries, Confidentiality confidentiality, JdbcClient jdbc) {
		this.queries = queries;
		this.confidentiality = confidentiality;
		this.jdbc = jdbc;
	}

	/**
	 * A petitioner of a matter as staff see them (name, masked numbers) with the blind indexes that
	 * find their other matters; either index may be null (no ID number or no phone given).
	 */
	public record PersonOnMatter(long petitionId, String number, String name, String idNumberMasked, String phoneMasked,
			String idIndex, String phoneIndex) {

		/** Whether the person can be found on other matters at all: an ID number or a phone was recorded. */
		public boolean findable() {
			return idIndex != null || phoneIndex != null;
		}

	}

	/**
	 * The petitioner at position {@code seq} of a matter the actor may see and whose petitioners they
	 * may know; otherwise not found (an accusation's accuser, for those who may not know them, does
	 * not exist, exactly like a matter out of scope).
	 */
	public PersonOnMatter petitioner(String number, int seq, Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅工作人员可以查看一人一档");
		}
		Petition p = queries.load(number, actor);
		if (!queries.identifies(p, actor) || seq < 0 || seq >= p.petitioners().size()) {
			throw new DomainException.NotFound("该信访人不存在或不在您的查看范围内");
		}
		Petitioner x = p.petitioners().get(seq);
		return new PersonOnMatter(p.id(), p.number(), x.name(), x.idNumberMask(), x.phoneMask(), x.idNumberIndex(),
				x.phoneIndex());
	}

	/**
	 * The petitioners of matters in the actor's scope who share the person's ID number or phone
	 * (by blind index), oldest matter first, the person's own row included: the candidates of "the
	 * matters of this person". Art 30: accusations only for those who may know the accuser.
	 */
	public List<PersonOnMatter> mattersOf(PersonOnMatter person, Actor actor) {
		if (!actor.isStaff() || !person.findable()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(person.idIndex());
		params.add(person.phoneIndex());
		PetitionScope.addParameter(actor.scope(), params);
		params.add(MAX_MATTERS);
		return jdbc.sql("SELECT p.id, p.number, x.name, x.id_number_mask, x.phone_mask, x.id_number_index, x.phone_index "
				+ "FROM petitioner x JOIN petition p ON p.id = x.petition_id "
				+ "WHERE (x.id_number_index = ? OR x.phone_index = ?) AND " + PetitionScope.onTable(actor.scope(), "p")
				+ " AND " + linkable(actor, "p") + " ORDER BY p.received_at, p.id, x.seq LIMIT ?")
			.params(params)
			.query((rs, n) -> new PersonOnMatter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/**
	 * How many people petitioned these matters, counted over those the actor may see: distinct
	 * petitioners by their ID number, else their phone (a petitioner with neither counts once per
	 * matter), plus the people of a matter beyond its named petitioners (信访人数 of a group visit).
	 * Art 30: an accusation counts for those who may know the accuser only; for anyone else it
	 * would tell whether its accuser is one of the others.
	 */
	public long peopleIn(Collection<Long> petitionIds, Actor actor) {
		if (!actor.isStaff() || petitionIds.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>();
		params.add(petitionIds.stream().distinct().toArray(Long[]::new));
		PetitionScope.addParameter(actor.scope(), params);
		String matters = "SELECT p.id, p.person_count FROM petition p WHERE p.id = ANY(?) AND "
				+ PetitionScope.onTable(actor.scope(), "p") + " AND " + linkable(actor, "p");
		return jdbc.sql("WITH m AS (" + matters + ") SELECT "
				+ "(SELECT count(DISTINCT coalesce(x.id_number_index, x.phone_index, x.petition_id || '-' || x.seq)) "
				+ "FROM m JOIN petitioner x ON x.petition_id = m.id) + "
				+ "(SELECT coalesce(sum(greatest(0, m.person_count - (SELECT count(*) FROM petitioner x WHERE x.petition_id = m.id))), 0) FROM m)")
			.params(params)
			.query(Long.class)
			.single();
	}

	/** A petitioner as a rule of "the same person" compares them: the name and the blind indexes, never the numbers. */
	public record Identity(String name, String idIndex, String phoneIndex) {
	}

	/**
	 * The petitioners' identities of matters a caller has found within its scope (the duplicate
	 * finder's candidates), by matter, in order of position. Art 30: an accusation's accuser only
	 * when {@code withAccusers} (the reader may know accusers, {@link Confidentiality}); otherwise an
	 * accusation has no petitioner here.
	 */
	public Map<Long, List<Identity>> identitiesOf(Collection<Long> petitionIds, boolean withAccusers) {
		if (petitionIds.isEmpty()) {
			return new HashMap<>();
		}
		List<Object> params = new ArrayList<>();
		params.add(petitionIds.toArray(Long[]::new));
		return identities("x.petition_id = ANY(?)" + accusers(withAccusers), params);
	}

	/**
	 * As {@link #identitiesOf}, only the petitioners with one of these ID-number or phone blind
	 * indexes: a rule of "the same person" that needs one of them equal reads nothing else (for most
	 * candidates of a registration, nothing at all; no query when there is no index to share).
	 */
	public Map<Long, List<Identity>> identitiesSharing(Collection<Long> petitionIds, Collection<String> idIndexes,
			Collection<String> phoneIndexes, boolean withAccusers) {
		if (petitionIds.isEmpty() || idIndexes.isEmpty() && phoneIndexes.isEmpty()) {
			return new HashMap<>();
		}
		List<Object> params = new ArrayList<>();
		params.add(petitionIds.toArray(Long[]::new));
		return identities("x.petition_id = ANY(?) AND " + sharing(idIndexes, phoneIndexes, params) + accusers(withAccusers), params);
	}

	/** Art 30: without the right to know accusers, an accusation has no petitioner here. */
	private static String accusers(boolean withAccusers) {
		return withAccusers ? "" : " AND NOT EXISTS (SELECT 1 FROM petition p WHERE p.id = x.petition_id AND p.kind = 'ACCUSATION')";
	}

	/** A petitioner {@code x} with one of these ID-number or phone blind indexes. */
	private static String sharing(Collection<String> idIndexes, Collection<String> phoneIndexes, List<Object> params) {
		return "(" + OneOf.condition("x.id_number_index", idIndexes, params) + " OR "
				+ OneOf.condition("x.phone_index", phoneIndexes, params) + ")";
	}

	/** The identities of the petitioners {@code x} the query selects, by matter, in order of position. */
	private Map<Long, List<Identity>> identities(String with, String from, String condition, List<Object> params) {
		Map<Long, List<Identity>> out = new LinkedHashMap<>();
		jdbc.sql(with + "SELECT x.petition_id, x.name, x.id_number_index, x.phone_index FROM " + from + " WHERE " + condition
				+ " ORDER BY x.petition_id, x.seq")
			.params(params)
			.query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Identity(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		return out;
	}

	private Map<Long, List<Identity>> identities(String condition, List<Object> params) {
		return identities("", "petitioner x", condition, params);
	}

	/**
	 * The matters within the scope with a petitioner of one of these ID-number or phone blind
	 * indexes, at most {@code limit}, each with those of its petitioners (the duplicate finder's
	 * candidates by person, and what its rule of "the same person" reads of them). Art 30 as in
	 * {@link #identitiesOf}: accusations only {@code withAccusers}.
	 */
	public Map<Long, List<Identity>> mattersWithIdentity(Collection<String> idIndexes, Collection<String> phoneIndexes,
			DataScope scope, boolean withAccusers, int limit) {
		if (idIndexes.isEmpty() && phoneIndexes.isEmpty()) {
			return new LinkedHashMap<>();
		}
		List<Object> params = new ArrayList<>();
		String people = "(" + OneOf.condition("id_number_index", idIndexes, params) + " OR "
				+ OneOf.condition("phone_index", phoneIndexes, params) + ")";
		PetitionScope.addParameter(scope, params);
		params.add(limit);
		// the people's matters first, then each one's scope by its key: a join let the planner guess
		// the scope selective (a prepared statement's generic plan, or statistics lagging behind a
		// growing table) and read every petition of the region (16 ms at 2 000); a lateral subquery
		// with a limit is never flattened into a join
		String matters = "WITH m AS MATERIALIZED (SELECT DISTINCT petition_id FROM petitioner WHERE " + people + "), "
				+ "s AS MATERIALIZED (SELECT m.petition_id FROM m CROSS JOIN LATERAL (SELECT 1 FROM petition p WHERE p.id = m.petition_id AND "
				+ PetitionScope.sql(scope, "p") + (withAccusers ? "" : " AND p.kind IS DISTINCT FROM 'ACCUSATION'")
				+ " LIMIT 1) k LIMIT ?) ";
		return identities(matters, "s JOIN petitioner x ON x.petition_id = s.petition_id", sharing(idIndexes, phoneIndexes, params),
				params);
	}

	/**
	 * Art 30 as a condition on an alias of {@code petition}, {@code petition_ref} or
	 * {@code petition_fact}: the matters that may be linked, by their person or by their text, to
	 * other matters for this actor (an accusation only for those who may know the accuser), to be
	 * joined with AND. Modules that show matters beside each other (a 类案) filter with it.
	 */
	public String linkable(Actor actor, String alias) {
		return confidentiality.mayIdentifyAccusers(actor) ? "TRUE" : alias + ".kind IS DISTINCT FROM 'ACCUSATION'";
	}

}
