package com.xinfang.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The embedded PostgreSQL and a pooled DataSource on it, unless an external database is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties props) {
		return EmbeddedPostgresServer.start(props);
	}

	/** Closed by Spring before the server it depends on, so a clean shutdown checkpoints last. */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		var ds = new HikariDataSource();
		ds.setJdbcUrl(server.jdbcUrl());
		ds.setUsername("postgres");
		ds.setPassword("postgres");
		ds.setPoolName("xinfang-embedded");
		return ds;
	}

}
