package com.xinfang.exchange;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Partner-facing endpoints authenticate by the partner's API key in the exchange module itself
 * (so a key is checked, rate-limited and audited in one place), not by a login or a bearer token:
 * Open311 (public reads, keyed POST), 12345 work orders, the national hand-over and the demo
 * receiver. Stateless, no cookies, so no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain exchangeChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**", "/api/v1/exchange/partner/**", "/exchange/dev-receiver/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
