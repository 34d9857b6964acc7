package com.xinfang.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Embedded PostgreSQL when {@code xinfang.db.embedded=true}, or when unset and no datasource URL is configured. */
class EmbeddedPostgresCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return EmbeddedPostgresGuard.embeddedDatabase(context.getEnvironment());
	}

}
