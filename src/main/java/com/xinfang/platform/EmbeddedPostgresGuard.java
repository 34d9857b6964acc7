package com.xinfang.platform;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/** Decides whether the embedded database is used and refuses to start it as root. */
public final class EmbeddedPostgresGuard {

	static final String ROOT_MESSAGE = "XinFang: 内置 PostgreSQL 不能以 root 身份运行。请用普通用户执行 ./mvnw spring-boot:run，"
			+ "或设置 SPRING_DATASOURCE_URL 连接外部 PostgreSQL。(embedded PostgreSQL refuses to run as root)";

	private EmbeddedPostgresGuard() {
	}

	/** Called from main: the embedded database is the default unless a datasource URL is given. */
	public static void exitIfRoot(String[] args) {
		boolean external = notBlank(System.getenv("SPRING_DATASOURCE_URL"))
				|| notBlank(System.getProperty("spring.datasource.url"))
				|| Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
		boolean embeddedForced = "true".equalsIgnoreCase(System.getenv("XINFANG_DB_EMBEDDED"));
		if ((!external || embeddedForced) && isRoot()) {
			System.err.println(ROOT_MESSAGE);
			System.exit(1);
		}
	}

	/** Whether this deployment runs on the embedded database (demo mode). */
	public static boolean embeddedDatabase(Environment env) {
		String explicit = env.getProperty("xinfang.db.embedded");
		if (explicit != null && !explicit.isBlank()) {
			return Boolean.parseBoolean(explicit);
		}
		return !notBlank(env.getProperty("spring.datasource.url"));
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

}
