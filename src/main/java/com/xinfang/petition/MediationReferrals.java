package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 访调结合、调解先行: the petition's side of sending a matter to mediation. The mediation module calls
 * this public API (it never writes the petition's tables): the handling unit's referral is its
 * 调解 handling record (the RECORD act, with the version it saw), and the mediation's outcome comes
 * back as another 调解 record with its result. While a referral waits for its outcome the unit does not
 * draft the 处理意见书 ({@link #REPLY_WAITS_FOR_MEDIATION}): the outcome counts toward the reply.
 */
@Service
public class MediationReferrals {

	/** The rule's message: the reply waits for the mediation's outcome. */
	public static final String REPLY_WAITS_FOR_MEDIATION = "该事项已转调解，调解结果回告后再拟定处理意见书（访调结合、调解先行）";

	/** Outcome values of the 调解 records (the console shows the first two as 达成调解协议 / 未达成协议). */
	public static final String AGREED = "AGREED", NOT_AGREED = "NOT_AGREED", REFERRED = "REFERRED";

	private final PetitionQueries queries;

	private final PetitionActions actions;

	private final Petitions petitions;

	private final HandlingRecords records;

	private final History history;

	MediationReferrals(PetitionQueries queries, PetitionActions actions, Petitions petitions, HandlingRecords records, History history) {
		this.queries = queries;
		this.actions = actions;
		this.petitions = petitions;
		this.records = records;
		this.history = history;
	}

	/**
	 * Checks that the actor's unit may send the matter to mediation now: visible (else 404), not an
	 * accusation (Art 30: the accuser is never handed to a mediator), in handling and the actor may
	 * record handling on it (403/409), no referral already waiting.
	 */
	@Transactional(readOnly = true)
	public PetitionViews.PetitionView checkReferable(String number, Actor actor) {
		Petition p = queries.load(number, actor);
		if (p.kind() == Kind.ACCUSATION) {
			throw new DomainException.Conflict("检举控告类事项不转人民调解（条例第三十条）");
		}
		if (!actions.allowed(number, actor).contains(Action.RECORD) || p.status() != Status.ACCEPTED) {
			if (p.status() != Status.ACCEPTED) {
				throw new DomainException.Conflict("只有受理后办理中的信访事项可以转调解");
			}
			throw new DomainException.Forbidden("只有承办单位可以将信访事项转调解");
		}
		if (records.mediationPending(p.id())) {
			throw new DomainException.Conflict("该事项已转调解，尚待调解结果");
		}
		return queries.view(p, actor);
	}

	/** The referral, as the unit's 调解 handling record (guarded by the version the unit saw). */
	@Transactional
	public PetitionViews.PetitionView refer(String number, Integer version, String disputeNumber, String orgName, Actor actor) {
		checkReferable(number, actor);
		return actions.perform(number, version, new PetitionCommand.RecordHandling("MEDIATION",
				"已转" + orgName + "调解（纠纷编号" + disputeNumber + "），调解结果回告后再拟定处理意见", null,
				contact(disputeNumber, orgName), REFERRED, 0), actor);
	}

	/**
	 * The mediation's outcome, recorded on the matter by the mediation module for the mediator who
	 * concluded it (no act of the handling unit, no change of state). Recording the same outcome of the
	 * same dispute twice stores it once.
	 */
	@Transactional
	public void outcome(String number, String disputeNumber, String orgName, boolean agreed, String summary, Instant at, Actor mediator) {
		Petition p = petitions.findByNumber(number).orElseThrow(() -> new DomainException.NotFound("信访事项不存在"));
		String contact = contact(disputeNumber, orgName);
		String outcome = agreed ? AGREED : NOT_AGREED;
		String text = orgName + (agreed ? "调解达成协议：" : "调解未达成协议：") + summary;
		if (records.has(p.id(), "MEDIATION", contact, outcome, text)) {
			return;
		}
		records.add(p.id(), "MEDIATION", at, mediator, null, contact, text, outcome);
		history.record(p.id(), at, mediator.label(), Action.RECORD.name(), p.status(), p.status(), "调解结果回告（纠纷编号" + disputeNumber
				+ "）：" + (agreed ? "达成调解协议" : "未达成协议"), null);
	}

	/** The dispute's number names the referral: the organisation may change by escalation (三级治理). */
	private static String contact(String disputeNumber, String orgName) {
		return "纠纷编号" + disputeNumber;
	}

}
