package com.xinfang.petition;

import org.springframework.stereotype.Component;

/** Status labels for templates ({@code ${@statuses.label(p.status)}}), so pages name no Java types. */
@Component("statuses")
public class StatusNames {

	public String label(String status) {
		return Status.labelOf(status);
	}

	public String label(Status status) {
		return status == null ? "" : status.label();
	}

	public boolean open(String status) {
		return Status.isOpen(status);
	}

}
