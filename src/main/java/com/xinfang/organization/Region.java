package com.xinfang.organization;

/**
 * A node of the region tree: city (430700), county or functional zone (6 digits), township
 * (9 digits), village or community (12 digits). A subtree is the set of codes sharing a prefix.
 */
public record Region(String code, String name, Level level, String parentCode) {

	public enum Level {

		CITY, COUNTY, ZONE, TOWNSHIP, VILLAGE

	}

	/** The code prefix that every region below this one shares. */
	public String subtreePrefix() {
		return subtreePrefix(code);
	}

	public static String subtreePrefix(String code) {
		if (code.length() == 6 && code.endsWith("00")) {
			return code.endsWith("0000") ? code.substring(0, 2) : code.substring(0, 4);
		}
		return code;
	}

	public boolean contains(String otherCode) {
		return otherCode != null && otherCode.startsWith(subtreePrefix());
	}

	/** The county-level code (first 6 digits) of this region; the city for the city itself. */
	public String countyCode() {
		return code.substring(0, 6);
	}

}
