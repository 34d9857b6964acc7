package com.xinfang.petition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The public milestones of a matter: the steps the petitioner is told of (the public timeline, the
 * SMS, the partner's webhook). The label is what the history stores and the petitioner reads.
 */
public enum Milestone {

	TRANSFERRED("转交"), ACCEPTED("受理告知"), NOT_ACCEPTED("不予受理告知"), DIVERTED("导入法定途径"), EXTENDED("延期告知"),
	OPINION_ISSUED("意见书"), DELIVERED("送达"), CLOSED("办结"), REEXAMINATION_REQUESTED("复查申请"),
	REVIEW_REQUESTED("复核申请"), REEXAMINATION_DECIDED("复查意见"), REVIEW_DECIDED("复核意见");

	private final String label;

	Milestone(String label) {
		this.label = label;
	}

	@JsonValue
	public String label() {
		return label;
	}

	/**
	 * By label (as stored and serialised) or by name; events published before the milestone was
	 * typed carry the label, and the registry may deliver them again.
	 */
	@JsonCreator
	public static Milestone of(String value) {
		for (Milestone m : values()) {
			if (m.label.equals(value) || m.name().equals(value)) {
				return m;
			}
		}
		throw new IllegalArgumentException("unknown milestone: " + value);
	}

}
