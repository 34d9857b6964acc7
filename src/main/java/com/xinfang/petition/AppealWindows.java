package com.xinfang.petition;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** What a petitioner may still do with a matter, and until when (Art 35, 36). */
@Component
class AppealWindows {

	private final PetitionClocks clocks;

	private final Clock clock;

	AppealWindows(PetitionClocks clocks, Clock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	PetitionViews.Appeals of(Petition p) {
		LocalDate today = LocalDate.now(clock);
		boolean canRate = Lifecycle.sources(Action.RATE).contains(p.status());
		LocalDate reexamination = null;
		if (Lifecycle.sources(Action.REQUEST_REEXAMINATION).contains(p.status()) && p.deliveredAt() != null
				&& p.reexaminationDecidedAt() == null) {
			LocalDate end = clocks.appealWindowEnd(PetitionClocks.Limit.REEXAMINATION_REQUEST, p.deliveredAt());
			reexamination = today.isAfter(end) ? null : end;
		}
		LocalDate review = null;
		if (p.status() == Status.CLOSED && p.reexaminationDecidedAt() != null) {
			LocalDate end = clocks.appealWindowEnd(PetitionClocks.Limit.REVIEW_REQUEST, p.reexaminationDecidedAt());
			review = today.isAfter(end) ? null : end;
		}
		return new PetitionViews.Appeals(canRate, p.satisfaction() == null ? null : p.satisfaction().name(), reexamination,
				review);
	}

}
