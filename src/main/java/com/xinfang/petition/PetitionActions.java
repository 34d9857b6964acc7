package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle's use cases: one transaction per act. Each act checks the actor's right (403),
 * the optimistic-lock version and the state (409), moves the aggregate, records the history
 * and publishes {@link PetitionMoved}.
 */
@Service
public class PetitionActions {

	private static final Logger log = LoggerFactory.getLogger(PetitionActions.class);

	private final Petitions petitions;

	private final PetitionQueries queries;

	private final ActionPermissions permissions;

	private final PetitionClocks clocks;

	private final RepeatRule repeats;

	private final History history;

	private final HandlingRecords records;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PublicLookup lookup;

	private final DocumentIssuer documents;

	private final TransactionTemplate transactions;

	private final List<RegistrationAdvisor> advisors;

	PetitionActions(List<RegistrationAdvisor> advisors, TransactionTemplate transactions, DocumentIssuer documents, PublicLookup lookup, Petitions petitions, PetitionQueries queries, ActionPermissions permissions, PetitionClocks clocks,
			RepeatRule repeats, History history, HandlingRecords records, Directory directory,
			ApplicationEventPublisher events, Clock clock) {
		this.advisors = advisors;
		this.transactions = transactions;
		this.documents = documents;
		this.lookup = lookup;
		this.petitions = petitions;
		this.queries = queries;
		this.permissions = permissions;
		this.clocks = clocks;
		this.repeats = repeats;
		this.history = history;
		this.records = records;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/** The acts the actor may take on the matter now (for the case page's action panel). */
	@Transactional(readOnly = true)
	public Set<Action> allowed(String number, Actor actor) {
		return permissions.allowed(actor, queries.load(number, actor));
	}

	@Transactional
	public PetitionViews.PetitionView perform(String number, Integer version, PetitionCommand cmd, Actor actor) {
		var view = performAt(number, version, cmd, actor, clock.instant());
		if (cmd instanceof PetitionCommand.Classify c && c.categoryCode() != null) {
			// a registrar's 分类 is a label the classifier learns from (imports and demo data are not)
			advisors.forEach(a -> a.classified(view.number(), view.title(), view.content(), c.categoryCode(),
					c.kind() == null ? null : c.kind().name(), actor));
		}
		return view;
	}

	/**
	 * An act recorded with the time it happened: for importing the history of matters from an
	 * earlier system and for demo data. Never exposed over HTTP.
	 */
	@Transactional
	public PetitionViews.PetitionView performAt(String number, Integer version, PetitionCommand cmd, Actor actor, Instant at) {
		Action action = cmd.action();
		Petition p = queries.load(number, actor);
		if (!permissions.may(actor, p, action)) {
			log.warn("refused {} on {} for {}", action, number, actor.label());
			throw new DomainException.Forbidden("您无权对该事项执行「" + action.label() + "」");
		}
		if (version == null) {
			throw new DomainException.Invalid("version", "缺少版本号 version");
		}
		if (version != p.version()) {
			throw new DomainException.Conflict("该信访事项已被他人修改（版本 " + p.version() + "），请刷新后重试");
		}
		move(p, cmd, actor, actor.label(), at);
		return queries.view(p, actor);
	}

	/**
	 * The petitioner's own acts (rating, 复查/复核 requests) by whoever holds the number and the
	 * query code: possession of the code stands for the petitioner (api-contract.md, public calls).
	 * The code is checked before the act's transaction, so a failure is counted without holding a
	 * second database connection.
	 */
	public PublicLookupResult performAsPetitioner(String number, String queryCode, String clientAddress,
			PetitionCommand cmd) {
		if (!(cmd instanceof PetitionCommand.Rate || cmd instanceof PetitionCommand.RequestReexamination
				|| cmd instanceof PetitionCommand.RequestReview)) {
			throw new DomainException.Forbidden("信访人不能执行该操作");
		}
		String verified = lookup.verified(number, queryCode, clientAddress).number();
		return transactions.execute(status -> {
			Petition p = petitions.findByNumber(verified).orElseThrow();
			move(p, cmd, PETITIONER, "信访人", clock.instant());
			return new PublicLookupResult(p.number(), p.status().name());
		});
	}

	public record PublicLookupResult(String number, String status) {
	}

	private static final Actor PETITIONER = new Actor(0, "petitioner", "信访人", Actor.Kind.CITIZEN, null, null,
			Set.of(Role.CITIZEN), DataScope.none());

	private void move(Petition p, PetitionCommand cmd, Actor actor, String label, Instant now) {
		Action action = cmd.action();
		Step step = apply(p, cmd, actor, now);
		petitions.save(p);
		documents.issueFor(p, cmd, actor, now);
		PetitionEvent event = step.event() != null ? step.event()
				: new PetitionMoved(p.number(), action, step.from(), p.status(), step.milestone(), now);
		Milestone milestone = event.milestone();
		history.record(p.id(), now, label, action.name(), step.from(), p.status(), step.note(),
				milestone == null ? null : milestone.label());
		events.publishEvent(event);
	}

	/**
	 * What the history shows of an act, and what is published: the act's own event, or (when it has
	 * none) a {@link PetitionMoved} reaching {@code milestone}.
	 */
	private record Step(Status from, String note, Milestone milestone, PetitionEvent event) {

		Step(Status from, String note, Milestone milestone) {
			this(from, note, milestone, null);
		}

		Step(Status from, String note, PetitionEvent event) {
			this(from, note, null, event);
		}

	}

	/** Each act's own method; the switch over the act is exhaustive, so a new act cannot be forgotten. */
	private Step apply(Petition p, PetitionCommand cmd, Actor actor, Instant now) {
		return switch (cmd.action()) {
			case CLASSIFY -> classify(p, (PetitionCommand.Classify) cmd);
			case TRANSFER, ASSIGN -> handOver(p, (PetitionCommand.Handover) cmd, actor, now);
			case OBJECT -> object(p, (PetitionCommand.Objection) cmd, now);
			case ACCEPT -> accept(p, actor, now);
			case REJECT -> reject(p, (PetitionCommand.Reject) cmd, now);
			case DIVERT -> divert(p, (PetitionCommand.Divert) cmd, now);
			case MERGE -> merge(p, (PetitionCommand.Merge) cmd, actor, now);
			case EXTEND -> extend(p, (PetitionCommand.Extend) cmd, now);
			case RECORD -> recordHandling(p, (PetitionCommand.RecordHandling) cmd, actor, now);
			case REPLY -> reply(p, (PetitionCommand.Reply) cmd, now);
			case APPROVE -> approve(p, (PetitionCommand.Approve) cmd, now);
			case RETURN -> returnForRework(p, (PetitionCommand.Return) cmd);
			case DELIVER -> deliver(p, (PetitionCommand.Deliver) cmd, now);
			case VISIT_BACK -> visitBack(p, (PetitionCommand.VisitBack) cmd);
			case RECHECK -> recheck(p, (PetitionCommand.Recheck) cmd, actor, now);
			case RATE -> rate(p, (PetitionCommand.Rate) cmd);
			case REQUEST_REEXAMINATION -> requestReexamination(p, (PetitionCommand.RequestReexamination) cmd, now);
			case REQUEST_REVIEW -> requestReview(p, (PetitionCommand.RequestReview) cmd, now);
			case DECIDE -> decide(p, (PetitionCommand.Decide) cmd, now);
		};
	}

	private Step classify(Petition p, PetitionCommand.Classify cmd) {
		if (cmd.categoryCode() != null && directory.category(cmd.categoryCode()).isEmpty()) {
			throw new DomainException.Invalid("categoryCode", "内容分类不存在");
		}
		Kind kind = cmd.kind();
		Complexity complexity = cmd.complexity();
		Instant from = p.routedAt() != null ? p.routedAt() : p.receivedAt();
		if (cmd.accusedUnitCode() != null) {
			var problems = new ArrayList<DomainException.FieldProblem>();
			String code = AccusedUnit.code(directory, cmd.accusedUnitCode(), null, problems);
			if (!problems.isEmpty()) {
				throw new DomainException.Invalid(problems);
			}
			p.nameAccused(code, AccusedUnit.text(directory, code, null));
		}
		Status was = p.classify(cmd.categoryCode(), kind, complexity,
				complexity == null ? null : clocks.acceptTarget(complexity, from));
		String note = "分类：" + directory.categoryName(cmd.categoryCode()) + " / "
				+ (kind == null ? "未定性质" : kind.label()) + " / " + (complexity == null ? "未定繁简" : complexity.label());
		Unit holder = p.status() == Status.TRANSFERRED ? directory.unit(p.responsibleUnitCode()).orElse(null) : null;
		if (ConfidentialityRule.wouldReachAccused(p.kind(), p.accusedUnitCode(), p.accusedUnit(), holder)) {
			p.withdrawFromAccused();
			note += "；检举控告事项不得由被检举控告的单位办理，已从" + holder.name() + "收回（条例第三十条）";
		}
		return new Step(was, note, (Milestone) null);
	}

	private Step handOver(Petition p, PetitionCommand.Handover cmd, Actor actor, Instant now) {
		Unit receiver = directory.unit(cmd.unitCode())
			.orElseThrow(() -> new DomainException.Invalid("unitCode", "请选择接收单位"));
		var c = cmd.communication();
		if (receiver.code().equals(actor.unitCode())) {
			throw new DomainException.Invalid("unitCode", "不能转送给本单位，本单位办理请直接受理");
		}
		if (ConfidentialityRule.wouldReachAccused(p.kind(), p.accusedUnitCode(), p.accusedUnit(), receiver)) {
			throw new DomainException.Invalid("unitCode", "检举控告事项不得转送、交办给被检举控告的单位（条例第三十条）");
		}
		records.add(p.id(), "COMMUNICATION", now, actor, c.at(), c.contact(), c.summary(), null);
		var how = cmd instanceof PetitionCommand.Transfer ? Petition.Routing.TRANSFER : Petition.Routing.ASSIGN;
		Status was = p.route(how, receiver.code(), actor.unitCode(), now, clocks.acceptTarget(p.complexity(), now),
				clocks.acceptStatutory(now));
		return new Step(was, cmd.action().label() + "至" + receiver.name() + "；沟通：" + c.contact() + "，" + c.summary(),
				new PetitionTransferred(p.number(), cmd.action(), was, receiver.code(), now));
	}

	private Step object(Petition p, PetitionCommand.Objection cmd, Instant now) {
		String unit = p.responsibleUnitCode();
		Status was = p.objectToRouting(PetitionClocks.day(now), clocks.objectionDeadline(p.routedAt()));
		return new Step(was, directory.unitName(unit) + "提出异议退回：" + cmd.reason(), (Milestone) null);
	}

	private Step accept(Petition p, Actor actor, Instant now) {
		String handling = p.responsibleUnitCode() != null ? p.responsibleUnitCode() : actor.unitCode();
		if (ConfidentialityRule.wouldReachAccused(p.kind(), p.accusedUnitCode(), p.accusedUnit(),
				directory.unit(handling).orElse(null))) {
			throw new DomainException.Conflict("被检举控告的单位不得受理办理该检举控告事项，请退回信访部门（条例第三十条）");
		}
		repeats.checkAcceptable(p, actor);
		Status was = p.accept(handling, now, clocks.handleTarget(p.complexity(), now), clocks.handleStatutory(now));
		return new Step(was, "受理，办理单位：" + directory.unitName(handling), new PetitionAccepted(p.number(), was, handling, now));
	}

	private Step reject(Petition p, PetitionCommand.Reject cmd, Instant now) {
		LegalChannel channel = cmd.legalChannel();
		Status was = p.reject(channel, now);
		return new Step(was, "不予受理：" + cmd.reason() + (channel == null ? "" : "；请通过" + channel.label() + "途径解决"),
				Milestone.NOT_ACCEPTED);
	}

	private Step divert(Petition p, PetitionCommand.Divert cmd, Instant now) {
		LegalChannel channel = cmd.legalChannel();
		Status was = p.divert(channel, now);
		return new Step(was, "导入" + channel.label() + "途径" + (cmd.note() == null ? "" : "：" + cmd.note()), Milestone.DIVERTED);
	}

	private Step merge(Petition p, PetitionCommand.Merge cmd, Actor actor, Instant now) {
		String into = cmd.into();
		Petition original = queries.load(into, actor); // must exist and be visible
		if ((original.kind() == Kind.ACCUSATION) != (p.kind() == Kind.ACCUSATION)) {
			// Art 30: a merge would tie the accuser to the other matter's petitioner
			throw new DomainException.Conflict("检举控告事项不能与其他类别的事项合并（条例第三十条）");
		}
		if (original.status() == Status.MERGED) {
			throw new DomainException.Conflict("原事项 " + into + " 本身已合并至 " + original.duplicateOf() + "，请合并至该事项");
		}
		Status was = p.mergeInto(into, now);
		return new Step(was, "合并至原事项 " + into, new PetitionMerged(p.number(), was, original.number(), original.id(),
				original.responsibleUnitCode(), original.registeringUnitCode(), now));
	}

	private Step extend(Petition p, PetitionCommand.Extend cmd, Instant now) {
		int days = cmd.days();
		Status was = p.extend(days, clocks.extendedHandleStatutory(p.acceptedAt(), Math.max(0, Math.min(days, 30))));
		return new Step(was, "延期" + days + "日：" + cmd.reason(), new PetitionExtended(p.number(), days, p.handleStatutory(), now));
	}

	private Step recordHandling(Petition p, PetitionCommand.RecordHandling cmd, Actor actor, Instant now) {
		String kind = cmd.kind();
		boolean appeal = p.status() == Status.REEXAMINATION || p.status() == Status.REVIEW;
		if (appeal && !"HEARING".equals(kind)) {
			throw new DomainException.Invalid("recordKind", "复查、复核期间只记录听证");
		}
		records.add(p.id(), kind, now, actor, cmd.occurredAt(), cmd.contact(), cmd.note(), cmd.result());
		int days = cmd.days();
		Status was = appeal ? p.recordAppealHearing(days, due -> due == null ? null : clocks.addDays(due, days))
				: p.recordHandling();
		return new Step(was, HandlingRecords.label(kind) + "：" + cmd.note(), (Milestone) null);
	}

	private Step reply(Petition p, PetitionCommand.Reply cmd, Instant now) {
		if (records.mediationPending(p.id())) {
			// 访调结合: a matter sent to mediation is answered once the mediation's outcome is back
			throw new DomainException.Conflict(MediationReferrals.REPLY_WAITS_FOR_MEDIATION);
		}
		Status was = p.reply(cmd.result(), cmd.opinion(), now);
		return new Step(was, "拟定处理意见书（" + p.result().label() + "），报单位负责人审核", (Milestone) null);
	}

	private Step approve(Petition p, PetitionCommand.Approve cmd, Instant now) {
		boolean reply = p.status() == Status.REPLY_PENDING_APPROVAL;
		Status was = p.approve(now);
		return new Step(was, (reply ? "审核通过处理意见书" : "审核认定办结") + (cmd.note() == null ? "" : "：" + cmd.note()),
				reply ? new PetitionReplied(p.number(), p.result(), now) : new PetitionClosed(p.number(), now));
	}

	private Step returnForRework(Petition p, PetitionCommand.Return cmd) {
		Status was = p.returnForRework();
		return new Step(was, "退回修改：" + cmd.note(), (Milestone) null);
	}

	private Step deliver(Petition p, PetitionCommand.Deliver cmd, Instant now) {
		Instant at = cmd.deliveredAt() == null ? now : cmd.deliveredAt().toInstant();
		if (at.isAfter(now.plusSeconds(300))) {
			throw new DomainException.Invalid("deliveredAt", "送达时间不能晚于现在");
		}
		Status was = p.deliver(at);
		return new Step(was, "送达（" + cmd.method() + "）", Milestone.DELIVERED);
	}

	private Step visitBack(Petition p, PetitionCommand.VisitBack cmd) {
		var s = cmd.satisfaction();
		Status was = p.recordVisitBack(s);
		return new Step(was, "回访：" + s.label() + (cmd.note() == null ? "" : "，" + cmd.note())
				+ (p.recheckPending() ? "；须复核查后方可办结" : ""), (Milestone) null);
	}

	private Step recheck(Petition p, PetitionCommand.Recheck cmd, Actor actor, Instant now) {
		boolean rehandle = cmd.rehandle();
		records.add(p.id(), "RECHECK", now, actor, null, null, cmd.note(), rehandle ? "REHANDLE" : "MAINTAIN");
		Status was = p.recheck(rehandle);
		return new Step(was, "不满意复核查：" + (rehandle ? "重新办理" : "维持原处理意见") + "，" + cmd.note(), (Milestone) null);
	}

	private Step rate(Petition p, PetitionCommand.Rate cmd) {
		var s = cmd.satisfaction();
		Status was = p.rate(s);
		return new Step(was, "信访人评价：" + s.label(), (Milestone) null);
	}

	private Step requestReexamination(Petition p, PetitionCommand.RequestReexamination cmd, Instant now) {
		Status was = p.requestReexamination(PetitionClocks.day(now),
				p.deliveredAt() == null ? null : clocks.appealWindowEnd(PetitionClocks.Limit.REEXAMINATION_REQUEST, p.deliveredAt()), now,
				clocks.decisionDue(PetitionClocks.Limit.REEXAMINATION_DECISION, now));
		return new Step(was, "申请复查：" + cmd.reason(), Milestone.REEXAMINATION_REQUESTED);
	}

	private Step requestReview(Petition p, PetitionCommand.RequestReview cmd, Instant now) {
		Status was = p.requestReview(PetitionClocks.day(now),
				p.reexaminationDecidedAt() == null ? null
						: clocks.appealWindowEnd(PetitionClocks.Limit.REVIEW_REQUEST, p.reexaminationDecidedAt()), now,
				clocks.decisionDue(PetitionClocks.Limit.REVIEW_DECISION, now));
		return new Step(was, "申请复核：" + cmd.reason(), Milestone.REVIEW_REQUESTED);
	}

	private Step decide(Petition p, PetitionCommand.Decide cmd, Instant now) {
		boolean review = p.status() == Status.REVIEW;
		Status was = p.decide(cmd.result(), now);
		return new Step(was, (review ? "复核意见：" : "复查意见：") + cmd.opinion(),
				review ? Milestone.REVIEW_DECIDED : Milestone.REEXAMINATION_DECIDED);
	}

	static OffsetDateTime beijing(Instant at) {
		return at.atZone(PetitionClocks.BEIJING).toOffsetDateTime();
	}

}
