package com.xinfang.notification;

import com.xinfang.identity.SmsOutbox;
import com.xinfang.petition.PetitionContacts;
import com.xinfang.petition.PetitionMoved;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the petitioner an SMS at each public milestone. Runs after the act commits, from the
 * event publication registry, so a message is retried after a crash rather than lost.
 */
@Component
class MilestoneNotifier {

	static final Map<String, String> TEXTS = Map.of(
			"转交", "已转交有权处理的单位办理",
			"受理告知", "已受理，将依法在规定期限内办理",
			"不予受理告知", "经审查不予受理，理由和救济途径见告知书",
			"导入法定途径", "属于应当通过法定途径解决的事项，请按告知书所列途径办理",
			"延期告知", "办理期限依法延长，理由见延期告知书",
			"意见书", "已出具信访处理意见书",
			"送达", "处理意见书已送达，如不服可在30日内申请复查",
			"复查意见", "复查意见已作出，如不服可在30日内申请复核",
			"复核意见", "复核意见已作出，本事项依法终结",
			"办结", "已办结，感谢您的监督");

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
	void on(PetitionMoved moved) {
		String text = moved.milestone() == null ? null : TEXTS.get(moved.milestone());
		if (text == null) {
			return;
		}
		contacts.mobileOfFirstPetitioner(moved.number())
			.ifPresent(phone -> sms.queueOnce(dedupeKey(moved), phone,
					"【常德信访】您的信访事项" + moved.number() + text + "。可凭信访编号和查询码查询详情。"));
	}

	static String dedupeKey(PetitionMoved moved) {
		return "milestone:" + moved.number() + ":" + moved.milestone() + ":" + moved.at();
	}

}
