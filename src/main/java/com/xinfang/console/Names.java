package com.xinfang.console;

import com.xinfang.organization.Directory;
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
			return com.xinfang.petition.Action.valueOf(code).label();
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
		if (code == null) {
			return "";
		}
		return switch (Status.valueOf(code)) {
			case CLOSED, FINAL -> "ok";
			case NOT_ACCEPTED, DIVERTED, MERGED -> "";
			case REGISTERED, TRANSFERRED -> "warn";
			default -> "info";
		};
	}

}
