package com.xinfang.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a figure is asked for, already checked against the caller's scope: a period (inclusive
 * Beijing dates), a region code prefix and optionally one responsible unit.
 */
public record StatsQuery(LocalDate from, LocalDate to, String regionCode, String regionPrefix, String unitCode) {

	/** The period of the same length just before this one (for "change against the previous period"). */
	public StatsQuery previous() {
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		return new StatsQuery(from.minusDays(days), from.minusDays(1), regionCode, regionPrefix, unitCode);
	}

	public StatsQuery withPeriod(LocalDate newFrom, LocalDate newTo) {
		return new StatsQuery(newFrom, newTo, regionCode, regionPrefix, unitCode);
	}

}
