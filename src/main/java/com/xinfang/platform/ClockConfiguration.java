package com.xinfang.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** Beijing time: dates on documents and statutory day counts are local to China. */
	public static final ZoneId BEIJING = BeijingTime.ZONE;

	/**
	 * The system clock in Beijing time; with {@code xinfang.clock.start} (an ISO date-time with
	 * offset) the clock starts at that instant when the application starts and runs on from there.
	 * The integration tests set it (application-it.yml), so their dates and the statutory day
	 * counts do not depend on the day the suite runs.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${xinfang.clock.start:}") String start) {
		Clock system = Clock.system(BEIJING);
		if (start == null || start.isBlank()) {
			return system;
		}
		return Clock.offset(system, Duration.between(system.instant(), OffsetDateTime.parse(start.strip()).toInstant()));
	}

}
