package com.xinfang.calendar;

/** How a listed day differs from the plain Monday-to-Friday week. */
public enum DayKind {

	/** A day off of a statutory holiday period (法定节假日), weekend days inside the period included. */
	HOLIDAY,

	/** A 调休 make-up working day: a Saturday or Sunday on which people work. */
	WORKDAY

}
