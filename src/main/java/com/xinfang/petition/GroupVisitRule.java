package com.xinfang.petition;

/**
 * 《信访工作条例》 Art 20: when many people raise the same matter in person they elect
 * representatives, no more than five. Changde treats a visit of five or more people as a 集体访.
 */
final class GroupVisitRule {

	static final int GROUP_SIZE = 5;

	static final int MAX_REPRESENTATIVES = 5;

	private GroupVisitRule() {
	}

}
