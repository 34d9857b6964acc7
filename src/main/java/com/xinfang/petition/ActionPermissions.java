package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may take which act on a matter, as one named rule used both to refuse (403) and to show
 * a person only the actions they may take now. The matter must already be in the actor's scope.
 */
@Component
class ActionPermissions {

	private final Directory directory;

	ActionPermissions(Directory directory) {
		this.directory = directory;
	}

	Set<Action> allowed(Actor actor, Petition p) {
		Set<Action> possible = Lifecycle.actionsFrom(p.status());
		Set<Action> mine = EnumSet.noneOf(Action.class);
		for (Action a : possible) {
			if (applies(p, a) && may(actor, p, a)) {
				mine.add(a);
			}
		}
		return mine;
	}

	/**
	 * Whether the act makes sense for this matter now, beyond its status: the re-check only after an
	 * unsatisfied rating, 复查 only after delivery and before a 复查意见, 复核 only after one (the
	 * acts themselves refuse otherwise; this keeps such forms off the pages).
	 */
	static boolean applies(Petition p, Action action) {
		return switch (action) {
			case RECHECK -> p.recheckPending();
			case REQUEST_REEXAMINATION -> p.deliveredAt() != null && p.reexaminationDecidedAt() == null;
			case REQUEST_REVIEW -> p.reexaminationDecidedAt() != null;
			default -> true;
		};
	}

	boolean may(Actor actor, Petition p, Action action) {
		if (actor.isCitizen()) {
			boolean owner = p.citizenUserId() != null && p.citizenUserId() == actor.userId();
			return owner && EnumSet.of(Action.RATE, Action.REQUEST_REEXAMINATION, Action.REQUEST_REVIEW).contains(action);
		}
		Unit unit = directory.unit(actor.unitCode()).orElse(null);
		boolean bureau = unit != null && unit.isPetitionBureau();
		boolean ownUnit = actor.unitCode() != null && actor.unitCode().equals(p.responsibleUnitCode());
		boolean bureauHandles = bureau && (p.responsibleUnitCode() == null || ownUnit);
		boolean handler = ownUnit && actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD)
				|| bureauHandles && ownUnit && actor.has(Role.REGISTRAR);
		boolean head = ownUnit && (actor.has(Role.UNIT_HEAD) || bureau && actor.has(Role.REVIEWER));
		// one owner at the desk: a matter filed online goes to the bureau of its region; another bureau
		// that sees it (the city sees its counties) leaves it to that one (issue 14)
		boolean desk = bureau && actor.has(Role.REGISTRAR) && (p.citizenUserId() == null || p.registeringUnitCode() == null
				|| p.registeringUnitCode().equals(actor.unitCode()));
		return switch (action) {
			case CLASSIFY, TRANSFER, ASSIGN, MERGE -> desk;
			case ACCEPT, REJECT, DIVERT -> p.status() == Status.REGISTERED ? desk : handler;
			case OBJECT -> handler && !bureau;
			case EXTEND -> head;
			case RECORD -> p.status() == Status.REEXAMINATION || p.status() == Status.REVIEW ? bureau && actor.has(Role.REVIEWER)
					: handler || head;
			case REPLY, DELIVER, VISIT_BACK, RECHECK -> handler || head;
			case APPROVE, RETURN -> p.status() == Status.REPLY_PENDING_APPROVAL ? head : bureau && actor.has(Role.REVIEWER);
			// In demo mode the city bureau's reviewer acts as the higher body (api-contract.md).
			case DECIDE -> bureau && actor.has(Role.REVIEWER);
			case REQUEST_REEXAMINATION, REQUEST_REVIEW -> bureau && actor.has(Role.REGISTRAR);
			case RATE -> false;
		};
	}

}
