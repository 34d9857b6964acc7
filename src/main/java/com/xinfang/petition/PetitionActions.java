package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final java.util.List<RegistrationAdvisor> advisors;

	PetitionActions(java.util.List<RegistrationAdvisor> advisors, org.springframework.transaction.support.TransactionTemplate transactions, DocumentIssuer documents, PublicLookup lookup, Petitions petitions, PetitionQueries queries, ActionPermissions permissions, PetitionClocks clocks,
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
	public PetitionViews.PetitionView perform(String number, ActionCommand cmd, Actor actor) {
		var view = performAt(number, cmd, actor, clock.instant());
		if (parseAction(cmd.action()) == Action.CLASSIFY && cmd.categoryCode() != null) {
			// a registrar's 分类 is a label the classifier learns from (imports and demo data are not)
			advisors.forEach(a -> a.classified(view.number(), view.title(), view.content(), cmd.categoryCode(), cmd.kind(), actor));
		}
		return view;
	}

	/**
	 * An act recorded with the time it happened: for importing the history of matters from an
	 * earlier system and for demo data. Never exposed over HTTP.
	 */
	@Transactional
	public PetitionViews.PetitionView performAt(String number, ActionCommand cmd, Actor actor, Instant at) {
		Action action = parseAction(cmd.action());
		Petition p = queries.load(number, actor);
		if (!permissions.may(actor, p, action)) {
			log.warn("refused {} on {} for {}", action, number, actor.label());
			throw new DomainException.Forbidden("您无权对该事项执行「" + action.label() + "」");
		}
		if (cmd.version() == null) {
			throw new DomainException.Invalid("version", "缺少版本号 version");
		}
		if (cmd.version() != p.version()) {
			throw new DomainException.Conflict("该信访事项已被他人修改（版本 " + p.version() + "），请刷新后重试");
		}
		move(p, action, cmd, actor, actor.label(), at);
		return queries.view(p, actor);
	}

	/**
	 * The petitioner's own acts (rating, 复查/复核 requests) by whoever holds the number and the
	 * query code: possession of the code stands for the petitioner (api-contract.md, public calls).
	 * The code is checked before the act's transaction, so a failure is counted without holding a
	 * second database connection.
	 */
	public PublicLookupResult performAsPetitioner(String number, String queryCode, String clientAddress, Action action,
			ActionCommand cmd) {
		if (!java.util.EnumSet.of(Action.RATE, Action.REQUEST_REEXAMINATION, Action.REQUEST_REVIEW).contains(action)) {
			throw new DomainException.Forbidden("信访人不能执行该操作");
		}
		String verified = lookup.verified(number, queryCode, clientAddress).number();
		return transactions.execute(status -> {
			Petition p = petitions.findByNumber(verified).orElseThrow();
			move(p, action, cmd, PETITIONER, "信访人", clock.instant());
			return new PublicLookupResult(p.number(), p.status().name());
		});
	}

	public record PublicLookupResult(String number, String status) {
	}

	private static final Actor PETITIONER = new Actor(0, "petitioner", "信访人", Actor.Kind.CITIZEN, null, null,
			Set.of(com.xinfang.identity.Role.CITIZEN), com.xinfang.identity.DataScope.none());

	private void move(Petition p, Action action, ActionCommand cmd, Actor actor, String label, Instant now) {
		Step step = apply(p, action, cmd, actor, now);
		petitions.save(p);
		documents.issueFor(p, action, cmd, actor, now);
		history.record(p.id(), now, label, action.name(), step.from(), p.status(), step.note(), step.milestone());
		events.publishEvent(new PetitionMoved(p.number(), action.name(), step.from().name(), p.status().name(),
				step.milestone(), now));
	}

	/** What the history shows of an act. */
	private record Step(Status from, String note, String milestone) {
	}

	private Step apply(Petition p, Action action, ActionCommand cmd, Actor actor, Instant now) {
		LocalDate today = PetitionClocks.day(now);
		switch (action) {
			case CLASSIFY -> {
				if (cmd.categoryCode() != null && directory.category(cmd.categoryCode()).isEmpty()) {
					throw new DomainException.Invalid("categoryCode", "内容分类不存在");
				}
				Kind kind = optionalEnum(Kind.class, cmd.kind(), "kind");
				Complexity complexity = optionalEnum(Complexity.class, cmd.complexity(), "complexity");
				Instant from = p.routedAt() != null ? p.routedAt() : p.receivedAt();
				if (cmd.accusedUnitCode() != null) {
					var problems = new java.util.ArrayList<com.xinfang.platform.DomainException.FieldProblem>();
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
				return new Step(was, note, null);
			}
			case TRANSFER, ASSIGN -> {
				Unit receiver = directory.unit(cmd.unitCode())
					.orElseThrow(() -> new DomainException.Invalid("unitCode", "请选择接收单位"));
				var c = cmd.communication();
				if (c == null || blank(c.contact()) || blank(c.summary()) || c.at() == null) {
					// 双沟通: the offline conversation is recorded before anything is sent online
					throw new DomainException.Invalid("communication", "转送、交办前须记录线下沟通情况（对接人、时间、沟通内容）");
				}
				if (receiver.code().equals(actor.unitCode())) {
					throw new DomainException.Invalid("unitCode", "不能转送给本单位，本单位办理请直接受理");
				}
				if (ConfidentialityRule.wouldReachAccused(p.kind(), p.accusedUnitCode(), p.accusedUnit(), receiver)) {
					throw new DomainException.Invalid("unitCode", "检举控告事项不得转送、交办给被检举控告的单位（条例第三十条）");
				}
				records.add(p.id(), "COMMUNICATION", now, actor, c.at(), c.contact(), c.summary(), null);
				var how = action == Action.TRANSFER ? Petition.Routing.TRANSFER : Petition.Routing.ASSIGN;
				Status was = p.route(how, receiver.code(), actor.unitCode(), now, clocks.acceptTarget(p.complexity(), now),
						clocks.acceptStatutory(now));
				return new Step(was, action.label() + "至" + receiver.name() + "；沟通：" + c.contact() + "，" + c.summary(), "转交");
			}
			case OBJECT -> {
				requireText(cmd.reason(), "reason", "请填写异议理由");
				String unit = p.responsibleUnitCode();
				Status was = p.objectToRouting(today, clocks.objectionDeadline(p.routedAt()));
				return new Step(was, directory.unitName(unit) + "提出异议退回：" + cmd.reason().strip(), null);
			}
			case ACCEPT -> {
				String handling = p.responsibleUnitCode() != null ? p.responsibleUnitCode() : actor.unitCode();
				if (ConfidentialityRule.wouldReachAccused(p.kind(), p.accusedUnitCode(), p.accusedUnit(),
						directory.unit(handling).orElse(null))) {
					throw new DomainException.Conflict("被检举控告的单位不得受理办理该检举控告事项，请退回信访部门（条例第三十条）");
				}
				repeats.checkAcceptable(p, actor);
				Status was = p.accept(handling, now, clocks.handleTarget(p.complexity(), now), clocks.handleStatutory(now));
				return new Step(was, "受理，办理单位：" + directory.unitName(handling), "受理告知");
			}
			case REJECT -> {
				requireText(cmd.reason(), "reason", "请填写不予受理的理由");
				LegalChannel channel = optionalEnum(LegalChannel.class, cmd.legalChannel(), "legalChannel");
				Status was = p.reject(channel, now);
				return new Step(was, "不予受理：" + cmd.reason().strip() + (channel == null ? "" : "；请通过" + channel.label() + "途径解决"),
						"不予受理告知");
			}
			case DIVERT -> {
				LegalChannel channel = optionalEnum(LegalChannel.class, cmd.legalChannel(), "legalChannel");
				Status was = p.divert(channel, now);
				return new Step(was, "导入" + channel.label() + "途径" + (blank(cmd.note()) ? "" : "：" + cmd.note().strip()), "导入法定途径");
			}
			case MERGE -> {
				String into = cmd.into() == null ? null : cmd.into().strip().toUpperCase(Locale.ROOT);
				Petition original = queries.load(into == null ? "" : into, actor); // must exist and be visible
				if ((original.kind() == Kind.ACCUSATION) != (p.kind() == Kind.ACCUSATION)) {
					// Art 30: a merge would tie the accuser to the other matter's petitioner
					throw new DomainException.Conflict("检举控告事项不能与其他类别的事项合并（条例第三十条）");
				}
				if (original.status() == Status.MERGED) {
					throw new DomainException.Conflict("原事项 " + into + " 本身已合并至 " + original.duplicateOf() + "，请合并至该事项");
				}
				Status was = p.mergeInto(into, now);
				return new Step(was, "合并至原事项 " + into, null);
			}
			case EXTEND -> {
				requireText(cmd.reason(), "reason", "请填写延期理由（将告知信访人）");
				int days = cmd.days() == null ? 0 : cmd.days();
				Status was = p.extend(days, clocks.extendedHandleStatutory(p.acceptedAt(), Math.max(0, Math.min(days, 30))));
				return new Step(was, "延期" + days + "日：" + cmd.reason().strip(), "延期告知");
			}
			case RECORD -> {
				String kind = cmd.recordKind() == null ? "" : cmd.recordKind().strip().toUpperCase(Locale.ROOT);
				if (!Set.of("INVESTIGATION", "MEDIATION", "HEARING").contains(kind)) {
					throw new DomainException.Invalid("recordKind", "请选择记录类型：调查核实、调解或听证");
				}
				requireText(cmd.note(), "note", "请填写记录内容");
				boolean appeal = p.status() == Status.REEXAMINATION || p.status() == Status.REVIEW;
				if (appeal && !"HEARING".equals(kind)) {
					throw new DomainException.Invalid("recordKind", "复查、复核期间只记录听证");
				}
				records.add(p.id(), kind, now, actor, cmd.occurredAt(), cmd.contact(), cmd.note().strip(), cmd.result());
				int days = cmd.days() == null ? 0 : cmd.days();
				Status was = appeal ? p.recordAppealHearing(days, due -> due == null ? null : clocks.addDays(due, days))
						: p.recordHandling();
				return new Step(was, HandlingRecords.label(kind) + "：" + cmd.note().strip(), null);
			}
			case REPLY -> {
				if (records.mediationPending(p.id())) {
					throw new DomainException.Conflict(MediationReferrals.REPLY_WAITS_FOR_MEDIATION);
				}
				Status was = p.reply(optionalEnum(Result.class, cmd.result(), "result"), cmd.opinion(), now);
				return new Step(was, "拟定处理意见书（" + p.result().label() + "），报单位负责人审核", null);
			}
			case APPROVE -> {
				boolean reply = p.status() == Status.REPLY_PENDING_APPROVAL;
				Status was = p.approve(now);
				return new Step(was, (reply ? "审核通过处理意见书" : "审核认定办结") + (blank(cmd.note()) ? "" : "：" + cmd.note().strip()),
						reply ? "意见书" : "办结");
			}
			case RETURN -> {
				requireText(cmd.note(), "note", "请填写退回理由");
				Status was = p.returnForRework();
				return new Step(was, "退回修改：" + cmd.note().strip(), null);
			}
			case DELIVER -> {
				requireText(cmd.method(), "method", "请填写送达方式");
				Instant at = cmd.deliveredAt() == null ? now : cmd.deliveredAt().toInstant();
				if (at.isAfter(now.plusSeconds(300))) {
					throw new DomainException.Invalid("deliveredAt", "送达时间不能晚于现在");
				}
				Status was = p.deliver(at);
				return new Step(was, "送达（" + cmd.method().strip() + "）", "送达");
			}
			case VISIT_BACK -> {
				var s = optionalEnum(Satisfaction.class, cmd.satisfaction(), "satisfaction");
				Status was = p.recordVisitBack(s);
				return new Step(was, "回访：" + s.label() + (blank(cmd.note()) ? "" : "，" + cmd.note().strip())
						+ (p.recheckPending() ? "；须复核查后方可办结" : ""), null);
			}
			case RECHECK -> {
				requireText(cmd.note(), "note", "请填写复核查情况");
				boolean rehandle = Boolean.TRUE.equals(cmd.rehandle());
				records.add(p.id(), "RECHECK", now, actor, null, null, cmd.note().strip(), rehandle ? "REHANDLE" : "MAINTAIN");
				Status was = p.recheck(rehandle);
				return new Step(was, "不满意复核查：" + (rehandle ? "重新办理" : "维持原处理意见") + "，" + cmd.note().strip(), null);
			}
			case RATE -> {
				var s = optionalEnum(Satisfaction.class, cmd.satisfaction(), "satisfaction");
				Status was = p.rate(s);
				return new Step(was, "信访人评价：" + s.label(), null);
			}
			case REQUEST_REEXAMINATION -> {
				requireText(cmd.reason(), "reason", "请填写申请复查的理由");
				Status was = p.requestReexamination(today,
						p.deliveredAt() == null ? null : clocks.appealWindowEnd(PetitionClocks.Limit.REEXAMINATION_REQUEST, p.deliveredAt()), now,
						clocks.decisionDue(PetitionClocks.Limit.REEXAMINATION_DECISION, now));
				return new Step(was, "申请复查：" + cmd.reason().strip(), "复查申请");
			}
			case REQUEST_REVIEW -> {
				requireText(cmd.reason(), "reason", "请填写申请复核的理由");
				Status was = p.requestReview(today,
						p.reexaminationDecidedAt() == null ? null
								: clocks.appealWindowEnd(PetitionClocks.Limit.REVIEW_REQUEST, p.reexaminationDecidedAt()), now,
						clocks.decisionDue(PetitionClocks.Limit.REVIEW_DECISION, now));
				return new Step(was, "申请复核：" + cmd.reason().strip(), "复核申请");
			}
			case DECIDE -> {
				requireText(cmd.opinion(), "opinion", "请填写复查/复核意见");
				boolean review = p.status() == Status.REVIEW;
				Status was = p.decide(optionalEnum(Result.class, cmd.result(), "result"), now);
				return new Step(was, (review ? "复核意见：" : "复查意见：") + cmd.opinion().strip(), review ? "复核意见" : "复查意见");
			}
			default -> throw new DomainException.Invalid("action", "未知操作");
		}
	}

	private static Action parseAction(String value) {
		try {
			return Action.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid("action", "未知操作: " + value);
		}
	}

	private static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException.Invalid(field, "取值无效: " + value);
		}
	}

	private static void requireText(String value, String field, String message) {
		if (blank(value)) {
			throw new DomainException.Invalid(field, message);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static OffsetDateTime beijing(Instant at) {
		return at.atZone(PetitionClocks.BEIJING).toOffsetDateTime();
	}

}
