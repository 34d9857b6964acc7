package com.xinfang.platform;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Times are shown in Beijing time. The PostgreSQL driver returns every timestamptz at offset +00,
 * so rows read from the database pass through {@link #of} before they reach a page or the API.
 */
public final class BeijingTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BeijingTime() {
	}

	public static OffsetDateTime of(OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
	}

}
