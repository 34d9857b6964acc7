package com.xinfang.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two people merging one pair of 类案 into each other at the same moment: one merge wins, the other
 * is told (a stale version or a target already merged, 409 / 400), never a deadlock (500), and the
 * two never end merged into each other.
 */
@IntegrationTest
class ClassCaseMergeRaceIT {

	@Autowired
	ClassCases classes;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final List<Long> made = new ArrayList<>();

	@AfterEach
	void removeTheClasses() {
		for (long id : made) {
			jdbc.sql("DELETE FROM casefile_class_member WHERE class_id = ?").param(id).update();
		}
		jdbc.sql("UPDATE casefile_class SET merged_into = NULL WHERE id = ANY(?)").param(made.toArray(Long[]::new)).update();
		jdbc.sql("DELETE FROM casefile_class WHERE id = ANY(?)").param(made.toArray(Long[]::new)).update();
	}

	long classOf(List<Long> matters) {
		long id = jdbc.sql("INSERT INTO casefile_class (name, county_code, created_at) VALUES ('并案竞争测试', '430702', ?) RETURNING id")
			.param(OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		made.add(id);
		for (long m : matters) {
			jdbc.sql("INSERT INTO casefile_class_member (petition_id, class_id, joined_at) VALUES (?, ?, ?)")
				.params(m, id, OffsetDateTime.now(clock))
				.update();
		}
		return id;
	}

	@Test
	void ofTwoMergesOfOnePairIntoEachOtherExactlyOneWins() throws Exception {
		Actor registrar = accounts.actorByUsername("city.registrar").orElseThrow();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				List<Long> free = jdbc.sql("SELECT p.id FROM petition_fact p WHERE p.region_code LIKE '4307%' "
						+ "AND p.kind IS DISTINCT FROM 'ACCUSATION' AND NOT EXISTS (SELECT 1 FROM casefile_class_member m WHERE m.petition_id = p.id) "
						+ "ORDER BY p.id LIMIT 4")
					.query(Long.class)
					.list();
				assertThat(free).hasSize(4);
				long a = classOf(free.subList(0, 2)), b = classOf(free.subList(2, 4));
				int va = classes.detail(a, registrar).summary().version(), vb = classes.detail(b, registrar).summary().version();
				CyclicBarrier start = new CyclicBarrier(2);
				Future<Long> one = pool.submit(() -> {
					start.await();
					return classes.act(a, new ClassCases.Action("MERGE", va, null, null, b), registrar);
				});
				Future<Long> other = pool.submit(() -> {
					start.await();
					return classes.act(b, new ClassCases.Action("MERGE", vb, null, null, a), registrar);
				});
				int won = 0, told = 0;
				for (Future<Long> f : List.of(one, other)) {
					try {
						f.get(60, TimeUnit.SECONDS);
						won++;
					}
					catch (java.util.concurrent.ExecutionException ex) {
						assertThat(ex.getCause()).as("the loser is told, not failed").isInstanceOfAny(DomainException.Conflict.class,
								DomainException.Invalid.class);
						told++;
					}
				}
				assertThat(won).isEqualTo(1);
				assertThat(told).isEqualTo(1);
				long merged = jdbc.sql("SELECT count(*) FROM casefile_class WHERE id IN (?, ?) AND merged_into IS NOT NULL")
					.params(a, b)
					.query(Long.class)
					.single();
				assertThat(merged).isEqualTo(1);
				removeTheClasses();
				made.clear();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
