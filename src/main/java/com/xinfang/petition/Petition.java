package com.xinfang.petition;

import com.xinfang.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A 信访事项: what one or more petitioners brought to the government, from registration (Art 17,
 * 19) to closure or 终结. The status changes only through methods named after the act, each of
 * which checks the current state.
 */
@Table("petition")
class Petition {

	@Id
	private Long id;

	private final String number;

	private final String queryCodeHash;

	private Status status;

	private final Channel channel;

	/** The statutory clock starts on receipt, not on typing (Art 22). */
	private final Instant receivedAt;

	private final Instant registeredAt;

	private String regionCode;

	private String categoryCode;

	private Kind kind;

	private Complexity complexity;

	private LegalChannel legalChannel;

	private final String title;

	private final String content;

	private final int personCount;

	private final boolean groupVisit;

	private boolean firstTime;

	private String accusedUnit;

	/** The accused unit chosen from the directory, when the accused is one (Art 30 keeps the matter away from it). */
	private String accusedUnitCode;

	private String accusedPerson;

	private String responsibleUnitCode;

	private final String registeringUnitCode;

	private final Long registeredBy;

	private final Long citizenUserId;

	private String duplicateOf;

	private LocalDate acceptTarget;

	private LocalDate acceptStatutory;

	private LocalDate handleTarget;

	private LocalDate handleStatutory;

	@MappedCollection(idColumn = "petition_id", keyColumn = "seq")
	private final List<Petitioner> petitioners;

	@Version
	private int version;

	// Lifecycle state, filled by Spring Data through the fields (not in the creator).
	private Instant routedAt;

	private String routedByUnitCode;

	private Routing routing;

	private Instant acceptedAt;

	private int extendedDays;

	private Result result;

	private String opinion;

	private Instant repliedAt;

	private Instant deliveredAt;

	private Satisfaction satisfaction;

	private boolean recheckPending;

	private Instant appealRequestedAt;

	private Result reexaminationResult;

	private Instant reexaminationDecidedAt;

	private Result reviewResult;

	private Instant closedAt;

	/** 转送 (transfer, the unit handles and answers the petitioner) or 交办 (assignment, with a report back). */
	enum Routing {

		TRANSFER, ASSIGN

	}

	/** Moves along the legal table, or refuses with a 409. */
	private Status move(Action action, Status to) {
		Status from = status;
		if (!Lifecycle.allows(action, from, to)) {
			throw new DomainException.Conflict(
					"当前状态为「" + from.label() + "」，不能执行「" + action.label() + "」");
		}
		status = to;
		return from;
	}

	private void requireIn(Action action) {
		if (!Lifecycle.sources(action).contains(status)) {
			throw new DomainException.Conflict(
					"当前状态为「" + status.label() + "」，不能执行「" + action.label() + "」");
		}
	}

	/** 分类 (Art 27–31): content category, kind, complexity; the accept clocks follow the complexity. */
	Status classify(String categoryCode, Kind kind, Complexity complexity, LocalDate acceptTarget) {
		requireIn(Action.CLASSIFY);
		this.categoryCode = categoryCode;
		this.kind = kind;
		this.complexity = complexity;
		if (acceptTarget != null) {
			this.acceptTarget = acceptTarget;
		}
		return move(Action.CLASSIFY, status);
	}

	/** The accused unit named at 分类 (a directory unit, or words for an organisation outside it). */
	void nameAccused(String unitCode, String unitText) {
		this.accusedUnitCode = unitCode;
		this.accusedUnit = unitText;
	}

	/**
	 * Art 30: a matter classified as an accusation while it sits with the unit it accuses is taken
	 * back by the bureau that sent it; that unit no longer sees it.
	 */
	Status withdrawFromAccused() {
		Status from = move(Action.CLASSIFY, Status.REGISTERED);
		this.responsibleUnitCode = null;
		this.routing = null;
		return from;
	}

	/** 转送/交办 (Art 22): the receiving unit now has the acceptance clocks. */
	Status route(Routing how, String unitCode, String fromUnitCode, Instant at, LocalDate acceptTarget,
			LocalDate acceptStatutory) {
		Status from = move(how == Routing.TRANSFER ? Action.TRANSFER : Action.ASSIGN, Status.TRANSFERRED);
		this.routing = how;
		this.responsibleUnitCode = unitCode;
		this.routedByUnitCode = fromUnitCode;
		this.routedAt = at;
		this.acceptTarget = acceptTarget;
		this.acceptStatutory = acceptStatutory;
		return from;
	}

	/** The receiving unit objects within the window (Art 23): the matter returns to the sender. */
	Status objectToRouting(LocalDate today, LocalDate objectionDeadline) {
		requireIn(Action.OBJECT);
		if (objectionDeadline != null && today.isAfter(objectionDeadline)) {
			throw new DomainException.Conflict("已超过提出异议的期限（" + objectionDeadline + "），应当受理办理");
		}
		Status from = move(Action.OBJECT, Status.REGISTERED);
		this.responsibleUnitCode = null;
		this.routing = null;
		return from;
	}

	/** 受理 (Art 23): the handling clocks start. */
	Status accept(String handlingUnitCode, Instant at, LocalDate handleTarget, LocalDate handleStatutory) {
		Status from = move(Action.ACCEPT, Status.ACCEPTED);
		if (this.responsibleUnitCode == null) {
			this.responsibleUnitCode = handlingUnitCode;
		}
		this.acceptedAt = at;
		this.handleTarget = handleTarget;
		this.handleStatutory = handleStatutory;
		return from;
	}

	/** 不予受理 (Art 23), optionally naming the statutory channel. */
	Status reject(LegalChannel channel, Instant at) {
		Status from = move(Action.REJECT, Status.NOT_ACCEPTED);
		this.legalChannel = channel;
		this.closedAt = at;
		return from;
	}

	/** 导入法定途径 (Art 31): litigation, arbitration, reconsideration... */
	Status divert(LegalChannel channel, Instant at) {
		if (channel == null) {
			throw new DomainException.Invalid("legalChannel", "请选择法定途径");
		}
		Status from = move(Action.DIVERT, Status.DIVERTED);
		this.legalChannel = channel;
		this.closedAt = at;
		return from;
	}

	/** A repeat of an earlier matter (Art 19): linked, not handled again. */
	Status mergeInto(String originalNumber, Instant at) {
		if (originalNumber == null || originalNumber.equals(number)) {
			throw new DomainException.Invalid("into", "请指定要合并到的原信访事项");
		}
		Status from = move(Action.MERGE, Status.MERGED);
		this.duplicateOf = originalNumber;
		this.firstTime = false; // a confirmed repeat counts in the repeat rate
		this.closedAt = at;
		return from;
	}

	/** The one extension (Art 34): at most 30 days, once. */
	Status extend(int days, LocalDate newHandleStatutory) {
		requireIn(Action.EXTEND);
		if (extendedDays > 0) {
			throw new DomainException.Conflict("该事项已延期一次，依据条例第三十四条不得再次延期");
		}
		if (days < 1 || days > ExtensionRule.MAX_DAYS) {
			throw new DomainException.Invalid("days", "延期天数应为1至30日（条例第三十四条）");
		}
		this.extendedDays = days;
		this.handleStatutory = newHandleStatutory;
		return move(Action.EXTEND, Status.ACCEPTED);
	}

	Status recordHandling() {
		return move(Action.RECORD, Status.ACCEPTED);
	}

	/**
	 * A hearing during 复查 or 复核: its days do not count towards the 30-day decision limit
	 * (Art 35: 听证所需时间不计算在规定的时间内), so the decision's due date moves by them.
	 */
	Status recordAppealHearing(int hearingDays, UnaryOperator<LocalDate> shift) {
		if (status != Status.REEXAMINATION && status != Status.REVIEW) {
			throw new DomainException.Conflict("只有复查、复核期间的听证才扣除听证时间");
		}
		if (hearingDays < 1 || hearingDays > 90) {
			throw new DomainException.Invalid("days", "请填写听证所用天数（1至90日）");
		}
		this.handleTarget = shift.apply(handleTarget);
		this.handleStatutory = shift.apply(handleStatutory);
		return move(Action.RECORD, status);
	}

	/** The draft 信访处理意见书 (Art 32), waiting for the unit head. */
	Status reply(Result result, String opinion, Instant at) {
		if (result == null) {
			throw new DomainException.Invalid("result", "请选择处理结果：支持、解释说明或不予支持");
		}
		if (opinion == null || opinion.strip().length() < 10) {
			throw new DomainException.Invalid("opinion", "请填写处理意见（不少于10字）");
		}
		Status from = move(Action.REPLY, Status.REPLY_PENDING_APPROVAL);
		this.result = result;
		this.opinion = opinion.strip();
		this.repliedAt = at;
		return from;
	}

	/** 双审核: the unit head approves the reply, or the bureau's reviewer approves closure. */
	Status approve(Instant at) {
		if (status == Status.CLOSE_PENDING_APPROVAL && recheckPending) {
			throw new DomainException.Conflict("群众评价为不满意，须先完成复核查，才能审核办结");
		}
		Status to = status == Status.REPLY_PENDING_APPROVAL ? Status.REPLIED : Status.CLOSED;
		Status from = move(Action.APPROVE, to);
		if (to == Status.CLOSED) {
			this.closedAt = at;
		}
		return from;
	}

	Status returnForRework() {
		return move(Action.RETURN, Status.ACCEPTED);
	}

	/** 送达: the petitioner has the written opinion; the 复查 window starts (Art 35). */
	Status deliver(Instant deliveredAt) {
		Status from = move(Action.DELIVER, Status.DELIVERED);
		this.deliveredAt = deliveredAt;
		return from;
	}

	/** 回访: an unsatisfied petitioner opens a re-check before closure can be approved. */
	Status recordVisitBack(Satisfaction satisfaction) {
		if (satisfaction == null) {
			throw new DomainException.Invalid("satisfaction", "请选择满意度");
		}
		Status from = move(Action.VISIT_BACK, Status.CLOSE_PENDING_APPROVAL);
		this.satisfaction = satisfaction;
		this.recheckPending = satisfaction == Satisfaction.UNSATISFIED;
		return from;
	}

	/** The petitioner's own rating online; an unsatisfied rating also asks for a re-check. */
	Status rate(Satisfaction satisfaction) {
		requireIn(Action.RATE);
		if (satisfaction == null) {
			throw new DomainException.Invalid("satisfaction", "请选择满意度");
		}
		this.satisfaction = satisfaction;
		if (satisfaction == Satisfaction.UNSATISFIED && status != Status.CLOSED) {
			this.recheckPending = true;
		}
		return move(Action.RATE, status);
	}

	/** The re-check after an unsatisfied rating: keep the answer, or handle again. */
	Status recheck(boolean rehandle) {
		if (!recheckPending) {
			throw new DomainException.Conflict("没有待复核查的不满意评价");
		}
		Status from = move(Action.RECHECK, rehandle ? Status.ACCEPTED : Status.CLOSE_PENDING_APPROVAL);
		this.recheckPending = false;
		return from;
	}

	/** 复查 request (Art 35): within the window after delivery, not after 终结. */
	Status requestReexamination(LocalDate today, LocalDate windowEnd, Instant at, LocalDate decisionDue) {
		requireIn(Action.REQUEST_REEXAMINATION);
		if (deliveredAt == null) {
			throw new DomainException.Conflict("处理意见书送达后才能申请复查");
		}
		if (reexaminationDecidedAt != null) {
			throw new DomainException.Conflict("已作出复查意见，如不服可申请复核");
		}
		return appeal(Action.REQUEST_REEXAMINATION, Status.REEXAMINATION, today, windowEnd, "收到处理意见书", at, decisionDue);
	}

	/** 复核 request (Art 36): only after a 复查 decision, within its window. */
	Status requestReview(LocalDate today, LocalDate windowEnd, Instant at, LocalDate decisionDue) {
		requireIn(Action.REQUEST_REVIEW);
		if (reexaminationDecidedAt == null) {
			throw new DomainException.Conflict("须先经复查，才能申请复核");
		}
		return appeal(Action.REQUEST_REVIEW, Status.REVIEW, today, windowEnd, "收到复查意见", at, decisionDue);
	}

	/** Within the 30-day window the request opens the higher body's decision clock. */
	private Status appeal(Action action, Status to, LocalDate today, LocalDate windowEnd, String from, Instant at,
			LocalDate decisionDue) {
		if (today.isAfter(windowEnd)) {
			throw new DomainException.Conflict(
					"已超过申请" + action.label().substring(2) + "的期限（" + from + "之日起30日，至" + windowEnd + "）");
		}
		Status was = move(action, to);
		this.appealRequestedAt = at;
		this.handleTarget = decisionDue;
		this.handleStatutory = decisionDue;
		return was;
	}

	/** The higher body's 复查意见 (→ 办结) or 复核意见 (→ 终结). */
	Status decide(Result decision, Instant at) {
		if (decision == null) {
			throw new DomainException.Invalid("result", "请选择复查/复核结论");
		}
		if (status == Status.REEXAMINATION) {
			Status from = move(Action.DECIDE, Status.CLOSED);
			this.reexaminationResult = decision;
			this.reexaminationDecidedAt = at;
			this.closedAt = at;
			return from;
		}
		Status from = move(Action.DECIDE, Status.FINAL);
		this.reviewResult = decision;
		this.closedAt = at;
		return from;
	}

	Instant routedAt() {
		return routedAt;
	}

	String routedByUnitCode() {
		return routedByUnitCode;
	}

	Routing routing() {
		return routing;
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	int extendedDays() {
		return extendedDays;
	}

	Result result() {
		return result;
	}

	String opinion() {
		return opinion;
	}

	Instant deliveredAt() {
		return deliveredAt;
	}

	Satisfaction satisfaction() {
		return satisfaction;
	}

	boolean recheckPending() {
		return recheckPending;
	}

	Instant reexaminationDecidedAt() {
		return reexaminationDecidedAt;
	}

	Result reexaminationResult() {
		return reexaminationResult;
	}

	Result reviewResult() {
		return reviewResult;
	}

	Instant closedAt() {
		return closedAt;
	}

	@PersistenceCreator
	Petition(Long id, String number, String queryCodeHash, Status status, Channel channel, Instant receivedAt,
			Instant registeredAt, String regionCode, String categoryCode, Kind kind, Complexity complexity,
			LegalChannel legalChannel, String title, String content, int personCount, boolean groupVisit,
			boolean firstTime, String accusedUnit, String accusedUnitCode, String accusedPerson, String responsibleUnitCode,
			String registeringUnitCode, Long registeredBy, Long citizenUserId, String duplicateOf,
			LocalDate acceptTarget, LocalDate acceptStatutory, LocalDate handleTarget, LocalDate handleStatutory,
			List<Petitioner> petitioners, int version) {
		this.id = id;
		this.number = number;
		this.queryCodeHash = queryCodeHash;
		this.status = status;
		this.channel = channel;
		this.receivedAt = receivedAt;
		this.registeredAt = registeredAt;
		this.regionCode = regionCode;
		this.categoryCode = categoryCode;
		this.kind = kind;
		this.complexity = complexity;
		this.legalChannel = legalChannel;
		this.title = title;
		this.content = content;
		this.personCount = personCount;
		this.groupVisit = groupVisit;
		this.firstTime = firstTime;
		this.accusedUnit = accusedUnit;
		this.accusedUnitCode = accusedUnitCode;
		this.accusedPerson = accusedPerson;
		this.responsibleUnitCode = responsibleUnitCode;
		this.registeringUnitCode = registeringUnitCode;
		this.registeredBy = registeredBy;
		this.citizenUserId = citizenUserId;
		this.duplicateOf = duplicateOf;
		this.acceptTarget = acceptTarget;
		this.acceptStatutory = acceptStatutory;
		this.handleTarget = handleTarget;
		this.handleStatutory = handleStatutory;
		this.petitioners = new ArrayList<>(petitioners == null ? List.of() : petitioners);
		this.version = version;
	}

	/** Registration (登记): the matter exists, with its number, and waits for classification and routing. */
	static Petition register(String number, String queryCodeHash, Channel channel, Instant receivedAt,
			Instant registeredAt, String regionCode, String categoryCode, Kind kind, Complexity complexity,
			String title, String content, int personCount, boolean firstTime, String accusedUnit,
			String accusedUnitCode, String accusedPerson, String registeringUnitCode, Long registeredBy, Long citizenUserId,
			List<Petitioner> petitioners, LocalDate acceptTarget, LocalDate acceptStatutory) {
		return new Petition(null, number, queryCodeHash, Status.REGISTERED, channel, receivedAt, registeredAt,
				regionCode, categoryCode, kind, complexity, null, title, content, personCount,
				personCount >= GroupVisitRule.GROUP_SIZE, firstTime, accusedUnit, accusedUnitCode, accusedPerson, null,
				registeringUnitCode, registeredBy, citizenUserId, null, acceptTarget, acceptStatutory, null, null,
				petitioners, 0);
	}

	Long id() {
		return id;
	}

	/** The row written by {@link NewPetitions}: its key, and the version Spring Data gives a first save. */
	void stored(long id, int version) {
		this.id = id;
		this.version = version;
	}

	Long registeredBy() {
		return registeredBy;
	}

	String number() {
		return number;
	}

	String queryCodeHash() {
		return queryCodeHash;
	}

	Status status() {
		return status;
	}

	Channel channel() {
		return channel;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Instant registeredAt() {
		return registeredAt;
	}

	String regionCode() {
		return regionCode;
	}

	String categoryCode() {
		return categoryCode;
	}

	Kind kind() {
		return kind;
	}

	Complexity complexity() {
		return complexity;
	}

	LegalChannel legalChannel() {
		return legalChannel;
	}

	String title() {
		return title;
	}

	String content() {
		return content;
	}

	int personCount() {
		return personCount;
	}

	boolean groupVisit() {
		return groupVisit;
	}

	boolean firstTime() {
		return firstTime;
	}

	String accusedUnit() {
		return accusedUnit;
	}

	String accusedUnitCode() {
		return accusedUnitCode;
	}

	String accusedPerson() {
		return accusedPerson;
	}

	String responsibleUnitCode() {
		return responsibleUnitCode;
	}

	String registeringUnitCode() {
		return registeringUnitCode;
	}

	Long citizenUserId() {
		return citizenUserId;
	}

	String duplicateOf() {
		return duplicateOf;
	}

	LocalDate acceptTarget() {
		return acceptTarget;
	}

	LocalDate acceptStatutory() {
		return acceptStatutory;
	}

	LocalDate handleTarget() {
		return handleTarget;
	}

	LocalDate handleStatutory() {
		return handleStatutory;
	}

	List<Petitioner> petitioners() {
		return List.copyOf(petitioners);
	}

	int version() {
		return version;
	}

}
