package com.xinfang.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Health contributors for the readiness group: free space where the data lives (a full disk made
 * every write fail while health said UP) and the embedded server's watchdog.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/** Free space on the embedded database's directory (or the working directory with an external one). */
	@Bean
	HealthIndicator dataDiskHealthIndicator(Environment env) throws IOException {
		Path dir = Path.of(EmbeddedPostgresGuard.embeddedDatabase(env)
				? env.getProperty("xinfang.db.embedded-server.directory", "./data") : ".");
		Files.createDirectories(dir);
		DataSize threshold = DataSize.parse(env.getProperty("xinfang.health.min-free-disk", "256MB"));
		return new DiskSpaceHealthIndicator(dir.toFile(), threshold);
	}

	/** The embedded PostgreSQL process: DOWN while it is dead and being restarted. */
	@Bean
	HealthIndicator embeddedPostgresHealthIndicator(ObjectProvider<EmbeddedPostgresServer> server) {
		return () -> {
			EmbeddedPostgresServer s = server.getIfAvailable();
			if (s == null) {
				return Health.up().withDetail("mode", "external").build();
			}
			var builder = s.alive() ? Health.up() : Health.down();
			return builder.withDetail("pid", s.postmasterPid()).withDetail("port", s.port())
				.withDetail("restarts", s.restarts()).build();
		};
	}

}
