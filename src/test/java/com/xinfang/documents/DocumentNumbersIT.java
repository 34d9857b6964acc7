package com.xinfang.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 发文字号 on the real database: one sequence per issuing unit and year, without gaps (a rolled-back
 * act gives its number back) or duplicates (two acts at once get two consecutive numbers).
 * Years far from today are used so the demo data's documents do not interfere.
 */
@IntegrationTest
class DocumentNumbersIT {

	@Autowired
	DocumentNumbers numbers;

	@Autowired
	Directory directory;

	@Autowired
	TransactionTemplate tx;

	Unit hr() {
		return directory.unit("CD-HRSS").orElseThrow();
	}

	DocumentNumber next(Unit unit, int year) {
		return tx.execute(s -> numbers.next(unit, year));
	}

	@Test
	void numbersFollowEachOtherPerUnitAndStartAgainEachYear() {
		Unit hr = hr();
		Unit bureau = directory.unit("CD-XFJ").orElseThrow();
		assertThat(next(hr, 2101)).hasToString("常人社信〔2101〕1号");
		assertThat(next(hr, 2101)).hasToString("常人社信〔2101〕2号");
		assertThat(next(bureau, 2101)).as("another unit has its own sequence").hasToString("常信访〔2101〕1号");
		assertThat(next(hr, 2101)).hasToString("常人社信〔2101〕3号");
		assertThat(next(hr, 2102)).as("a new year starts at 1").hasToString("常人社信〔2102〕1号");
		assertThat(next(hr, 2101)).as("the old year goes on where it was").hasToString("常人社信〔2101〕4号");
	}

	@Test
	void aRolledBackActLeavesNoGap() {
		Unit hr = hr();
		DocumentNumber first = next(hr, 2103);
		DocumentNumber lost = tx.execute(s -> {
			DocumentNumber n = numbers.next(hr, 2103);
			s.setRollbackOnly(); // the act failed after taking its number
			return n;
		});
		assertThat(lost.sequence()).isEqualTo(first.sequence() + 1);
		assertThat(next(hr, 2103).sequence()).as("the number of the failed act is issued again").isEqualTo(first.sequence() + 1);
	}

	@Test
	void twoActsAtOnceGetTwoConsecutiveNumbers() throws Exception {
		Unit hr = hr();
		int base = next(hr, 2104).sequence();
		CountDownLatch firstHasItsNumber = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<DocumentNumber> slow = pool.submit(() -> tx.execute(s -> {
				DocumentNumber n = numbers.next(hr, 2104);
				firstHasItsNumber.countDown();
				await(release); // still rendering its PDF, transaction open
				return n;
			}));
			assertThat(firstHasItsNumber.await(10, TimeUnit.SECONDS)).isTrue();
			Future<DocumentNumber> fast = pool.submit(() -> tx.execute(s -> numbers.next(hr, 2104)));
			Thread.sleep(300);
			assertThat(fast.isDone()).as("the second act waits for the first to commit").isFalse();
			release.countDown();
			List<Integer> got = List.of(slow.get(10, TimeUnit.SECONDS).sequence(), fast.get(10, TimeUnit.SECONDS).sequence());
			assertThat(got).containsExactly(base + 1, base + 2);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void manyActsAtOnceNeverShareANumber() throws Exception {
		Unit hr = hr();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<DocumentNumber>> all = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				all.add(pool.submit(() -> next(hr, 2105)));
			}
			Set<Integer> seen = new TreeSet<>();
			for (var f : all) {
				seen.add(f.get(30, TimeUnit.SECONDS).sequence());
			}
			assertThat(seen).hasSize(40).first().isEqualTo(1);
			assertThat(seen).last().isEqualTo(40);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aNumberIsOnlyTakenInsideTheActsTransaction() {
		assertThatThrownBy(() -> numbers.next(hr(), 2106)).isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void everyUnitHasAFullNameAndADocumentCode() {
		assertThat(directory.officialName("CD-HRSS")).isEqualTo("常德市人力资源和社会保障局");
		assertThat(directory.officialName("WL-HRSS")).isEqualTo("常德市武陵区人力资源和社会保障局");
		assertThat(directory.officialName("LX-XFJ")).isEqualTo("澧县信访局");
		for (Unit u : directory.units()) {
			assertThat(u.officialName()).as(u.code()).matches("^(常德市|安乡县|汉寿县|澧县|临澧县|桃源县|石门县|津市市).+");
			assertThat(u.documentCode()).as(u.code()).isNotBlank();
		}
		assertThat(directory.units().stream().map(Unit::documentCode).distinct().count()).isEqualTo(directory.units().size());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
