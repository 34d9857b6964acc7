package com.xinfang.exchange;

import com.xinfang.platform.BeijingTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Demo mode's stand-in for a partner's webhook receiver: keeps what it got and whether the signature held. */
@Service
public class DevReceiver {

	private final Partners partners;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Environment env;

	DevReceiver(Partners partners, JdbcClient jdbc, Clock clock, Environment env) {
		this.partners = partners;
		this.jdbc = jdbc;
		this.clock = clock;
		this.env = env;
	}

	public boolean enabled() {
		return ExchangeDemo.demo(env);
	}

	/** @return whether the signature was valid */
	public boolean receive(String partnerCode, String eventId, String signature, String body) {
		boolean ok = partners.find(partnerCode)
			.map(p -> Webhooks.verify(partners.signingSecret(p), signature, body, clock.instant()))
			.orElse(false);
		jdbc.sql("INSERT INTO exchange_dev_received (at, event_id, signature_ok, body) VALUES (?,?,?,?)")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), eventId, ok, body)
			.update();
		return ok;
	}

	public record Received(long id, OffsetDateTime at, String eventId, boolean signatureOk, String body) {
	}

	public List<Received> recent(int limit) {
		return jdbc.sql("SELECT id, at, event_id, signature_ok, body FROM exchange_dev_received ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Received(rs.getLong(1), BeijingTime.of(rs.getObject(2, OffsetDateTime.class)),
					rs.getString(3), rs.getBoolean(4), rs.getString(5)))
			.list();
	}

}
