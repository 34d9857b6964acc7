package com.xinfang.platform;

import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers {@link IdempotencyFilter} after Spring Security (order -100) for the creating endpoints. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	IdempotencyFilter idempotencyFilter(@Value("${xinfang.idempotency.paths:/api/v1/petitions}") Set<String> paths,
			JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, Clock clock) {
		return new IdempotencyFilter(paths, jdbc, tx, sealer, clock);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(0);
		return registration;
	}

}
