package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The forms offered on a matter: 复查 before a 复查意见, 复核 only after one, 复核查 only when unsatisfied. */
class AppliesTest {

	static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	static final LocalDate D0 = LocalDate.of(2026, 3, 2);

	@Test
	void aSatisfiedClosedMatterOffersReexaminationOnly() {
		Petition q = PetitionLifecycleTest.delivered();
		q.recordVisitBack(Satisfaction.SATISFIED);
		assertThat(ActionPermissions.applies(q, Action.RECHECK)).as("satisfied: no re-check").isFalse();
		q.approve(T0);
		assertThat(q.status()).isEqualTo(Status.CLOSED);
		assertThat(ActionPermissions.applies(q, Action.REQUEST_REEXAMINATION)).isTrue();
		assertThat(ActionPermissions.applies(q, Action.REQUEST_REVIEW)).as("no 复查 yet").isFalse();
		q.requestReexamination(D0.plusDays(10), D0.plusDays(30), T0, D0.plusDays(40));
		q.decide(Result.NOT_SUPPORT, T0);
		assertThat(ActionPermissions.applies(q, Action.REQUEST_REEXAMINATION)).isFalse();
		assertThat(ActionPermissions.applies(q, Action.REQUEST_REVIEW)).isTrue();
	}

	@Test
	void anUnsatisfiedRatingOffersTheReCheck() {
		Petition p = PetitionLifecycleTest.delivered();
		p.recordVisitBack(Satisfaction.UNSATISFIED);
		assertThat(ActionPermissions.applies(p, Action.RECHECK)).isTrue();
		assertThat(ActionPermissions.applies(p, Action.APPROVE)).isTrue();
	}

}
