package com.xinfang.petition;

import com.xinfang.platform.BeijingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The two clocks of a matter: the local target (Changde 3530) and the statutory limit, each
 * computed from the named time-limit policies and the working-day calendar.
 */
@Component
class PetitionClocks {

	static final ZoneId BEIJING = BeijingTime.ZONE;

	private final DueDates dueDates;

	PetitionClocks(DueDates dueDates) {
		this.dueDates = dueDates;
	}

	static LocalDate day(Instant at) {
		return at.atZone(BEIJING).toLocalDate();
	}

	/** The bureau's clock: transfer, assign or accept within 15 days of receipt (Art 22). */
	LocalDate registrationStatutory(Instant receivedAt) {
		return dueDates.statutory(Limit.TRANSFER, null, day(receivedAt));
	}

	/** 3530: simple matters accepted within 3 days, complex ones within 5. */
	LocalDate acceptTarget(Complexity complexity, Instant from) {
		return dueDates.target(Limit.ACCEPT_NOTICE, complexity, day(from));
	}

	/** The receiving unit tells the petitioner within 15 days whether it accepts (Art 23). */
	LocalDate acceptStatutory(Instant routedAt) {
		return dueDates.statutory(Limit.ACCEPT_NOTICE, null, day(routedAt));
	}

	/** An objection to a transfer must come within 5 working days. */
	LocalDate objectionDeadline(Instant routedAt) {
		return dueDates.statutory(Limit.OBJECTION, null, day(routedAt));
	}

	LocalDate handleTarget(Complexity complexity, Instant acceptedAt) {
		return dueDates.target(Limit.HANDLE, complexity, day(acceptedAt));
	}

	/** 60 days from acceptance (Art 34). */
	LocalDate handleStatutory(Instant acceptedAt) {
		return dueDates.statutory(Limit.HANDLE, null, day(acceptedAt));
	}

	/** 60 days plus the extension, from acceptance (Art 34). */
	LocalDate extendedHandleStatutory(Instant acceptedAt, int days) {
		return dueDates.calendarDays(day(acceptedAt), dueDates.days(Limit.HANDLE) + days);
	}

	/** 30 days from receiving the opinion to ask for 复查 (Art 35), or from the 复查 opinion for 复核 (Art 36). */
	LocalDate appealWindowEnd(Limit limit, Instant from) {
		return dueDates.statutory(limit, null, day(from));
	}

	LocalDate decisionDue(Limit limit, Instant requestedAt) {
		return dueDates.statutory(limit, null, day(requestedAt));
	}

	/** A due date moved by whole days (hearing time excluded from a limit), landing on a working day. */
	LocalDate addDays(LocalDate due, int days) {
		return dueDates.calendarDays(due, days);
	}

	/** The limits the petition module asks about. */
	enum Limit {

		TRANSFER, ACCEPT_NOTICE, OBJECTION, HANDLE, REEXAMINATION_REQUEST, REEXAMINATION_DECISION, REVIEW_REQUEST,
		REVIEW_DECISION

	}

	/** The calendar module's answers, behind one small interface. */
	interface DueDates {

		LocalDate statutory(Limit limit, Complexity complexity, LocalDate start);

		LocalDate target(Limit limit, Complexity complexity, LocalDate start);

		LocalDate calendarDays(LocalDate start, int days);

		int days(Limit limit);

	}

}
