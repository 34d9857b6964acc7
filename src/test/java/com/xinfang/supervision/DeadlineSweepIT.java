package com.xinfang.supervision;

import com.xinfang.notification.StaffNotices;

import static org.assertj.core.api.Assertions.assertThat;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.petition.PetitionCommand;
import com.xinfang.petition.PetitionActions;
import com.xinfang.petition.PetitionRegistration;
import com.xinfang.petition.RegisterPetition;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sweep reminds exactly once per threshold, even when two nodes sweep at the same moment. */
@IntegrationTest
class DeadlineSweepIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	PetitionRegistration registration;

	@Autowired
	PetitionActions actions;

	@Autowired
	Accounts accounts;

	@Autowired
	StaffNotices notices;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoNodesSweepingTogetherRemindOncePerThresholdAndWarnHeadsAndSupervisorsOfAMissedLimit() {
		Actor registrar = accounts.actorByUsername("city.registrar").orElseThrow();
		var p = registration.register(new RegisterPetition("LETTER", null, "430702002", "超期提醒测试", "用于验证期限提醒的来信。",
				"LABOR", "CLAIM", "SIMPLE", List.of(new RegisterPetition.PetitionerInput("向红梅", null, null, null, false)), 1,
				null, null), List.of(), registrar).petition();
		var cmd = new PetitionCommand.Transfer("CD-HRSS",
				new PetitionCommand.Communication("人社局 刘科长", OffsetDateTime.now(clock), "电话沟通同意接收"));
		actions.perform(p.number(), p.version(), cmd, registrar);
		long id = jdbc.sql("SELECT id FROM petition WHERE number = ?").param(p.number()).query(Long.class).single();
		LocalDate later = LocalDate.now(clock).plusDays(40);

		var first = CompletableFuture.supplyAsync(() -> sweep.sweep(later));
		var second = CompletableFuture.supplyAsync(() -> sweep.sweep(later));
		first.join();
		second.join();

		List<String> reminders = jdbc.sql("SELECT clock || ':' || threshold FROM deadline_reminder WHERE petition_id = ? ORDER BY 1")
			.param(id)
			.query(String.class)
			.list();
		assertThat(reminders).containsExactly("STATUTORY:DUE_DAY", "STATUTORY:HALF", "STATUTORY:MISSED",
				"STATUTORY:THREE_QUARTERS", "TARGET:DUE_DAY", "TARGET:HALF", "TARGET:MISSED", "TARGET:THREE_QUARTERS");
		assertThat(sweep.sweep(later)).as("nothing new the second time").isZero();

		List<String> recipients = jdbc.sql("SELECT unit_code || ':' || role FROM staff_notice WHERE petition_id = ?")
			.param(id)
			.query(String.class)
			.list();
		assertThat(recipients.stream().filter("CD-HRSS:CASE_OFFICER"::equals)).hasSize(8);
		assertThat(recipients).containsOnlyOnce("CD-HRSS:UNIT_HEAD", "WL-XFJ:SUPERVISOR", "CD-XFJ:SUPERVISOR");

		Actor officer = accounts.actorByUsername("hr.officer").orElseThrow();
		assertThat(notices.unread(officer, 100)).anySatisfy(n -> {
			assertThat(n.number()).isEqualTo(p.number());
			assertThat(n.text()).contains("法定期限已超期");
		});
		Actor supervisor = accounts.actorByUsername("city.supervisor").orElseThrow();
		assertThat(notices.unread(supervisor, 100)).anySatisfy(n -> assertThat(n.number()).isEqualTo(p.number()));
	}

}
