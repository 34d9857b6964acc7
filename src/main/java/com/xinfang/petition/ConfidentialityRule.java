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

	/**
	 * Whether sending the matter to this unit (or letting it accept) would hand the accusation to the
	 * accused: the unit chosen from the directory as the accused, or a unit the free text names, in
	 * full or abbreviated ("住建局" names 市住房和城乡建设局: its characters in order).
	 */
	static boolean wouldReachAccused(Kind kind, String accusedUnitCode, String accusedUnitText, Unit receiver) {
		if (kind != Kind.ACCUSATION || receiver == null) {
			return false;
		}
		if (receiver.code().equals(accusedUnitCode)) {
			return true;
		}
		return names(accusedUnitText, receiver.name());
	}

	/** Whether a free-text organisation names this unit, in full or by the usual abbreviation. */
	static boolean names(String text, String unitName) {
		if (text == null || text.isBlank()) {
			return false;
		}
		String accused = bare(text.strip());
		String name = bare(unitName);
		if (accused.length() < 2) {
			return false;
		}
		return accused.contains(name) || name.contains(accused) || inOrder(accused, name);
	}

	/** Without the city's name and the leading 市 that the directory's short names carry. */
	private static String bare(String name) {
		String s = name.startsWith("常德市") ? name.substring(3) : name.startsWith("常德") ? name.substring(2) : name;
		return s.startsWith("市") ? s.substring(1) : s;
	}

	/** Every character of the abbreviation appears in the name, in order, and both end the same (局, 委 …). */
	private static boolean inOrder(String abbreviation, String name) {
		if (abbreviation.charAt(abbreviation.length() - 1) != name.charAt(name.length() - 1)) {
			return false;
		}
		int at = 0;
		for (int i = 0; i < abbreviation.length(); i++) {
			at = name.indexOf(abbreviation.charAt(i), at);
			if (at < 0) {
				return false;
			}
			at++;
		}
		return true;
	}

}
