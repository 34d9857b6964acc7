package com.xinfang.casefile;

import com.xinfang.platform.Rows;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collective matters (集体事项): petitions about the same matter from different people (same
 * county, same company or project, near-identical content) are grouped when registered; the
 * group's person count is the sum of its petitions' person counts.
 */
@Service
public class CollectiveMatters {

	/** The 很可能是同一事项 band: only the same matter told by different people is grouped. */
	static final double GROUPING_SCORE = DuplicateScore.LIKELY;

	private final JdbcClient jdbc;

	private final ObjectProvider<Duplicates> duplicates;

	CollectiveMatters(JdbcClient jdbc, ObjectProvider<Duplicates> duplicates) {
		this.jdbc = jdbc;
		this.duplicates = duplicates;
	}

	/** The most text candidates scored for grouping: a near-identical text is among the first few. */
	static final int GROUPING_CANDIDATES = 10;

	/**
	 * What the grouping's lookup may read: 16 of the targets' rarest words, about 300 index rows (100
	 * of each word's most recent within the county), 10 matters scored. {@code bench/lookup-recall.sh}
	 * (108 questions by other people naming a target, their originals under 30 000 later matters): every
	 * budget from 2 000 rows down to 300, and 20, 10 or 5 matters scored, made exactly the exhaustive
	 * lookup's joins (2026-12-07 15:27 and 20:20 UTC); at 1 million matters the 2 000 rows of
	 * {@code Budget.of(20)} made this the largest statement per registration (2 ms), and at 600 rows and
	 * 20 scored it was still the largest of the indexer's (0.59 ms per registration on the demo database).
	 */
	static final Duplicates.Budget GROUPING_BUDGET = new Duplicates.Budget(16, 300, GROUPING_CANDIDATES);

	/**
	 * Joins each matter of the indexer's batch to the group of a near-identical matter of other people
	 * at the same place (the same county) and against the same target; run by {@link CaseIndexer}, whose
	 * batch has written the matters' documents and index rows first (so two matters of one batch can
	 * meet). The matters are taken in order as if one by one: a matter joins the group its match has
	 * at that moment, also a group formed a moment earlier in the same batch. A handful of statements
	 * for the whole batch.
	 */
	void joinAll(List<Long> petitionIds) {
		var finder = duplicates.getObject();
		// without a named target nothing can be "the same target": no lookup
		List<Duplicates.Subject> subjects = finder.subjects(petitionIds)
			.stream()
			.filter(s -> s.accusedUnit() != null || s.fingerprint().entities().length > 0)
			.toList();
		if (subjects.isEmpty()) {
			return;
		}
		Map<Long, Long> best = new LinkedHashMap<>();
		finder.sameTargetAll(subjects, 5, GROUPING_SCORE, GROUPING_BUDGET).forEach((id, found) -> found.stream()
			.filter(f -> !f.match().sameIdentity() && f.match().reasons().contains(Reason.SAME_PLACE_AND_TARGET)
					&& f.match().score() >= GROUPING_SCORE)
			.findFirst()
			.ifPresent(f -> best.put(id, f.id())));
		if (best.isEmpty()) {
			return;
		}
		Map<Long, Long> groupOf = new HashMap<>();
		jdbc.sql("SELECT petition_id, group_id FROM casefile_group WHERE petition_id = ANY(?)")
			.param(best.values().toArray(Long[]::new))
			.query((rs, n) -> groupOf.put(rs.getLong(1), rs.getLong(2)))
			.list();
		// one by one in order, in memory: a matter joins the group its match has at that moment, and
		// the last assignment of a matter is the one written
		Map<Long, Long> assigned = new LinkedHashMap<>();
		best.forEach((petitionId, otherId) -> {
			Long group = groupOf.getOrDefault(otherId, otherId);
			for (Long id : List.of(otherId, petitionId)) {
				groupOf.put(id, group);
				assigned.put(id, group);
			}
		});
		// an unchanged row is not rewritten (the group's first matter would otherwise be rewritten by each joiner)
		jdbc.sql("""
				INSERT INTO casefile_group AS g (petition_id, group_id) SELECT * FROM unnest(?::bigint[], ?::bigint[])
				ON CONFLICT (petition_id) DO UPDATE SET group_id = excluded.group_id
				WHERE g.group_id IS DISTINCT FROM excluded.group_id""")
			.params(assigned.keySet().toArray(Long[]::new), assigned.values().toArray(Long[]::new))
			.update();
	}

	/** A collective matter: its petitions (numbers, in order of receipt) and the people in all of them. */
	public record Group(long id, List<String> numbers, int persons) {
	}

	@Transactional(readOnly = true)
	public Optional<Group> of(String number) {
		return jdbc.sql("SELECT g.group_id FROM casefile_group g JOIN petition_ref p ON p.id = g.petition_id WHERE p.number = ?")
			.param(number)
			.query(Long.class)
			.optional()
			.map(this::group);
	}

	Group group(long id) {
		record Row(String number, int personCount) {
		}
		var rows = jdbc.sql("SELECT p.number, p.person_count FROM casefile_group g JOIN petition_fact p ON p.id = g.petition_id "
				+ "WHERE g.group_id = ? ORDER BY p.received_at, p.id")
			.param(id)
			.query(Rows.of(Row.class))
			.list();
		return new Group(id, rows.stream().map(Row::number).toList(), rows.stream().mapToInt(Row::personCount).sum());
	}

}
