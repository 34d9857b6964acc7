package com.xinfang.exchange;

import java.time.Instant;

/** A partner system: a hotline, a third-party app, the national system. */
public record Partner(long id, String code, String name, Kind kind, String contact, String callbackUrl,
		boolean mayFile, boolean mayReceive, boolean mayHandover, int ratePerMinute, String keyPrefix,
		Long serviceUserId, Instant revokedAt, Instant createdAt, Instant rotatedAt) {

	public enum Kind {

		OPEN311_APP("第三方应用（Open311）"), HOTLINE_12345("12345热线"), NATIONAL("国家/省信访信息系统");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** What a partner may be allowed to do. */
	public enum Permission {

		FILE("提交信访事项/工单"), RECEIVE("接收办理进展推送"), HANDOVER("交换信访事项（导出/导入）");

		private final String label;

		Permission(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public boolean active() {
		return revokedAt == null;
	}

	public boolean may(Permission p) {
		return switch (p) {
			case FILE -> mayFile;
			case RECEIVE -> mayReceive;
			case HANDOVER -> mayHandover;
		};
	}

	/** How the partner is named in histories and the audit log. */
	public String auditName() {
		return "partner:" + code;
	}

}
