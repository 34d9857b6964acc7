package com.xinfang.organization;

/**
 * An organisation that registers or handles matters.
 *
 * @param name the short name the console shows (市人力资源和社会保障局)
 * @param officialName the full name an official document is issued under (常德市人力资源和社会保障局)
 * @param documentCode the 机关代字 of its 信访 documents (常人社信, as in 常人社信〔2026〕12号)
 */
public record Unit(String code, String name, Kind kind, String regionCode, String parentCode, String officialName,
		String documentCode) {

	public enum Kind {

		/** 信访局: registers, transfers, supervises. */
		PETITION_BUREAU,
		/** a functional department (责任单位). */
		DEPARTMENT,
		/** 涉法涉诉联合受理中心. */
		JOINT_CENTER,
		/** 纪委监委: accusations against officials. */
		DISCIPLINE,
		/** a people's government office. */
		GOVERNMENT

	}

	public Unit {
		officialName = officialName == null || officialName.isBlank() ? name : officialName.strip();
		documentCode = documentCode == null || documentCode.isBlank() ? null : documentCode.strip();
	}

	/** A unit known by its short name only (tests, units not yet in the directory). */
	public Unit(String code, String name, Kind kind, String regionCode, String parentCode) {
		this(code, name, kind, regionCode, parentCode, null, null);
	}

	public boolean isPetitionBureau() {
		return kind == Kind.PETITION_BUREAU;
	}

}
