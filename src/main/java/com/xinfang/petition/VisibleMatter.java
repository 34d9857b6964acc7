package com.xinfang.petition;

import java.io.Serializable;

/**
 * A matter the actor was found allowed to see, read once (issue 12 item 6). Only the petition
 * module makes one, after the data-scope check; other modules take it instead of a number when
 * they add their panel to a page built around the matter, so the matter is loaded and checked once
 * per page, not once per panel.
 */
public final class VisibleMatter implements Serializable {

	private final long id;

	private final String number;

	private final String title;

	private final Status status;

	private final String responsibleUnitCode;

	private final String regionCode;

	VisibleMatter(Petition p) {
		this.id = p.id();
		this.number = p.number();
		this.title = p.title();
		this.status = p.status();
		this.responsibleUnitCode = p.responsibleUnitCode();
		this.regionCode = p.regionCode();
	}

	public long id() {
		return id;
	}

	public String number() {
		return number;
	}

	public String title() {
		return title;
	}

	public Status status() {
		return status;
	}

	public String responsibleUnitCode() {
		return responsibleUnitCode;
	}

	public String regionCode() {
		return regionCode;
	}

}
