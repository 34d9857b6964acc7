package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ScopeAndUnmaskIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@Autowired
	PetitionRegistration registration;

	@Autowired
	PetitionQueries queries;

	@Autowired
	Unmasking unmasking;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	Actor actor(String username) {
		return accounts.actorByUsername(username).orElseThrow();
	}

	@Test
	void listsOnlyEverContainWhatTheCallerMaySee() {
		Actor wuling = actor("wuling.registrar");
		registration.register(new RegisterPetition("VISIT", OffsetDateTime.now(clock), "430702004", "路灯不亮", "芙蓉街道某路段路灯损坏两个月无人维修。",
				"URBAN", "SUGGESTION", null, List.of(new RegisterPetition.PetitionerInput("吴卫东", null, null, null, false)), 1,
				null, null), List.of(), wuling);
		registration.register(new RegisterPetition("VISIT", OffsetDateTime.now(clock), "430703004", "道路积水", "斗姆湖街道某路口每逢下雨积水严重。",
				"URBAN", "SUGGESTION", null, List.of(new RegisterPetition.PetitionerInput("吴卫东", null, null, null, false)), 1,
				null, null), List.of(), actor("city.registrar"));
		var page = queries.list(PetitionViews.Filter.none(), wuling, 0, 200);
		assertThat(page.items()).isNotEmpty().allSatisfy(p -> assertThat(p.regionCode()).startsWith("430702"));
		Actor hr = actor("hr.officer");
		assertThat(queries.list(PetitionViews.Filter.none(), hr, 0, 200).items())
			.allSatisfy(p -> assertThat(p.responsibleUnitCode()).isEqualTo("CD-HRSS"));
		long cityTotal = queries.list(PetitionViews.Filter.none(), actor("city.registrar"), 0, 1).total();
		assertThat(cityTotal).isGreaterThan(page.total());
		Actor citizen = accounts.actorByPhone("13800000001").orElseThrow();
		// a citizen's list is exactly their own matters, counted from the table itself
		List<String> own = jdbc.sql("SELECT number FROM petition WHERE citizen_user_id = ? ORDER BY number")
			.param(citizen.userId())
			.query(String.class)
			.list();
		assertThat(queries.mine(citizen)).extracting(PetitionViews.PetitionSummary::number).containsExactlyInAnyOrderElementsOf(own);
		// and anyone else's matter does not exist for them
		String others = jdbc.sql("SELECT number FROM petition WHERE citizen_user_id IS DISTINCT FROM ? LIMIT 1")
			.param(citizen.userId())
			.query(String.class)
			.single();
		assertThatThrownBy(() -> queries.find(others, citizen)).isInstanceOf(DomainException.NotFound.class);
	}

	@Test
	void unmaskingNeedsAReasonIsLoggedAndIsRefusedToLeaders() {
		String id = IdNumber.withCheckCharacter("43070219580909444");
		var result = registration.register(new RegisterPetition("PHONE", OffsetDateTime.now(clock), "430702001", "低保停发",
				"本人低保被停发，请求说明理由并恢复。", "CIVIL", "CLAIM", null,
				List.of(new RegisterPetition.PetitionerInput("曾玉珍", id, "13807364444", "武陵区丹阳街道", false)), 1, null, null),
				List.of(), actor("city.registrar"));
		String number = result.petition().number();
		Actor registrar = actor("city.registrar");

		assertThatThrownBy(() -> unmasking.reveal(number, 0, "", registrar)).isInstanceOf(DomainException.Invalid.class);
		var revealed = unmasking.reveal(number, 0, "电话回访核实身份", registrar);
		assertThat(revealed.idNumber()).isEqualTo(id);
		assertThat(revealed.phone()).isEqualTo("13807364444");
		assertThat(audit.recent(5)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("UNMASK");
			assertThat(e.actor()).isEqualTo("city.registrar");
			assertThat(e.target()).isEqualTo(number + "#0");
			assertThat(e.detail()).isEqualTo("电话回访核实身份");
		});

		assertThatThrownBy(() -> unmasking.reveal(number, 0, "想看看", actor("leader")))
			.isInstanceOf(DomainException.Forbidden.class);
		assertThat(audit.recent(1).get(0).action()).isEqualTo("UNMASK_REFUSED");
		// a department that is not responsible does not even find the matter
		assertThatThrownBy(() -> unmasking.reveal(number, 0, "核实情况需要", actor("hr.officer")))
			.isInstanceOf(DomainException.NotFound.class);
	}

	@Test
	void theAuditChainShowsTampering() {
		audit.record("test", "CHECK", "chain", "first");
		audit.record("test", "CHECK", "chain", "second");
		assertThat(audit.verify()).isEqualTo(-1);
		long last = audit.recent(1).get(0).id();
		jdbc.sql("UPDATE audit_log SET detail = 'edited' WHERE id = ?").param(last - 1).update();
		try {
			assertThat(audit.verify()).isEqualTo(last - 1);
		}
		finally {
			jdbc.sql("UPDATE audit_log SET detail = 'first' WHERE id = ?").param(last - 1).update();
		}
		assertThat(audit.verify()).isEqualTo(-1);
	}

}
