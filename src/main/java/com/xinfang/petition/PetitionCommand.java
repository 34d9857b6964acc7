package com.xinfang.petition;

import static com.xinfang.platform.Texts.blankToNull;
import static com.xinfang.platform.Texts.required;

import com.xinfang.platform.DomainException;
import com.xinfang.platform.Texts;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * One act on a matter, typed: a record per act of the lifecycle (docs/lifecycle.md), each holding
 * only what that act needs, with the field checks a form can make on its own (a Chinese 400 naming
 * the field). What needs the matter, the directory or the clock is checked by
 * {@link PetitionActions} and the {@link Petition} aggregate. The web edge turns the JSON body or a
 * form into one of these ({@link ActionRequest#toCommand()}).
 */
public sealed interface PetitionCommand {

	/** The act this command asks for (the lifecycle's transition table is keyed by it). */
	Action action();

	/** 双沟通: the offline conversation with the receiving unit before a transfer or assignment. */
	record Communication(String contact, OffsetDateTime at, String summary) {
	}

	/** 转送 or 交办: the matter goes to another unit, after the 双沟通 is recorded. */
	sealed interface Handover extends PetitionCommand {

		String unitCode();

		Communication communication();

		private static void check(String unitCode, Communication c) {
			required("unitCode", unitCode, "请选择接收单位");
			if (c == null || Texts.blank(c.contact()) || Texts.blank(c.summary()) || c.at() == null) {
				// 双沟通: the offline conversation is recorded before anything is sent online
				throw new DomainException.Invalid("communication", "转送、交办前须记录线下沟通情况（对接人、时间、沟通内容）");
			}
		}

	}

	/** 分类: set or correct category, kind, complexity and (for an accusation) the accused unit. */
	record Classify(String categoryCode, Kind kind, Complexity complexity, String accusedUnitCode) implements PetitionCommand {

		public Classify {
			categoryCode = blankToNull(categoryCode);
			accusedUnitCode = blankToNull(accusedUnitCode);
		}

		public Action action() {
			return Action.CLASSIFY;
		}

	}

	/** 转送 to the unit with the duty (Art 31). */
	record Transfer(String unitCode, Communication communication) implements Handover {

		public Transfer {
			unitCode = blankToNull(unitCode);
			Handover.check(unitCode, communication);
		}

		public Action action() {
			return Action.TRANSFER;
		}

	}

	/** 交办 to a unit under the bureau's direction (Art 31). */
	record Assign(String unitCode, Communication communication) implements Handover {

		public Assign {
			unitCode = blankToNull(unitCode);
			Handover.check(unitCode, communication);
		}

		public Action action() {
			return Action.ASSIGN;
		}

	}

	/** The receiving unit objects to a transfer and sends it back within the objection window. */
	record Objection(String reason) implements PetitionCommand {

		public Objection {
			reason = required("reason", reason, "请填写异议理由");
		}

		public Action action() {
			return Action.OBJECT;
		}

	}

	/** 受理: the handling clocks start. */
	record Accept() implements PetitionCommand {

		public Action action() {
			return Action.ACCEPT;
		}

	}

	/** 不予受理, with the legal channel the petitioner is pointed to, if any. */
	record Reject(String reason, LegalChannel legalChannel) implements PetitionCommand {

		public Reject {
			reason = required("reason", reason, "请填写不予受理的理由");
		}

		public Action action() {
			return Action.REJECT;
		}

	}

	/** 导入法定途径. */
	record Divert(LegalChannel legalChannel, String note) implements PetitionCommand {

		public Divert {
			if (legalChannel == null) {
				throw new DomainException.Invalid("legalChannel", "请选择法定途径");
			}
			note = blankToNull(note);
		}

		public Action action() {
			return Action.DIVERT;
		}

	}

	/** A repeat linked to the original matter {@code into} (its number, normalised). */
	record Merge(String into) implements PetitionCommand {

		public Merge {
			into = into == null ? "" : into.strip().toUpperCase(Locale.ROOT);
		}

		public Action action() {
			return Action.MERGE;
		}

	}

	/** The one extension of the handling time (Art 34), taken by the handling unit's head. */
	record Extend(int days, String reason) implements PetitionCommand {

		public Extend {
			reason = required("reason", reason, "请填写延期理由（将告知信访人）");
		}

		public Action action() {
			return Action.EXTEND;
		}

	}

	/** A handling record: 调查核实, 调解 or 听证 (only 听证 during a 复查 or 复核, which may add days). */
	record RecordHandling(String kind, String note, OffsetDateTime occurredAt, String contact, String result, int days)
			implements PetitionCommand {

		static final Set<String> KINDS = Set.of("INVESTIGATION", "MEDIATION", "HEARING");

		public RecordHandling {
			kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
			if (!KINDS.contains(kind)) {
				throw new DomainException.Invalid("recordKind", "请选择记录类型：调查核实、调解或听证");
			}
			note = required("note", note, "请填写记录内容");
		}

		public Action action() {
			return Action.RECORD;
		}

	}

	/** The draft 处理意见书, for the unit head's approval. */
	record Reply(Result result, String opinion) implements PetitionCommand {

		public Action action() {
			return Action.REPLY;
		}

	}

	/** 双审核: the unit head approves a reply, or the 信访部门 reviewer approves a closure. */
	record Approve(String note) implements PetitionCommand {

		public Approve {
			note = blankToNull(note);
		}

		public Action action() {
			return Action.APPROVE;
		}

	}

	/** 双审核: sent back for rework, with the reason. */
	record Return(String note) implements PetitionCommand {

		public Return {
			note = required("note", note, "请填写退回理由");
		}

		public Action action() {
			return Action.RETURN;
		}

	}

	/** 送达 of the opinion, by {@code method}, at {@code deliveredAt} (now when not given). */
	record Deliver(String method, OffsetDateTime deliveredAt) implements PetitionCommand {

		public Deliver {
			method = required("method", method, "请填写送达方式");
		}

		public Action action() {
			return Action.DELIVER;
		}

	}

	/** 回访: the petitioner's satisfaction, asked by the handling unit. */
	record VisitBack(Satisfaction satisfaction, String note) implements PetitionCommand {

		public VisitBack {
			note = blankToNull(note);
		}

		public Action action() {
			return Action.VISIT_BACK;
		}

	}

	/** 不满意复核查: after an unsatisfied visit back, re-handle or maintain the opinion. */
	record Recheck(boolean rehandle, String note) implements PetitionCommand {

		public Recheck {
			note = required("note", note, "请填写复核查情况");
		}

		public Action action() {
			return Action.RECHECK;
		}

	}

	/** The petitioner's own rating. */
	record Rate(Satisfaction satisfaction) implements PetitionCommand {

		public Action action() {
			return Action.RATE;
		}

	}

	/** 复查 request (Art 35), within 30 days of delivery. */
	record RequestReexamination(String reason) implements PetitionCommand {

		public RequestReexamination {
			reason = required("reason", reason, "请填写申请复查的理由");
		}

		public Action action() {
			return Action.REQUEST_REEXAMINATION;
		}

	}

	/** 复核 request (Art 36), within 30 days of the 复查 decision. */
	record RequestReview(String reason) implements PetitionCommand {

		public RequestReview {
			reason = required("reason", reason, "请填写申请复核的理由");
		}

		public Action action() {
			return Action.REQUEST_REVIEW;
		}

	}

	/** The higher body's 复查意见 or 复核意见. */
	record Decide(Result result, String opinion) implements PetitionCommand {

		public Decide {
			opinion = required("opinion", opinion, "请填写复查/复核意见");
		}

		public Action action() {
			return Action.DECIDE;
		}

	}

}
