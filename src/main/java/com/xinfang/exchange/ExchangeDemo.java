package com.xinfang.exchange;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.identity.Role;
import com.xinfang.platform.EmbeddedPostgresGuard;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode's partners, with documented keys so the interfaces can be tried at once: an Open311
 * app (`demo-open311-key`), the 12345 hotline (`demo-12345-key`, its webhooks going to the
 * development receiver of this very app) and the national system (`demo-national-key`).
 */
@Component
class ExchangeDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ExchangeDemo.class);

	static final String OPEN311_KEY = "demo-open311-key";

	static final String HOTLINE_KEY = "demo-12345-key";

	static final String NATIONAL_KEY = "demo-national-key";

	private final Environment env;

	private final Partners partners;

	private final JdbcClient jdbc;

	ExchangeDemo(Environment env, Partners partners, JdbcClient jdbc) {
		this.env = env;
		this.partners = partners;
		this.jdbc = jdbc;
	}

	static boolean demo(Environment env) {
		String enabled = env.getProperty("xinfang.demo.enabled");
		return enabled != null ? Boolean.parseBoolean(enabled) : EmbeddedPostgresGuard.embeddedDatabase(env);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo(env)) {
			return;
		}
		Actor seed = new Actor(0, "demo-seed", "演示数据", Actor.Kind.STAFF, Partners.CITY_BUREAU, "430700",
				Set.of(Role.ADMIN), DataScope.none());
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		// the benchmark points the demo hotline at its own receiver (xinfang.exchange.demo-callback-url)
		String receiver = env.getProperty("xinfang.exchange.demo-callback-url",
				"http://127.0.0.1:" + port + "/exchange/dev-receiver/hotline-12345");
		if (partners.find("demo-app").isEmpty()) {
			partners.registerWithKey(new Partners.Registration("demo-app", "常德随手拍（演示应用）", "OPEN311_APP",
					"演示联系人 0736-0000000", null, EnumSet.of(Partner.Permission.FILE), 6000), OPEN311_KEY, seed);
		}
		if (partners.find("hotline-12345").isEmpty()) {
			partners.registerWithKey(new Partners.Registration("hotline-12345", "常德市12345政务服务便民热线（演示）",
					"HOTLINE_12345", "热线平台值班室 0736-12345", receiver,
					EnumSet.of(Partner.Permission.FILE, Partner.Permission.RECEIVE), 60_000), HOTLINE_KEY, seed);
		}
		else {
			// the port may differ from the last run: keep the demo receiver reachable
			jdbc.sql("UPDATE exchange_partner SET callback_url = ? WHERE code = 'hotline-12345' AND callback_url LIKE 'http://127.0.0.1:%'")
				.param(receiver)
				.update();
		}
		if (partners.find("national").isEmpty()) {
			partners.registerWithKey(new Partners.Registration("national", "国家信访信息系统（演示）", "NATIONAL",
					"省信访局信息中心", null, EnumSet.of(Partner.Permission.HANDOVER), 600), NATIONAL_KEY, seed);
		}
		log.info("Exchange demo partners ready (Open311 key {}, 12345 key {})", OPEN311_KEY, HOTLINE_KEY);
	}

}
