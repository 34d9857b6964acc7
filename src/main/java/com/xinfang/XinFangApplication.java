package com.xinfang;

import com.xinfang.platform.EmbeddedPostgresGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * XinFang 智慧信访: a petition (信访) case-management platform for a city government.
 * One deployable, modular inside (see docs/architecture.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XinFangApplication {

	public static void main(String[] args) {
		// Fail in one line, before Spring prints pages of stack trace, when the embedded
		// database cannot run (PostgreSQL refuses to start as root).
		EmbeddedPostgresGuard.exitIfRoot(args);
		SpringApplication.run(XinFangApplication.class, args);
	}

}
