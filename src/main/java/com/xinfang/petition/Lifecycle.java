package com.xinfang.petition;

import static com.xinfang.petition.Status.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The legal transition table of a 信访事项, as data: every act, the statuses it may start from,
 * where it leads, and the article of 《信访工作条例》 (2022) behind it. The aggregate refuses any
 * move not listed here; the table is printed as a diagram in docs/lifecycle.md and on an admin page.
 */
public final class Lifecycle {

	public record Transition(Action action, Status from, Status to, String basis) {
	}

	public static final List<Transition> TABLE = List.of(
			t(Action.CLASSIFY, REGISTERED, REGISTERED, "第二十七条 依法分类处理；第二十九至三十一条 建议意见、检举控告、申诉求决三类"),
			t(Action.CLASSIFY, TRANSFERRED, TRANSFERRED, "第二十七条、第二十九至三十一条"),
			t(Action.CLASSIFY, TRANSFERRED, REGISTERED, "第三十条 检举控告事项收回，不得交由被检举控告的单位"),
			t(Action.TRANSFER, REGISTERED, TRANSFERRED, "第二十二条 十五日内转送"),
			t(Action.ASSIGN, REGISTERED, TRANSFERRED, "第二十二条 交办并要求反馈"),
			t(Action.OBJECT, TRANSFERRED, REGISTERED, "第二十三条 有异议的五个工作日内退回"),
			t(Action.ACCEPT, REGISTERED, ACCEPTED, "第二十三条 十五日内书面告知受理"),
			t(Action.ACCEPT, TRANSFERRED, ACCEPTED, "第二十三条"),
			t(Action.REJECT, REGISTERED, NOT_ACCEPTED, "第二十三条 不予受理并书面告知"),
			t(Action.REJECT, TRANSFERRED, NOT_ACCEPTED, "第二十三条"),
			t(Action.DIVERT, REGISTERED, DIVERTED, "第三十一条 导入诉讼、仲裁、行政复议等法定途径"),
			t(Action.DIVERT, TRANSFERRED, DIVERTED, "第三十一条"),
			t(Action.MERGE, REGISTERED, MERGED, "第十九条 同一事项不重复受理"),
			t(Action.MERGE, TRANSFERRED, MERGED, "第十九条"),
			t(Action.EXTEND, ACCEPTED, ACCEPTED, "第三十四条 延长不超过三十日"),
			t(Action.RECORD, ACCEPTED, ACCEPTED, "第三十二、三十三条 调查核实、调解、听证"),
			t(Action.REPLY, ACCEPTED, REPLY_PENDING_APPROVAL, "第三十二条 出具书面答复"),
			t(Action.APPROVE, REPLY_PENDING_APPROVAL, REPLIED, "双审核：意见书由承办单位负责人审核"),
			t(Action.RETURN, REPLY_PENDING_APPROVAL, ACCEPTED, "双审核"),
			t(Action.DELIVER, REPLIED, DELIVERED, "第三十二条 送达"),
			t(Action.VISIT_BACK, DELIVERED, CLOSE_PENDING_APPROVAL, "回访与满意度评价"),
			t(Action.RECHECK, CLOSE_PENDING_APPROVAL, CLOSE_PENDING_APPROVAL, "不满意的复核查：维持"),
			t(Action.RECHECK, CLOSE_PENDING_APPROVAL, ACCEPTED, "不满意的复核查：重新办理"),
			t(Action.APPROVE, CLOSE_PENDING_APPROVAL, CLOSED, "双审核：信访部门审核认定办结"),
			t(Action.RETURN, CLOSE_PENDING_APPROVAL, ACCEPTED, "双审核"),
			t(Action.RATE, DELIVERED, DELIVERED, "满意度评价"),
			t(Action.RATE, CLOSE_PENDING_APPROVAL, CLOSE_PENDING_APPROVAL, "满意度评价"),
			t(Action.RATE, CLOSED, CLOSED, "满意度评价"),
			t(Action.REQUEST_REEXAMINATION, DELIVERED, REEXAMINATION, "第三十五条 收到意见书之日起三十日内请求复查"),
			t(Action.REQUEST_REEXAMINATION, CLOSE_PENDING_APPROVAL, REEXAMINATION, "第三十五条"),
			t(Action.REQUEST_REEXAMINATION, CLOSED, REEXAMINATION, "第三十五条"),
			t(Action.RECORD, REEXAMINATION, REEXAMINATION, "第三十五条 复查听证，听证时间不计入期限"),
			t(Action.RECORD, REVIEW, REVIEW, "第三十六条 复核听证，听证时间不计入期限"),
			t(Action.DECIDE, REEXAMINATION, CLOSED, "第三十五条 三十日内提出复查意见"),
			t(Action.REQUEST_REVIEW, CLOSED, REVIEW, "第三十六条 收到复查意见之日起三十日内请求复核"),
			t(Action.DECIDE, REVIEW, FINAL, "第三十六条 复核后不再受理"));

	private Lifecycle() {
	}

	private static Transition t(Action action, Status from, Status to, String basis) {
		return new Transition(action, from, to, basis);
	}

	/** Statuses an action may start from. */
	public static Set<Status> sources(Action action) {
		return TABLE.stream()
			.filter(t -> t.action() == action)
			.map(Transition::from)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
	}

	public static boolean allows(Action action, Status from, Status to) {
		return TABLE.stream().anyMatch(t -> t.action() == action && t.from() == from && t.to() == to);
	}

	/** Actions that may be taken in a status, whoever takes them. */
	public static Set<Action> actionsFrom(Status from) {
		return TABLE.stream()
			.filter(t -> t.from() == from)
			.map(Transition::action)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
	}

	/** The table as a Mermaid state diagram (docs/lifecycle.md and the admin page). */
	public static String mermaid() {
		StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> REGISTERED: 登记\n");
		for (Transition t : TABLE) {
			if (t.from() != t.to()) {
				out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(": ").append(t.action().label()).append('\n');
			}
		}
		out.append("    FINAL --> [*]\n");
		return out.toString();
	}

}
