package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The aggregate's acts and guards, without a database. */
class PetitionLifecycleTest {

	static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	static final LocalDate D0 = LocalDate.of(2026, 3, 2);

	static Petition fresh() {
		return Petition.register("XF430702260302000001", "hash", Channel.LETTER, T0, T0, "430702001", "LABOR", Kind.CLAIM,
				Complexity.SIMPLE, "拖欠工资", "某公司拖欠工资。", 1, true, null, null, null, "CD-XFJ", 1L, null,
				List.of(new Petitioner("王五", null, null, null, null, null, null, null, false)), D0.plusDays(3), D0.plusDays(15));
	}

	static Petition accepted() {
		Petition p = fresh();
		p.route(Petition.Routing.TRANSFER, "CD-HRSS", "CD-XFJ", T0, D0.plusDays(3), D0.plusDays(15));
		p.accept("CD-HRSS", T0, D0.plusDays(30), D0.plusDays(60));
		return p;
	}

	static Petition delivered() {
		Petition p = accepted();
		p.reply(Result.SUPPORT, "经调查，情况属实，责令公司十日内支付拖欠工资。", T0);
		p.approve(T0);
		p.deliver(T0);
		return p;
	}

	@Test
	void aSupportedReplyGoesThroughTheTwoReviewsToClosure() {
		Petition p = delivered();
		assertThat(p.status()).isEqualTo(Status.DELIVERED);
		p.recordVisitBack(Satisfaction.SATISFIED);
		assertThat(p.status()).isEqualTo(Status.CLOSE_PENDING_APPROVAL);
		p.approve(T0);
		assertThat(p.status()).isEqualTo(Status.CLOSED);
		assertThat(p.closedAt()).isEqualTo(T0);
	}

	@Test
	void rejectsDeliveryOfAReplyThatWasNotApproved() {
		Petition p = accepted();
		p.reply(Result.EXPLAIN, "经核查，相关政策规定如下，特此解释说明。", T0);
		assertThatThrownBy(() -> p.deliver(T0)).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("送达");
		assertThat(p.status()).isEqualTo(Status.REPLY_PENDING_APPROVAL);
	}

	@Test
	void anUnsatisfiedRatingBlocksClosureUntilTheReCheck() {
		Petition p = delivered();
		p.recordVisitBack(Satisfaction.UNSATISFIED);
		assertThat(p.recheckPending()).isTrue();
		assertThatThrownBy(() -> p.approve(T0)).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("复核查");
		p.recheck(false);
		p.approve(T0);
		assertThat(p.status()).isEqualTo(Status.CLOSED);
	}

	@Test
	void aReCheckMaySendTheMatterBackToHandling() {
		Petition p = delivered();
		p.recordVisitBack(Satisfaction.UNSATISFIED);
		p.recheck(true);
		assertThat(p.status()).isEqualTo(Status.ACCEPTED);
		assertThat(p.recheckPending()).isFalse();
	}

	@Test
	void extensionIsOnceAndAtMostThirtyDays() {
		Petition p = accepted();
		assertThatThrownBy(() -> p.extend(31, D0.plusDays(91))).isInstanceOf(DomainException.Invalid.class);
		p.extend(30, D0.plusDays(90));
		assertThat(p.handleStatutory()).isEqualTo(D0.plusDays(90));
		assertThatThrownBy(() -> p.extend(5, D0.plusDays(95))).isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("第三十四条");
	}

	@Test
	void reexaminationOnlyAfterDeliveryWithinTheWindowAndReviewOnlyAfterReexamination() {
		Petition p = accepted();
		assertThatThrownBy(() -> p.requestReexamination(D0, D0.plusDays(30), T0, D0.plusDays(30)))
			.isInstanceOf(DomainException.Conflict.class);
		Petition late = delivered();
		assertThatThrownBy(() -> late.requestReexamination(D0.plusDays(31), D0.plusDays(30), T0, D0.plusDays(61)))
			.isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("期限");
		Petition q = delivered();
		q.recordVisitBack(Satisfaction.SATISFIED);
		q.approve(T0);
		assertThatThrownBy(() -> q.requestReview(D0, D0.plusDays(30), T0, D0.plusDays(30)))
			.isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("复查");
		q.requestReexamination(D0.plusDays(10), D0.plusDays(30), T0, D0.plusDays(40));
		assertThat(q.status()).isEqualTo(Status.REEXAMINATION);
		q.decide(Result.NOT_SUPPORT, T0);
		assertThat(q.status()).isEqualTo(Status.CLOSED);
		q.requestReview(D0.plusDays(15), D0.plusDays(40), T0, D0.plusDays(45));
		q.decide(Result.NOT_SUPPORT, T0);
		assertThat(q.status()).isEqualTo(Status.FINAL);
		assertThatThrownBy(() -> q.requestReexamination(D0.plusDays(16), D0.plusDays(60), T0, D0.plusDays(60)))
			.isInstanceOf(DomainException.Conflict.class);
	}

	@Test
	void anObjectionReturnsTheMatterOnlyWithinFiveWorkingDays() {
		Petition p = fresh();
		p.route(Petition.Routing.TRANSFER, "CD-HRSS", "CD-XFJ", T0, D0.plusDays(3), D0.plusDays(15));
		assertThatThrownBy(() -> p.objectToRouting(D0.plusDays(8), D0.plusDays(7))).isInstanceOf(DomainException.Conflict.class);
		p.objectToRouting(D0.plusDays(6), D0.plusDays(7));
		assertThat(p.status()).isEqualTo(Status.REGISTERED);
		assertThat(p.responsibleUnitCode()).isNull();
	}

	@Test
	void divertingNeedsTheChannelNamed() {
		Petition p = fresh();
		assertThatThrownBy(() -> p.divert(null, T0)).isInstanceOf(DomainException.Invalid.class);
		p.divert(LegalChannel.LITIGATION, T0);
		assertThat(p.status()).isEqualTo(Status.DIVERTED);
		assertThat(p.legalChannel()).isEqualTo(LegalChannel.LITIGATION);
	}

	@Test
	void theDiagramHasEveryStatusChangeOfTheTable() {
		String diagram = Lifecycle.mermaid();
		Lifecycle.TABLE.stream()
			.filter(t -> t.from() != t.to())
			.forEach(t -> assertThat(diagram).contains(t.from() + " --> " + t.to()));
	}

	/** Any sequence of acts, valid or not: every change the aggregate makes is one the table allows. */
	@Property(tries = 300)
	void noSequenceOfActsReachesAStateTheTableForbids(@ForAll("acts") List<Action> acts) {
		Petition p = fresh();
		for (Action a : acts) {
			Status before = p.status();
			try {
				apply(p, a);
			}
			catch (DomainException refused) {
				assertThat(p.status()).as("a refused act leaves the status").isEqualTo(before);
				continue;
			}
			assertThat(Lifecycle.allows(a, before, p.status())).as("%s: %s -> %s", a, before, p.status()).isTrue();
		}
	}

	@Provide
	Arbitrary<List<Action>> acts() {
		return Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(25);
	}

	private static void apply(Petition p, Action a) {
		switch (a) {
			case CLASSIFY -> p.classify("LABOR", Kind.CLAIM, Complexity.COMPLEX, D0.plusDays(5));
			case TRANSFER -> p.route(Petition.Routing.TRANSFER, "CD-HRSS", "CD-XFJ", T0, D0, D0);
			case ASSIGN -> p.route(Petition.Routing.ASSIGN, "CD-HRSS", "CD-XFJ", T0, D0, D0);
			case OBJECT -> p.objectToRouting(D0, D0.plusDays(7));
			case ACCEPT -> p.accept("CD-HRSS", T0, D0, D0);
			case REJECT -> p.reject(null, T0);
			case DIVERT -> p.divert(LegalChannel.ARBITRATION, T0);
			case MERGE -> p.mergeInto("XF430702260301000009", T0);
			case EXTEND -> p.extend(10, D0);
			case RECORD -> p.recordHandling();
			case REPLY -> p.reply(Result.SUPPORT, "经调查核实，支持信访人的请求。", T0);
			case APPROVE -> p.approve(T0);
			case RETURN -> p.returnForRework();
			case DELIVER -> p.deliver(T0);
			case VISIT_BACK -> p.recordVisitBack(Satisfaction.UNSATISFIED);
			case RECHECK -> p.recheck(false);
			case RATE -> p.rate(Satisfaction.BASIC);
			case REQUEST_REEXAMINATION -> p.requestReexamination(D0, D0.plusDays(30), T0, D0.plusDays(30));
			case REQUEST_REVIEW -> p.requestReview(D0, D0.plusDays(30), T0, D0.plusDays(30));
			case DECIDE -> p.decide(Result.EXPLAIN, T0);
		}
	}

}
