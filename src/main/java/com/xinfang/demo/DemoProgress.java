package com.xinfang.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Moves some demo matters along so every page has something to show: routed to their default
 * unit, accepted, replied, closed. Demo data only; real matters move through the petition
 * module's lifecycle actions.
 */
@Component
class DemoProgress {

	private final JdbcClient jdbc;

	DemoProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void advance(String number, JsonNode item, Random random, OffsetDateTime received) {
		long id = jdbc.sql("SELECT id FROM petition WHERE number = ?").param(number).query(Long.class).single();
		String category = jdbc.sql("SELECT category_code FROM petition WHERE id = ?").param(id).query(String.class).optional().orElse(null);
		if (category == null) {
			return; // waits for classification
		}
		String unit = jdbc.sql("SELECT default_unit_code FROM category WHERE code = ?").param(category).query(String.class).single();
		double roll = random.nextDouble();
		if (roll < 0.25) {
			return;
		}
		OffsetDateTime at = received.plus(Duration.ofHours(20 + random.nextInt(40)));
		step(id, at, "city.registrar", "TRANSFER", "REGISTERED", "TRANSFERRED", "转送至责任单位", "转交");
		String status = "TRANSFERRED";
		if (roll >= 0.45) {
			at = at.plus(Duration.ofHours(24 + random.nextInt(48)));
			step(id, at, "hr.officer", "ACCEPT", status, "ACCEPTED", "受理", "受理告知");
			status = "ACCEPTED";
		}
		if (roll >= 0.75) {
			at = at.plus(Duration.ofDays(5 + random.nextInt(15)));
			step(id, at, "hr.head", "APPROVE", status, "REPLIED", "出具信访处理意见书", "意见书");
			status = "REPLIED";
		}
		if (roll >= 0.88) {
			at = at.plus(Duration.ofDays(2));
			step(id, at, "city.reviewer", "APPROVE", status, "CLOSED", "审核认定办结", null);
			status = "CLOSED";
		}
		if (at.isAfter(OffsetDateTime.now())) {
			at = OffsetDateTime.now();
		}
		jdbc.sql("UPDATE petition SET status = ?, responsible_unit_code = ?, complexity = coalesce(complexity, ?) WHERE id = ?")
			.params(status, unit, random.nextBoolean() ? "SIMPLE" : "COMPLEX", id)
			.update();
	}

	private void step(long id, OffsetDateTime at, String actor, String action, String from, String to, String note,
			String milestone) {
		jdbc.sql("""
				INSERT INTO petition_history (petition_id, at, actor, action, from_status, to_status, note, public_milestone)
				VALUES (?,?,?,?,?,?,?,?)""")
			.params(id, at, actor, action, from, to, note, milestone)
			.update();
	}

}
