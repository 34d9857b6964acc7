package com.xinfang.console;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.petition.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Each role's queues: what is waiting for that person's act, by status. */
final class WorkQueues {

	record Definition(String labelKey, List<String> statusList) {

		String statuses() {
			return String.join(",", statusList);
		}

	}

	private WorkQueues() {
	}

	static List<Definition> forActor(Actor actor) {
		List<Definition> list = new ArrayList<>();
		if (actor.has(Role.REGISTRAR)) {
			list.add(new Definition("console.queue.registered", List.of("REGISTERED")));
			list.add(new Definition("console.queue.transferred", List.of("TRANSFERRED")));
		}
		if (actor.has(Role.UNIT_HEAD)) {
			// the head's own work first: the drafts waiting for their approval
			list.add(new Definition("console.queue.replyPending", List.of("REPLY_PENDING_APPROVAL")));
		}
		if (actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD)) {
			list.add(new Definition("console.queue.toAccept", List.of("TRANSFERRED")));
			list.add(new Definition("console.queue.accepted", List.of("ACCEPTED")));
		}
		if (actor.hasAny(Role.CASE_OFFICER, Role.UNIT_HEAD)) {
			list.add(new Definition("console.queue.replied", List.of("REPLIED")));
			list.add(new Definition("console.queue.delivered", List.of("DELIVERED")));
		}
		if (actor.has(Role.REVIEWER)) {
			list.add(new Definition("console.queue.closePending", List.of("CLOSE_PENDING_APPROVAL")));
			list.add(new Definition("console.queue.appeals", List.of("REEXAMINATION", "REVIEW")));
		}
		if (actor.hasAny(Role.SUPERVISOR, Role.LEADER, Role.ADMIN)) {
			list.add(new Definition("console.queue.open", names(Status.OPEN)));
		}
		list.add(new Definition("console.queue.closed", names(Status.CONCLUDED)));
		return list;
	}

	private static List<String> names(Collection<Status> statuses) {
		return Arrays.stream(Status.values()).filter(statuses::contains).map(Enum::name).toList();
	}

}
