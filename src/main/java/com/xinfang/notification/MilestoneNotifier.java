package com.xinfang.notification;

import com.xinfang.identity.SmsOutbox;
import com.xinfang.petition.PetitionContacts;
import com.xinfang.petition.Milestone;
import com.xinfang.petition.PetitionEvent;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the petitioner an SMS at each public milestone. Runs after the act commits, from the
 * event publication registry, so a message is retried after a crash rather than lost.
 */
@Component
class MilestoneNotifier {

	/** The milestones the petitioner is texted about (复查/复核 requests are the petitioner's own acts: none). */
	static final Map<Milestone, String> TEXTS = new EnumMap<>(Map.of(
			Milestone.TRANSFERRED, "已转交有权处理的单位办理",
			Milestone.ACCEPTED, "已受理，将依法在规定期限内办理",
			Milestone.NOT_ACCEPTED, "经审查不予受理，理由和救济途径见告知书",
			Milestone.DIVERTED, "属于应当通过法定途径解决的事项，请按告知书所列途径办理",
			Milestone.EXTENDED, "办理期限依法延长，理由见延期告知书",
			Milestone.OPINION_ISSUED, "已出具信访处理意见书",
			Milestone.DELIVERED, "处理意见书已送达，如不服可在30日内申请复查",
			Milestone.REEXAMINATION_DECIDED, "复查意见已作出，如不服可在30日内申请复核",
			Milestone.REVIEW_DECIDED, "复核意见已作出，本事项依法终结",
			Milestone.CLOSED, "已办结，感谢您的监督"));

	private final PetitionContacts contacts;

	private final SmsOutbox sms;

	MilestoneNotifier(PetitionContacts contacts, SmsOutbox sms) {
		this.contacts = contacts;
		this.sms = sms;
	}

	/**
	 * Idempotent: the registry may deliver an event again (a crash between this transaction's commit
	 * and the publication's completion, or a resubmission of a stale one), so each milestone's message
	 * has a key (number, milestone, time of the act) and a repeat queues nothing.
	 */
	@ApplicationModuleListener
	void on(PetitionEvent moved) {
		String text = moved.milestone() == null ? null : TEXTS.get(moved.milestone());
		if (text == null) {
			return;
		}
		contacts.mobileOfFirstPetitioner(moved.number())
			.ifPresent(phone -> sms.queueOnce(dedupeKey(moved), phone,
					"【常德信访】您的信访事项" + moved.number() + text + "。可凭信访编号和查询码查询详情。"));
	}

	/** The key as before the milestone was typed (its label), so a redelivered older event is still a repeat. */
	static String dedupeKey(PetitionEvent moved) {
		return "milestone:" + moved.number() + ":" + moved.milestone().label() + ":" + moved.at();
	}

}
