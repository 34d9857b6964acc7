package com.xinfang.mediation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The dispute's flow as data: 登记 → 分流 → 调解中 → 达成协议 / 未达成 → 已回访 → 结案. Each act names the
 * states it may start from; {@link Act#allowedFrom} is the whole transition table.
 */
public enum DisputeStatus {

	REGISTERED("已登记"), ASSIGNED("已分流"), MEDIATING("调解中"), AGREED("达成协议"), FAILED("未达成协议"),
	FOLLOWED_UP("已回访"), CLOSED("已结案");

	private final String label;

	DisputeStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this != CLOSED;
	}

	/** The acts on a dispute, each with the states it starts from and the state it leads to (null: unchanged). */
	public enum Act {

		ASSIGN("分流", EnumSet.of(REGISTERED, ASSIGNED), ASSIGNED),
		SESSION("调解", EnumSet.of(ASSIGNED, MEDIATING), MEDIATING),
		AGREE("达成协议", EnumSet.of(MEDIATING), AGREED),
		FAIL("未达成协议", EnumSet.of(MEDIATING), FAILED),
		FOLLOW_UP("履行回访", EnumSet.of(AGREED), FOLLOWED_UP),
		CLOSE("结案", EnumSet.of(FOLLOWED_UP, FAILED), CLOSED),
		/** 三级治理: to the next level (village → township → county 矛调中心) or another kind of mediation, with a reason. */
		ESCALATE("升级或转交调解", EnumSet.of(ASSIGNED, MEDIATING, FAILED), ASSIGNED),
		/** A failed mediation becomes a 信访事项 through the petition module's registration. */
		CONVERT("转为信访事项", EnumSet.of(FAILED), null),
		RISK("调整风险等级", EnumSet.of(REGISTERED, ASSIGNED, MEDIATING, AGREED, FAILED, FOLLOWED_UP), null);

		private final String label;

		private final Set<DisputeStatus> from;

		private final DisputeStatus to;

		Act(String label, Set<DisputeStatus> from, DisputeStatus to) {
			this.label = label;
			this.from = from;
			this.to = to;
		}

		public String label() {
			return label;
		}

		public boolean allowedFrom(DisputeStatus status) {
			return from.contains(status);
		}

		public DisputeStatus target(DisputeStatus current) {
			return to == null ? current : to;
		}

	}

}
