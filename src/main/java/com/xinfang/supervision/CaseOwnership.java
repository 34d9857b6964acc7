package com.xinfang.supervision;

import static com.xinfang.platform.Texts.blank;

import com.xinfang.audit.AuditLog;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.petition.PetitionViews;
import com.xinfang.petition.VisibleMatter;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import com.xinfang.platform.Texts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领导包案 with a "五包一" team: one leader owns a difficult matter with a working group, a plan, a
 * lawyer and a follow-up owner; progress notes record what the team did. The leader's board lists
 * the matters they own.
 */
@Service
public class CaseOwnership {

	private static final ZoneId BEIJING = BeijingTime.ZONE;

	public record Assignment(String leaderUsername, String workingGroup, String plan, String lawyer, String followUpOwner) {
	}

	public record Ownership(String number, String title, String status, String leaderName, String workingGroup, String plan,
			String lawyer, String followUpOwner, OffsetDateTime assignedAt, List<Progress> progress) {
	}

	public record Progress(OffsetDateTime at, String actor, String note) {
	}

	private final PetitionQueries petitions;

	private final Accounts accounts;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseOwnership(PetitionQueries petitions, Accounts accounts, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.petitions = petitions;
		this.accounts = accounts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Ownership assign(String number, Assignment a, Actor actor) {
		if (!actor.hasAny(Role.SUPERVISOR, Role.LEADER)) {
			throw new DomainException.Forbidden("只有督办员或领导可以安排领导包案");
		}
		var p = petitions.find(number, actor);
		Actor leader = accounts.actorByUsername(a == null || a.leaderUsername() == null ? "" : a.leaderUsername().strip())
			.filter(x -> x.has(Role.LEADER))
			.orElseThrow(() -> new DomainException.Invalid("leaderUsername", "请选择包案领导（须为领导账号）"));
		if (blank(a.workingGroup()) || blank(a.plan()) || blank(a.followUpOwner())) {
			throw new DomainException.Invalid("plan", "“五包一”须写明工作专班、化解方案和稳控责任人");
		}
		List<Object> params = new ArrayList<>();
		params.add(leader.userId());
		params.add(Texts.within("workingGroup", "工作专班", a.workingGroup(), 300));
		params.add(Texts.within("plan", "化解方案", a.plan(), Texts.LONG));
		params.add(blank(a.lawyer()) ? null : Texts.within("lawyer", "律师", a.lawyer(), 100));
		params.add(Texts.within("followUpOwner", "稳控责任人", a.followUpOwner(), 100));
		params.add(OffsetDateTime.now(clock));
		params.add(actor.label());
		// guarded: the assignment changes only from the version read here, so of two at once one wins, the other is told
		Integer seen = jdbc.sql("SELECT o.version FROM case_ownership o JOIN petition_ref p ON p.id = o.petition_id WHERE p.number = ?")
			.param(p.number())
			.query(Integer.class)
			.optional()
			.orElse(null);
		params.add(p.number());
		int changed;
		if (seen == null) {
			changed = jdbc.sql("""
					INSERT INTO case_ownership (petition_id, leader_user_id, working_group, plan, lawyer, follow_up_owner, assigned_at, assigned_by)
					SELECT id, ?, ?, ?, ?, ?, ?, ? FROM petition_ref WHERE number = ?
					ON CONFLICT (petition_id) DO NOTHING""")
				.params(params)
				.update();
		}
		else {
			params.add(seen);
			changed = jdbc.sql("""
					UPDATE case_ownership SET leader_user_id = ?, working_group = ?, plan = ?, lawyer = ?, follow_up_owner = ?,
					  assigned_at = ?, assigned_by = ?, version = version + 1
					WHERE petition_id = (SELECT id FROM petition_ref WHERE number = ?) AND version = ?""")
				.params(params)
				.update();
		}
		if (changed == 0) {
			throw new DomainException.Conflict("该事项的包案安排已被他人修改，请刷新后重试");
		}
		audit.record(actor.label(), "CASE_OWNERSHIP", p.number(), "包案领导：" + leader.displayName());
		return of(number, actor).orElseThrow();
	}

	@Transactional
	public Ownership addProgress(String number, String note, Actor actor) {
		var ownership = of(number, actor).orElseThrow(() -> new DomainException.Conflict("该事项尚未安排领导包案"));
		if (!actor.hasAny(Role.LEADER, Role.SUPERVISOR, Role.CASE_OFFICER, Role.UNIT_HEAD)) {
			throw new DomainException.Forbidden("无权记录包案进展");
		}
		if (blank(note) || note.strip().length() < 4) {
			throw new DomainException.Invalid("note", "请填写进展情况");
		}
		jdbc.sql("INSERT INTO case_progress (petition_id, at, actor, note) SELECT id, ?, ?, ? FROM petition_ref WHERE number = ?")
			.params(OffsetDateTime.now(clock), actor.label(), Texts.within("note", "进展情况", note, Texts.LONG), ownership.number())
			.update();
		return of(number, actor).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Ownership> of(String number, Actor actor) {
		return of(petitions.visible(number, actor));
	}

	/** Whether the actor may assign (or change) the 包案 of this matter: a supervisor or a leader, on an open matter. */
	public boolean mayAssign(VisibleMatter matter, Actor actor) {
		return actor.hasAny(Role.SUPERVISOR, Role.LEADER) && matter.status().isOpen();
	}

	/** The 包案 of a matter already found in the actor's scope (the case page). */
	@Transactional(readOnly = true)
	public Optional<Ownership> of(VisibleMatter p) {
		String number = p.number();
		record Row(String displayName, String workingGroup, String plan, String lawyer, String followUpOwner,
				OffsetDateTime assignedAt) {
		}
		return jdbc.sql("""
				SELECT u.display_name, o.working_group, o.plan, o.lawyer, o.follow_up_owner, o.assigned_at
				FROM case_ownership o JOIN petition_ref p ON p.id = o.petition_id JOIN app_user u ON u.id = o.leader_user_id
				WHERE p.number = ?""")
			.param(number)
			.query(Rows.of(Row.class))
			.optional()
			.map(r -> new Ownership(p.number(), p.title(), p.status().name(), r.displayName(), r.workingGroup(), r.plan(), r.lawyer(),
					r.followUpOwner(), BeijingTime.of(r.assignedAt()), progress(number)));
	}

	/** The leader's board: the matters this leader owns, in the leader's scope. */
	@Transactional(readOnly = true)
	public List<Ownership> ownedBy(Actor leader) {
		return jdbc.sql("SELECT p.number FROM case_ownership o JOIN petition_ref p ON p.id = o.petition_id WHERE o.leader_user_id = ? ORDER BY o.assigned_at DESC")
			.param(leader.userId())
			.query(String.class)
			.list()
			.stream()
			.map(n -> of(n, leader))
			.flatMap(Optional::stream)
			.toList();
	}

	private List<Progress> progress(String number) {
		return jdbc.sql("SELECT c.at, c.actor, c.note FROM case_progress c JOIN petition_ref p ON p.id = c.petition_id WHERE p.number = ? ORDER BY c.at")
			.param(number)
			.query((rs, n) -> new Progress(BeijingTime.of(rs.getObject(1, OffsetDateTime.class)),
					rs.getString(2), rs.getString(3)))
			.list();
	}


}
