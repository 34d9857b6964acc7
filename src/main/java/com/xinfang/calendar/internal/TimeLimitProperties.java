package com.xinfang.calendar.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which policy each clock of a matter follows in this deployment.
 *
 * @param targetPolicy the local target (missing it is a warning), a {@code time_limit_policy} code
 * @param statutoryPolicy the statutory limit (missing it is overdue)
 */
@ConfigurationProperties("xinfang.time-limits")
public record TimeLimitProperties(@DefaultValue("CHANGDE_3530") String targetPolicy,
		@DefaultValue("STATUTORY") String statutoryPolicy) {
}
