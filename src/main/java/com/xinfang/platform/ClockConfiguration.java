package com.xinfang.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** Beijing time: dates on documents and statutory day counts are local to China. */
	public static final ZoneId BEIJING = BeijingTime.ZONE;

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(BEIJING);
	}

}
