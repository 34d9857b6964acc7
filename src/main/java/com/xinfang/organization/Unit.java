package com.xinfang.organization;

/** An organisation that registers or handles matters. */
public record Unit(String code, String name, Kind kind, String regionCode, String parentCode) {

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

	public boolean isPetitionBureau() {
		return kind == Kind.PETITION_BUREAU;
	}

}
