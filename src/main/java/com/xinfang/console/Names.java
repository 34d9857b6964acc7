package com.xinfang.console;

import com.xinfang.organization.Directory;
import com.xinfang.petition.Action;
import com.xinfang.petition.Channel;
import com.xinfang.petition.Complexity;
import com.xinfang.petition.Kind;
import com.xinfang.petition.LegalChannel;
import com.xinfang.petition.Status;

/** Display names of codes, for templates. */
public record Names(Directory directory) {

	public String status(String code) {
		return code == null ? "" : Status.valueOf(code).label();
	}

	public String action(String code) {
		if (code == null) {
			return "";
		}
		if ("REGISTER".equals(code)) {
			return "登记";
		}
		if ("FLAG".equals(code)) {
			return "标注";
		}
		if ("HANDOVER_HISTORY".equals(code)) {
			return "来源系统记录"; // a step replayed from a hand-over package (exchange.HandOver)
		}
		try {
			return Action.valueOf(code).label();
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

	public String channel(String code) {
		return code == null ? "" : Channel.valueOf(code).label();
	}

	public String kind(String code) {
		return code == null ? "未分类" : Kind.valueOf(code).label();
	}

	public String complexity(String code) {
		return code == null ? "未定" : Complexity.valueOf(code).label();
	}

	public String legalChannel(String code) {
		return code == null ? "" : LegalChannel.valueOf(code).label();
	}

	// the same names for the enums the petition views carry (null reads as its String twin's)

	public String status(Status status) {
		return status == null ? "" : status.label();
	}

	public String channel(Channel channel) {
		return channel == null ? "" : channel.label();
	}

	public String kind(Kind kind) {
		return kind == null ? "未分类" : kind.label();
	}

	public String complexity(Complexity complexity) {
		return complexity == null ? "未定" : complexity.label();
	}

	public String legalChannel(LegalChannel channel) {
		return channel == null ? "" : channel.label();
	}

	public String region(String code) {
		return code == null ? "" : directory.regionName(code);
	}

	public String regionPath(String code) {
		return code == null ? "" : directory.regionPath(code);
	}

	public String category(String code) {
		return code == null ? "未分类" : directory.categoryName(code);
	}

	public String unit(String code) {
		return code == null ? "—" : directory.unitName(code);
	}

	/** Badge colour of a status. */
	public String statusTone(String code) {
		return code == null ? "" : statusTone(Status.valueOf(code));
	}

	public String statusTone(Status status) {
		if (status == null) {
			return "";
		}
		return switch (status) {
			case CLOSED, FINAL -> "ok";
			case NOT_ACCEPTED, DIVERTED, MERGED -> "";
			case REGISTERED, TRANSFERRED -> "warn";
			default -> "info";
		};
	}

}
