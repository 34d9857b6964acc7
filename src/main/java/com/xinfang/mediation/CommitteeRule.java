package com.xinfang.mediation;

import com.xinfang.platform.DomainException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * 《中华人民共和国人民调解法》第八条: 人民调解委员会由委员三至九人组成，设主任一人，必要时，可以设副主任若干人。
 * 人民调解委员会应当有妇女成员. Applies to the committees (kind 人民调解); mediators who are not
 * committee members (聘任的人民调解员, position MEDIATOR) do not count.
 */
final class CommitteeRule {

	static final int MIN_MEMBERS = 3;

	static final int MAX_MEMBERS = 9;

	private CommitteeRule() {
	}

	/** A committee member as the rule sees them. */
	record Seat(String position, String gender) {

		boolean isCommitteeMember() {
			return !"MEDIATOR".equals(position);
		}

	}

	static List<FieldProblem> problems(OrgKind kind, List<Seat> seats) {
		List<FieldProblem> problems = new ArrayList<>();
		if (kind != OrgKind.PEOPLES) {
			return problems;
		}
		List<Seat> members = seats.stream().filter(Seat::isCommitteeMember).toList();
		if (members.size() < MIN_MEMBERS || members.size() > MAX_MEMBERS) {
			problems.add(new FieldProblem("members", "人民调解委员会由委员三至九人组成（人民调解法第八条），现为" + members.size() + "人"));
		}
		long chairs = members.stream().filter(m -> "CHAIR".equals(m.position())).count();
		if (chairs != 1) {
			problems.add(new FieldProblem("members", "人民调解委员会设主任一人（人民调解法第八条），现为" + chairs + "人"));
		}
		if (members.stream().noneMatch(m -> "F".equals(m.gender()))) {
			problems.add(new FieldProblem("members", "人民调解委员会应当有妇女成员（人民调解法第八条）"));
		}
		return problems;
	}

}
