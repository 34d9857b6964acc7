package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import org.springframework.stereotype.Component;

/**
 * 《信访工作条例》 Art 30 as one rule for every module that can link a person to a matter: only the
 * 信访部门 and 纪检监察 may know who an accuser is. Whoever else reads matters (a department, a unit
 * head, a leader) must not learn it, neither from the accusation itself nor through another matter:
 * no same-person flag, no duplicate or comparison across the accusation boundary, no 一人一档 entry,
 * no document addressed to the accuser, no history actor that names a citizen.
 *
 * <p>
 * Modules outside {@code petition} ask this class; they never re-state the rule.
 */
@Component
public class Confidentiality {

	private final Directory directory;

	Confidentiality(Directory directory) {
		this.directory = directory;
	}

	/** Whether the actor may know who the accuser of any accusation in their scope is. */
	public boolean mayIdentifyAccusers(Actor actor) {
		return actor.isStaff() && ConfidentialityRule.mayIdentifyPetitioners(Kind.ACCUSATION, actor,
				directory.unit(actor.unitCode()).orElse(null), null);
	}

	/**
	 * Whether a person may be linked between two matters for this actor: the same-person flag,
	 * 一人一档, duplicates and comparisons. An accusation is never linked to another matter, and
	 * two accusations are linked through their accuser only, for those who may identify accusers.
	 */
	public boolean mayLink(boolean accusation, boolean otherAccusation, Actor actor) {
		if (!accusation && !otherAccusation) {
			return true;
		}
		return mayIdentifyAccusers(actor);
	}

	/** Whether the matter of this kind may be paired at all (by text) with a matter of the other kind. */
	public boolean mayPair(boolean accusation, boolean otherAccusation, Actor actor) {
		return accusation == otherAccusation || mayIdentifyAccusers(actor);
	}

	/** How a citizen appears in a history or timeline: never by account, which would link matters. */
	public static String historyActor(String recorded) {
		return recorded != null && recorded.startsWith("citizen:") ? "信访人" : recorded;
	}

}
