package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registration's quick duplicate lookup as a function planned once per connection (V370), and
 * the queue's word overlap by intarray: the same answers as the statements they replace.
 * Index rows made up for the test, rolled back: matters with ids no petition has (so no real row
 * shares them, whatever word a real text hashes to).
 */
@IntegrationTest
class QuickLookupIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private static final int A = -2_000_000_001;

	private static final int B = -2_000_000_002;

	private static final int C = -2_000_000_003;

	@Test
	void ranksByTheWeightSharedWithinTheRegionNewestFirstOnTiesAndReadsOnlyTheNewestRowsPerWord() {
		transactions.executeWithoutResult(tx -> {
			// matter 9000000003 shares A and B, 9000000002 only B, 9000000001 only A; 9000000004 is in another county
			insert(A, 9_000_000_001L, "430702001");
			insert(A, 9_000_000_003L, "430702002");
			insert(B, 9_000_000_003L, "430702002");
			insert(B, 9_000_000_002L, "430703001");
			insert(C, 9_000_000_004L, "430721001");
			assertThat(lookup(new Integer[] { A, B, C }, new Double[] { 1.0, 2.0, 5.0 }, "4307%", 100, 20))
				.containsExactly(9_000_000_004L, 9_000_000_003L, 9_000_000_002L, 9_000_000_001L);
			assertThat(lookup(new Integer[] { A, B, C }, new Double[] { 1.0, 2.0, 5.0 }, "430702%", 100, 20))
				.as("only the region's index rows")
				.containsExactly(9_000_000_003L, 9_000_000_001L);
			assertThat(lookup(new Integer[] { A, B }, new Double[] { 1.0, 1.0 }, "4307%", 100, 20))
				.as("equal weight: the newest first")
				.containsExactly(9_000_000_003L, 9_000_000_002L, 9_000_000_001L);
			assertThat(lookup(new Integer[] { A }, new Double[] { 1.0 }, "4307%", 1, 20))
				.as("a word reads only its newest rows")
				.containsExactly(9_000_000_003L);
			assertThat(lookup(new Integer[] { A, B, C }, new Double[] { 1.0, 2.0, 5.0 }, "4307%", 100, 2))
				.containsExactly(9_000_000_004L, 9_000_000_003L);
			assertThat(lookup(new Integer[0], new Double[0], "4307%", 100, 20)).isEmpty();
			tx.setRollbackOnly();
		});
	}

	@Test
	void theOverlapOfIntegerArraysIsIntarraysAndAgreesWithTheGenericOne() {
		String operator = jdbc.sql("SELECT o.oprcode::text FROM pg_operator o WHERE o.oprname = '&&' "
				+ "AND o.oprleft = 'int4[]'::regtype AND o.oprright = 'int4[]'::regtype")
			.query(String.class)
			.single();
		assertThat(operator).isEqualTo("_int_overlap");
		record Case(Integer[] left, Integer[] right, boolean overlaps) {
		}
		for (Case c : List.of(new Case(new Integer[] { 5, 1, 9 }, new Integer[] { 7, 9 }, true),
				new Case(new Integer[] { 5, 1, 9 }, new Integer[] { 2, 3 }, false),
				new Case(new Integer[] { -4, 8 }, new Integer[] { 8, -4 }, true),
				new Case(new Integer[0], new Integer[] { 1 }, false))) {
			boolean intarray = jdbc.sql("SELECT ?::int[] && ?::int[]").params(c.left(), c.right()).query(Boolean.class).single();
			boolean generic = jdbc.sql("SELECT ?::int[] OPERATOR(pg_catalog.&&) ?::int[]")
				.params(c.left(), c.right())
				.query(Boolean.class)
				.single();
			assertThat(intarray).isEqualTo(generic).isEqualTo(c.overlaps());
		}
	}

	private void insert(int term, long petitionId, String region) {
		jdbc.sql("INSERT INTO casefile_term (term, petition_id, region_code) VALUES (?, ?, ?)")
			.params(term, petitionId, region)
			.update();
	}

	private List<Long> lookup(Integer[] terms, Double[] weights, String regionLike, long perWord, int limit) {
		return jdbc.sql("SELECT c.petition_id FROM casefile_quick_candidates(?::int[], ?::float8[], ?, ?, ?) "
				+ "WITH ORDINALITY AS c(petition_id, rank) ORDER BY c.rank")
			.params(terms, weights, regionLike, perWord, limit)
			.query(Long.class)
			.list();
	}

}
