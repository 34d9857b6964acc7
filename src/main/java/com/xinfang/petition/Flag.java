package com.xinfang.petition;

/**
 * What the bureau watches a matter for beyond its status: petitions that skip a level or go to
 * Beijing, and the "三跨三分离" matters (cross-region, cross-level, cross-department; person and
 * household, person and matter, person and place separated) that need coordination.
 */
public enum Flag {

	BEYOND_LEVEL("越级访"), TO_BEIJING("进京访"), CROSS_REGION("跨地区"), CROSS_LEVEL("跨层级"), CROSS_DEPARTMENT("跨部门"),
	PERSON_HOUSEHOLD_SEPARATED("人户分离"), PERSON_MATTER_SEPARATED("人事分离"), PERSON_PLACE_SEPARATED("人地分离");

	private final String label;

	Flag(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
