package com.xinfang.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The embedded PostgreSQL and a pooled DataSource on it, unless an external database is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresCondition.class)
class EmbeddedDatabaseConfiguration {

	/** The superuser's password lives in the key file as {@code db-password}, generated on first start. */
	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties props, Environment env) {
		Path keyFile = Path.of(env.getProperty("xinfang.crypto.key-file", KeyFile.DEFAULT_LOCATION));
		KeyFile.adoptLegacyLocation(keyFile, props.directory());
		String password = env.getProperty("xinfang.db.embedded-server.password");
		if (password == null || password.isBlank()) {
			password = KeyFile.getOrGenerate(keyFile, "db-password", 24);
		}
		return EmbeddedPostgresServer.start(props, password, true);
	}

	/** Closed by Spring before the server it depends on, so a clean shutdown checkpoints last. */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		var ds = new HikariDataSource();
		ds.setJdbcUrl(server.jdbcUrl());
		ds.setUsername(EmbeddedPostgresServer.SUPERUSER);
		ds.setPassword(server.password());
		ds.setPoolName("xinfang-embedded");
		return ds;
	}

}
