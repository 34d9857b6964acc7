package com.xinfang.prevention;

import com.xinfang.audit.AuditLog;
import com.xinfang.grid.Oversight;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.mediation.Disputes;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.platform.Rows;
import com.xinfang.prevention.StabilityAssessmentGate.Conclusion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 社会稳定风险评估 of major decisions: the register (projects, policies, land requisitions by the
 * deciding body), the assessment (评估主体, method, the risks with their level 高/中/低, the measures,
 * the conclusion 可实施 / 暂缓实施 / 不实施), the decision recorded as taken only through
 * {@link StabilityAssessmentGate}, and the petitions and disputes linked back to the decision they arise
 * from, so the assessment's quality can be judged afterwards. Kept by the 信访局 and leaders of the
 * region (registrars, 督办员, leaders); anyone else: "does not exist".
 */
@Service
public class StabilityAssessments {

	static final Set<String> KINDS = Set.of("PROJECT", "POLICY", "LAND", "OTHER");

	public record DecisionInput(String regionCode, String title, String kind, String decidingBody, String summary) {
	}

	public record RiskInput(String description, String level) {
	}

	public record AssessmentInput(String assessor, String method, List<RiskInput> risks, String measures, String conclusion,
			LocalDate completedOn, Integer version) {
	}

	public record Taking(LocalDate takenOn, String note, Integer version) {
	}

	public record LinkInput(String kind, String number) {
	}

	public record Risk(String description, String level, String levelLabel) {
	}

	public record Assessment(long id, String assessor, String method, List<Risk> risks, String measures, String conclusion,
			String conclusionLabel, LocalDate completedOn, String recordedBy) {
	}

	public record Link(String kind, String number, LocalDate linkedOn) {
	}

	public record Decision(long id, String regionCode, String regionName, String title, String kind, String kindLabel,
			String decidingBody, String summary, String status, String statusLabel, LocalDate takenOn, String takenNote,
			List<Assessment> assessments, List<Link> links, long linkedPetitions, long linkedDisputes, int version) {
	}

	private final JdbcClient jdbc;

	private final PetitionQueries petitions;

	private final Disputes disputes;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	StabilityAssessments(JdbcClient jdbc, PetitionQueries petitions, Disputes disputes, Directory directory,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.disputes = disputes;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	static boolean keeps(Actor actor, String regionCode) {
		return actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER) && Oversight.oversees(actor, regionCode);
	}

	/** A place on the console's form: its code, and its name as staff read it (indented under its county). */
	public record Place(String code, String label) {
	}

	/** The places the actor may register a decision for (city, counties, townships of the region they keep); else 404. */
	public List<Place> places(Actor actor) {
		String prefix = Oversight.regionPrefix(actor).filter(p -> actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER)).orElse(null);
		if (prefix == null) {
			throw new DomainException.NotFound("页面不存在");
		}
		List<Place> out = new ArrayList<>();
		for (Region city : directory.regionChildren(null)) {
			if (keeps(actor, city.code())) {
				out.add(new Place(city.code(), city.name() + "（全市）"));
			}
		}
		for (Region county : directory.counties()) {
			if (keeps(actor, county.code())) {
				out.add(new Place(county.code(), county.name()));
			}
			for (Region township : directory.regionChildren(county.code())) {
				if (keeps(actor, township.code())) {
					out.add(new Place(township.code(), county.name() + " / " + township.name()));
				}
			}
		}
		if (out.isEmpty()) {
			throw new DomainException.NotFound("页面不存在");
		}
		return out;
	}

	/** Whether the actor may register decisions at all (the entry on the list page). */
	public boolean mayRegister(Actor actor) {
		try {
			return !places(actor).isEmpty();
		}
		catch (DomainException.NotFound ex) {
			return false;
		}
	}

	@Transactional
	public Decision register(DecisionInput in, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null) {
			throw new DomainException.Invalid("title", "请填写重大决策事项");
		}
		Region region = in.regionCode() == null ? null : directory.region(in.regionCode()).orElse(null);
		if (region == null) {
			problems.add(new FieldProblem("regionCode", "请选择决策涉及的地区"));
		}
		if (in.title() == null || in.title().isBlank() || in.title().strip().length() > 200) {
			problems.add(new FieldProblem("title", "请填写决策事项名称（不超过200字）"));
		}
		if (in.kind() == null || !KINDS.contains(in.kind())) {
			problems.add(new FieldProblem("kind", "请选择决策类别：重大项目、重大政策、征地拆迁或其他"));
		}
		if (in.decidingBody() == null || in.decidingBody().strip().length() < 2 || in.decidingBody().strip().length() > 100) {
			problems.add(new FieldProblem("decidingBody", "请填写决策机关（不超过100字）"));
		}
		if (in.summary() == null || in.summary().strip().length() < 10 || in.summary().strip().length() > 4000) {
			problems.add(new FieldProblem("summary", "请写明决策的主要内容（10至4000字）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		if (!keeps(actor, in.regionCode())) {
			throw new DomainException.Forbidden("由该地区信访部门或领导登记重大决策");
		}
		long id = jdbc.sql("""
				INSERT INTO major_decision (region_code, title, kind, deciding_body, summary, status, registered_by, registered_at)
				VALUES (?, ?, ?, ?, ?, 'REGISTERED', ?, ?) RETURNING id""")
			.params(in.regionCode(), in.title().strip(), in.kind(), in.decidingBody().strip(), in.summary().strip(), actor.userId(), now())
			.query(Long.class)
			.single();
		audit.record(actor.label(), "DECISION_REGISTERED", "MD" + id, in.title().strip());
		return load(id, actor);
	}

	/** The assessment (a later one replaces an earlier 暂缓实施 as the one that counts). */
	@Transactional
	public Decision assess(long id, AssessmentInput in, Actor actor) {
		Decision d = visible(id, actor);
		if ("TAKEN".equals(d.status())) {
			throw new DomainException.Conflict("该决策已作出，不再评估");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null) {
			throw new DomainException.Invalid("assessor", "请填写评估情况");
		}
		if (in.assessor() == null || in.assessor().strip().length() < 2 || in.assessor().strip().length() > 100) {
			problems.add(new FieldProblem("assessor", "请填写评估主体（不超过100字）"));
		}
		if (in.method() == null || in.method().strip().length() < 4 || in.method().strip().length() > 1000) {
			problems.add(new FieldProblem("method", "请写明评估方法（如问卷调查、座谈走访、听证、专家论证，不超过1000字）"));
		}
		List<RiskInput> risks = in.risks() == null ? List.of() : in.risks();
		if (risks.isEmpty() || risks.size() > 50) {
			problems.add(new FieldProblem("risks", "请列明评估发现的风险及其等级（高、中、低），不超过50项"));
			risks = risks.size() > 50 ? List.of() : risks;
		}
		for (int i = 0; i < risks.size(); i++) {
			RiskInput r = risks.get(i);
			if (r == null || r.description() == null || r.description().strip().length() < 4 || r.description().strip().length() > 1000) {
				problems.add(new FieldProblem("risks[" + i + "].description", "请描述第" + (i + 1) + "项风险（4至1000字）"));
			}
			if (r == null || r.level() == null || !Set.of("HIGH", "MEDIUM", "LOW").contains(r.level())) {
				problems.add(new FieldProblem("risks[" + i + "].level", "请选择第" + (i + 1) + "项风险的等级：高、中、低"));
			}
		}
		if (in.measures() == null || in.measures().strip().length() < 10 || in.measures().strip().length() > 4000) {
			problems.add(new FieldProblem("measures", "请写明风险防范化解措施（10至4000字）"));
		}
		Conclusion conclusion = null;
		try {
			conclusion = in.conclusion() == null ? null : Conclusion.valueOf(in.conclusion());
		}
		catch (IllegalArgumentException ex) {
			conclusion = null;
		}
		if (conclusion == null) {
			problems.add(new FieldProblem("conclusion", "请选择评估结论：可实施、暂缓实施或不实施"));
		}
		if (in.completedOn() == null || in.completedOn().isAfter(today())) {
			problems.add(new FieldProblem("completedOn", "请填写评估完成日期（不晚于今天）"));
		}
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		bump(d, in.version(), "status = 'ASSESSED'");
		long aid = jdbc.sql("""
				INSERT INTO stability_assessment (decision_id, assessor, method, measures, conclusion, completed_on, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(id, in.assessor().strip(), in.method().strip(), in.measures().strip(), conclusion.name(), in.completedOn(),
					actor.userId(), now())
			.query(Long.class)
			.single();
		for (RiskInput r : risks) {
			jdbc.sql("INSERT INTO stability_risk (assessment_id, description, level) VALUES (?, ?, ?)")
				.params(aid, r.description().strip(), r.level())
				.update();
		}
		audit.record(actor.label(), "DECISION_ASSESSED", "MD" + id, conclusion.label());
		return load(id, actor);
	}

	/** The decision recorded as taken: only through the 前置程序 ({@link StabilityAssessmentGate}). */
	@Transactional
	public Decision recordTaken(long id, Taking in, Actor actor) {
		Decision d = visible(id, actor);
		if ("TAKEN".equals(d.status())) {
			throw new DomainException.Conflict("该决策已记录为已作出");
		}
		if (in == null || in.takenOn() == null || in.takenOn().isAfter(today())) {
			throw new DomainException.Invalid("takenOn", "请填写决策日期（不晚于今天）");
		}
		if (in.note() != null && in.note().strip().length() > 2000) {
			throw new DomainException.Invalid("note", "说明不超过2000字");
		}
		var latest = d.assessments().isEmpty() ? null : d.assessments().get(d.assessments().size() - 1);
		StabilityAssessmentGate.refusal(latest == null ? null
				: new StabilityAssessmentGate.Latest(Conclusion.valueOf(latest.conclusion()), latest.completedOn()), in.takenOn())
			.ifPresent(reason -> {
				throw new DomainException.Conflict(reason);
			});
		bump(d, in.version(), "status = 'TAKEN', taken_on = ?, taken_note = ?", in.takenOn(),
				in.note() == null || in.note().isBlank() ? null : in.note().strip());
		audit.record(actor.label(), "DECISION_TAKEN", "MD" + id, in.takenOn().toString());
		return load(id, actor);
	}

	/** A later petition or dispute linked back to the decision it arises from (the matter must be one the actor can see). */
	@Transactional
	public Decision link(long id, LinkInput in, Actor actor) {
		visible(id, actor);
		if (in == null || in.number() == null || in.number().isBlank() || in.kind() == null
				|| !Set.of("PETITION", "DISPUTE").contains(in.kind())) {
			throw new DomainException.Invalid("number", "请填写信访事项或矛盾纠纷的编号");
		}
		String number = in.number().strip();
		if ("PETITION".equals(in.kind())) {
			petitions.requireVisible(number, actor);
		}
		else {
			disputes.visible(number, actor);
		}
		int n = jdbc.sql("""
				INSERT INTO decision_link (decision_id, matter_kind, matter_number, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(id, in.kind(), number, actor.userId(), now())
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("已关联");
		}
		audit.record(actor.label(), "DECISION_LINKED", "MD" + id, ("DISPUTE".equals(in.kind()) ? "矛盾纠纷 " : "信访事项 ") + number);
		return load(id, actor);
	}

	@Transactional(readOnly = true)
	public Decision view(long id, Actor actor) {
		return visible(id, actor);
	}

	@Transactional(readOnly = true)
	public List<Decision> list(Actor actor) {
		String prefix = Oversight.regionPrefix(actor).filter(p -> actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR, Role.LEADER)).orElse(null);
		if (prefix == null) {
			return List.of();
		}
		return jdbc.sql("SELECT id FROM major_decision WHERE region_code LIKE ? ORDER BY registered_at DESC, id DESC LIMIT 500")
			.param(prefix + "%")
			.query(Long.class)
			.list()
			.stream()
			.map(i -> load(i, actor))
			.toList();
	}

	// ------------------------------------------------------------------ internals

	private Decision visible(long id, Actor actor) {
		String region = jdbc.sql("SELECT region_code FROM major_decision WHERE id = ?").param(id).query(String.class).optional()
			.orElseThrow(() -> new DomainException.NotFound("重大决策不存在"));
		if (!keeps(actor, region)) {
			throw new DomainException.NotFound("重大决策不存在");
		}
		return load(id, actor);
	}

	private void bump(Decision d, Integer version, String set, Object... values) {
		if (version == null) {
			throw new DomainException.Invalid("version", "缺少版本号");
		}
		List<Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(d.id());
		params.add(version);
		int n = jdbc.sql("UPDATE major_decision SET " + set + ", version = version + 1 WHERE id = ? AND version = ? AND status <> 'TAKEN'")
			.params(params)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该决策已被他人修改，请刷新后重试");
		}
	}

	private Decision load(long id, Actor actor) {
		record D(long id, String regionCode, String title, String kind, String decidingBody, String summary, String status,
				LocalDate takenOn, String takenNote, int version) {
		}
		D d = jdbc.sql("SELECT id, region_code, title, kind, deciding_body, summary, status, taken_on, taken_note, version FROM major_decision WHERE id = ?")
			.param(id)
			.query(Rows.of(D.class))
			.single();
		List<Assessment> assessments = jdbc.sql("""
				SELECT a.id, a.assessor, a.method, a.measures, a.conclusion, a.completed_on, u.display_name FROM stability_assessment a
				JOIN app_user u ON u.id = a.recorded_by WHERE a.decision_id = ? ORDER BY a.id""")
			.param(id)
			.query((rs, n) -> {
				long aid = rs.getLong(1);
				List<Risk> risks = jdbc.sql("SELECT description, level FROM stability_risk WHERE assessment_id = ? ORDER BY id")
					.param(aid)
					.query((r2, m) -> new Risk(r2.getString(1), r2.getString(2), levelLabel(r2.getString(2))))
					.list();
				return new Assessment(aid, rs.getString(2), rs.getString(3), risks, rs.getString(4), rs.getString(5),
						Conclusion.valueOf(rs.getString(5)).label(), rs.getObject(6, LocalDate.class), rs.getString(7));
			})
			.list();
		record L(String matterKind, String matterNumber, OffsetDateTime linkedAt) {
		}
		List<L> all = jdbc.sql("SELECT matter_kind, matter_number, linked_at FROM decision_link WHERE decision_id = ? ORDER BY id")
			.param(id)
			.query(Rows.of(L.class))
			.list();
		// the counts for everyone who keeps the register; the numbers only of the matters the actor may see
		List<Link> links = all.stream().filter(l -> maySee(l.matterKind(), l.matterNumber(), actor)).map(l -> new Link(l.matterKind(), l.matterNumber(),
				BeijingTime.of(l.linkedAt()).toLocalDate())).toList();
		return new Decision(d.id(), d.regionCode(), directory.regionPath(d.regionCode()), d.title(), d.kind(), kindLabel(d.kind()),
				d.decidingBody(), d.summary(), d.status(), statusLabel(d.status()), d.takenOn(), d.takenNote(), assessments, links,
				all.stream().filter(l -> "PETITION".equals(l.matterKind())).count(),
				all.stream().filter(l -> "DISPUTE".equals(l.matterKind())).count(), d.version());
	}

	private boolean maySee(String kind, String number, Actor actor) {
		try {
			if ("PETITION".equals(kind)) {
				petitions.requireVisible(number, actor);
			}
			else {
				disputes.visible(number, actor);
			}
			return true;
		}
		catch (DomainException.NotFound | DomainException.Forbidden ex) {
			return false;
		}
	}

	static String levelLabel(String level) {
		return switch (level) {
			case "HIGH" -> "高";
			case "MEDIUM" -> "中";
			default -> "低";
		};
	}

	static String kindLabel(String kind) {
		return switch (kind) {
			case "PROJECT" -> "重大项目";
			case "POLICY" -> "重大政策";
			case "LAND" -> "征地拆迁";
			default -> "其他";
		};
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "REGISTERED" -> "待评估";
			case "ASSESSED" -> "已评估";
			case "TAKEN" -> "已决策";
			default -> status;
		};
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
