package com.xinfang.publicity;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in publicity. The bureau (staff of a 信访局, and administrators) keeps the question
 * bank, sets exams and reviews flagged rounds; a 信访局 sees the exam results of every unit in its
 * region, leaders and administrators see all, a unit head sees the unit's own, anyone else their own.
 */
@Component
public class PublicityAccess {

	private final Directory directory;

	PublicityAccess(Directory directory) {
		this.directory = directory;
	}

	public boolean isBureau(Actor actor) {
		return actor != null && actor.isStaff()
				&& (actor.has(Role.ADMIN) || directory.unit(actor.unitCode()).map(Unit::isPetitionBureau).orElse(false));
	}

	public void requireBankEditor(Actor actor) {
		if (!isBureau(actor)) {
			throw new DomainException.Forbidden("只有信访局工作人员可以维护题库和考试");
		}
	}

	public void requireStaff(Actor actor) {
		if (actor == null || !actor.isStaff()) {
			throw new DomainException.Forbidden("只有工作人员可以参加普法学习和考试");
		}
	}

	/** The results a person may see: every unit (null), the units of a region (prefix), or one unit. */
	public ResultScope resultScope(Actor actor) {
		if (actor.hasAny(Role.ADMIN, Role.LEADER)) {
			return new ResultScope(null, null, null);
		}
		Unit unit = directory.unit(actor.unitCode()).orElse(null);
		if (unit != null && unit.isPetitionBureau()) {
			return new ResultScope(unit.parentCode() == null ? null : unit.regionCode(), null, null);
		}
		if (actor.has(Role.UNIT_HEAD) && actor.unitCode() != null) {
			return new ResultScope(null, actor.unitCode(), null);
		}
		return new ResultScope(null, null, actor.userId());
	}

	/** A filter on staff results: a region prefix of the unit, one unit, or one person. */
	public record ResultScope(String regionPrefix, String unitCode, Long userId) {

		public boolean all() {
			return regionPrefix == null && unitCode == null && userId == null;
		}

	}

}
