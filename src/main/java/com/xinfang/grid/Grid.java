package com.xinfang.grid;

/**
 * A 网格: the smallest unit of the region tree, below a village or community. Its code is the
 * village's 12-digit code followed by three digits.
 */
public record Grid(String code, String name, String villageCode, String villageName, int households, String boundary) {

	public String townshipCode() {
		return villageCode.substring(0, 9);
	}

	public String countyCode() {
		return villageCode.substring(0, 6);
	}

	/** True when the code is a grid code under the given village (village code + three digits). */
	public static boolean isGridCode(String code) {
		return code != null && code.matches("\\d{15}");
	}

}
