package com.xinfang.console;

import com.xinfang.calendar.TimeLimit;
import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.petition.PetitionViews;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the printed registration receipt (登记回执) says besides the matter itself: the bureau that
 * registered it under its full name, the date, the registrar by name (not login), the number of
 * people of a group visit, and the limit the petitioner can expect (Art 22, 23: within 15 days of
 * receipt they are told whether the matter is accepted or where it was sent; the date is the
 * matter's own statutory acceptance limit, holidays included).
 */
record Receipt(String bureau, LocalDate registeredOn, String registrar, Integer groupVisitPersons, int noticeDays,
		LocalDate noticeBy, int handlingDays) implements Serializable {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static Receipt of(PetitionViews.Registered registered, Actor registrar, Directory directory) {
		var p = registered.petition();
		LocalDate on = (p.registeredAt() == null ? p.receivedAt() : p.registeredAt()).atZoneSameInstant(BEIJING).toLocalDate();
		Integer persons = p.groupVisit() || p.personCount() > 1 ? p.personCount() : null;
		return new Receipt(directory.officialName(registrar.unitCode()), on, registrar.displayName(), persons,
				TimeLimit.ACCEPT_NOTICE.statutoryDays(), p.deadlines() == null ? null : p.deadlines().acceptStatutory(),
				TimeLimit.HANDLE.statutoryDays());
	}

}
