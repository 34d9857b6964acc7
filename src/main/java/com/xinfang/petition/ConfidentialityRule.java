package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Unit;

/**
 * 《信访工作条例》 Art 30 (and Art 46(5) for its breach): the identity and material of a person who
 * accuses officials must not reach the accused. In an accusation (检举控告类) only the 信访部门 and
 * the discipline inspection body (纪检监察) see who the accuser is; every other unit sees the
 * matter without the accuser, and the matter is never sent to the unit it accuses.
 */
final class ConfidentialityRule {

	static final String HIDDEN = "（检举人信息依法保密）";

	private ConfidentialityRule() {
	}

	static boolean mayIdentifyPetitioners(Kind kind, Actor actor, Unit actorUnit, Long ownerUserId) {
		if (kind != Kind.ACCUSATION) {
			return true;
		}
		if (actor.isCitizen()) {
			return ownerUserId != null && ownerUserId == actor.userId();
		}
		return actorUnit != null
				&& (actorUnit.kind() == Unit.Kind.PETITION_BUREAU || actorUnit.kind() == Unit.Kind.DISCIPLINE);
	}

	/** Whether sending the matter to this unit would hand the accusation to the accused. */
	static boolean wouldReachAccused(Kind kind, String accusedUnit, Unit receiver) {
		if (kind != Kind.ACCUSATION || accusedUnit == null || accusedUnit.isBlank()) {
			return false;
		}
		String accused = accusedUnit.strip();
		String name = receiver.name();
		String bare = name.startsWith("市") ? name.substring(1) : name;
		return accused.contains(name) || accused.contains(bare) || name.contains(accused);
	}

}
