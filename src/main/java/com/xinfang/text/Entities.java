package com.xinfang.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a registrar would otherwise copy out of the text by hand: the places (the deepest region
 * code prefills 问题属地), the organisations and people complained about, sums and dates.
 */
public record Entities(List<Place> places, String regionCode, List<String> organizations, List<String> persons,
		List<Amount> amounts, List<DateMention> dates) {

	public static final Entities NONE = new Entities(List.of(), null, List.of(), List.of(), List.of(), List.of());

	/** A region named in the text. */
	public record Place(String code, String name, String mention) {
	}

	/** A sum of money in yuan; approximate for "十八万多", "二十几万". */
	public record Amount(String text, BigDecimal yuan, boolean approximate) {
	}

	public enum Precision {

		YEAR, MONTH, DAY

	}

	/** A date as written, resolved to its first day at the given precision. */
	public record DateMention(String text, LocalDate date, Precision precision) {
	}

	/** The first organisation named: the unit complained about when the matter is an accusation. */
	public String firstOrganization() {
		return organizations.isEmpty() ? null : organizations.get(0);
	}

	public String firstPerson() {
		return persons.isEmpty() ? null : persons.get(0);
	}

}
