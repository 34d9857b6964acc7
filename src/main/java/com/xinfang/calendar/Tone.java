package com.xinfang.calendar;

/** How a deadline stands today, for the coloured badges. */
public enum Tone {

	/** More than {@link DeadlineClock#DUE_SOON_DAYS} days left. */
	ON_TIME("ok"),

	/** The due date is today or within {@link DeadlineClock#DUE_SOON_DAYS} days; or a target was missed. */
	DUE_SOON("warn"),

	/** The due date has passed. */
	OVERDUE("bad");

	private final String css;

	Tone(String css) {
		this.css = css;
	}

	/** The badge class in app.css ({@code badge ok|warn|bad}). */
	public String css() {
		return css;
	}

}
