package com.xinfang.casefile;

import com.xinfang.identity.DataScope;
import java.util.List;
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
	static final int GROUPING_CANDIDATES = 20;

	/**
	 * Joins the matter to the group of a near-identical earlier matter of other people at the same
	 * place (the same county) and against the same target; run by {@link CaseIndexer} in batches.
	 */
	void join(long petitionId) {
		String number = jdbc.sql("SELECT number FROM petition_ref WHERE id = ?").param(petitionId).query(String.class).single();
		var finder = duplicates.getObject();
		var subject = finder.subject(number)
			// without a named target nothing can be "the same target": no lookup
			.filter(s -> s.accusedUnit() != null || s.fingerprint().entities().length > 0);
		var best = subject
			.map(s -> finder.sameTarget(s, DataScope.region(Duplicates.county(s.regionCode())), 5, GROUPING_SCORE,
					GROUPING_CANDIDATES))
			.orElse(List.of())
			.stream()
			.filter(m -> !m.sameIdentity() && m.reasons().contains(Reason.SAME_PLACE_AND_TARGET)
					&& m.score() >= GROUPING_SCORE)
			.findFirst();
		best.ifPresent(m -> {
			long otherId = jdbc.sql("SELECT id FROM petition_ref WHERE number = ?").param(m.number()).query(Long.class).single();
			Long group = jdbc.sql("SELECT coalesce((SELECT group_id FROM casefile_group WHERE petition_id = ?), ?)")
				.params(otherId, otherId)
				.query(Long.class)
				.single();
			// the earlier matter's row only when it changes (the group's first matter would otherwise be rewritten by each joiner)
			jdbc.sql("""
					INSERT INTO casefile_group AS g (petition_id, group_id) VALUES (?, ?), (?, ?)
					ON CONFLICT (petition_id) DO UPDATE SET group_id = excluded.group_id
					WHERE g.group_id IS DISTINCT FROM excluded.group_id""")
				.params(otherId, group, petitionId, group)
				.update();
		});
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
			.query(Row.class)
			.list();
		return new Group(id, rows.stream().map(Row::number).toList(), rows.stream().mapToInt(Row::personCount).sum());
	}

}
