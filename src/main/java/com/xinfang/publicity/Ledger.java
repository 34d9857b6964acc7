package com.xinfang.publicity;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publicity ledger: activities by county and unit with their counts and photos, trainings with
 * their attendance, and the 普法重点任务清单 / 普法责任清单 tasks that owner units report done. A
 * 信访局 sees the activities held in its region; any other unit its own.
 */
@Service
public class Ledger {

	static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

	static final int MAX_PHOTOS = 9;

	static final int MAX_COUNT = 10_000_000;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final PublicityAccess access;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Directory directory, PublicityAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	public record ActivityForm(ActivityKind kind, String title, String countyCode, LocalDate heldOn, String place, Integer materials,
			Integer attendees, Integer answered, String note) {
	}

	public record Activity(long id, ActivityKind kind, String title, String countyCode, String unitCode, LocalDate heldOn, String place,
			int materials, int attendees, int answered, String note, int photos, int attendance) {

		/** A training's attendees: its attendance list when one was recorded, else the number entered. */
		public int attendeesCounted() {
			return attendance > 0 ? attendance : attendees;
		}

	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BeijingTime.ZONE));
	}

	@Transactional
	public long record(ActivityForm f, Actor actor) {
		access.requireStaff(actor);
		List<DomainException.FieldProblem> p = new ArrayList<>();
		if (f.kind() == null) {
			p.add(new DomainException.FieldProblem("kind", "请选择活动类型"));
		}
		if (f.title() == null || f.title().isBlank() || f.title().length() > 200) {
			p.add(new DomainException.FieldProblem("title", "请填写活动名称（200字以内）"));
		}
		if (f.countyCode() == null || directory.counties().stream().noneMatch(c -> c.code().equals(f.countyCode()))) {
			p.add(new DomainException.FieldProblem("countyCode", "请选择县市区"));
		}
		else if (!mayRecordIn(actor, f.countyCode())) {
			p.add(new DomainException.FieldProblem("countyCode", "只能登记本辖区的活动"));
		}
		if (f.heldOn() == null || f.heldOn().isAfter(today())) {
			p.add(new DomainException.FieldProblem("heldOn", "请填写活动日期（不能晚于今天）"));
		}
		if (f.place() == null || f.place().isBlank() || f.place().length() > 200) {
			p.add(new DomainException.FieldProblem("place", "请填写活动地点"));
		}
		for (Integer n : Arrays.asList(f.materials(), f.attendees(), f.answered())) {
			if (n != null && (n < 0 || n > MAX_COUNT)) {
				p.add(new DomainException.FieldProblem("counts", "数量应为0至1000万之间的整数"));
				break;
			}
		}
		if (!p.isEmpty()) {
			throw new DomainException.Invalid(p);
		}
		return jdbc.sql("""
				INSERT INTO publicity_activity (kind, title, county_code, unit_code, held_on, place, materials, attendees, answered, note,
				  created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
			.params(f.kind().name(), f.title().strip(), f.countyCode(), actor.unitCode(), f.heldOn(), f.place().strip(), zero(f.materials()),
					zero(f.attendees()), zero(f.answered()), f.note(), actor.userId(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private static int zero(Integer n) {
		return n == null ? 0 : n;
	}

	/** A county bureau records in its county; the city bureau and the city's departments anywhere in the city. */
	private boolean mayRecordIn(Actor actor, String county) {
		Unit unit = directory.unit(actor.unitCode()).orElse(null);
		if (unit == null) {
			return false;
		}
		return unit.regionCode().length() < 6 || unit.regionCode().endsWith("00") || county.startsWith(unit.regionCode());
	}

	private String scopeSql(Actor actor, Map<String, Object> params) {
		PublicityAccess.ResultScope s = access.resultScope(actor);
		if (s.all()) {
			return "";
		}
		if (s.regionPrefix() != null) {
			params.put("region", s.regionPrefix() + "%");
			return " AND a.county_code LIKE :region";
		}
		params.put("unit", actor.unitCode());
		return " AND a.unit_code = :unit";
	}

	@Transactional(readOnly = true)
	public List<Activity> activities(Actor actor, int year, String county) {
		access.requireStaff(actor);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", LocalDate.of(year, 1, 1));
		params.put("to", LocalDate.of(year, 12, 31));
		String sql = """
				SELECT a.id, a.kind, a.title, a.county_code, a.unit_code, a.held_on, a.place, a.materials, a.attendees, a.answered, a.note,
				       (SELECT count(*) FROM publicity_photo p WHERE p.activity_id = a.id)::int AS photos,
				       (SELECT count(*) FROM training_attendance t WHERE t.activity_id = a.id)::int AS attendance
				FROM publicity_activity a WHERE a.held_on BETWEEN :from AND :to""" + scopeSql(actor, params);
		if (county != null && !county.isBlank()) {
			sql += " AND a.county_code = :county";
			params.put("county", county);
		}
		return jdbc.sql(sql + " ORDER BY a.held_on DESC, a.id DESC").params(params).query(Rows.of(Activity.class)).list();
	}

	@Transactional(readOnly = true)
	public Activity activity(long id, Actor actor) {
		access.requireStaff(actor);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", id);
		return jdbc.sql("""
				SELECT a.id, a.kind, a.title, a.county_code, a.unit_code, a.held_on, a.place, a.materials, a.attendees, a.answered, a.note,
				       (SELECT count(*) FROM publicity_photo p WHERE p.activity_id = a.id)::int AS photos,
				       (SELECT count(*) FROM training_attendance t WHERE t.activity_id = a.id)::int AS attendance
				FROM publicity_activity a WHERE a.id = :id""" + scopeSql(actor, params))
			.params(params)
			.query(Rows.of(Activity.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这项活动"));
	}

	/** Adds a photo (JPEG or PNG, checked by content, at most 5 MB, at most 9 per activity). */
	@Transactional
	public void addPhoto(long activityId, byte[] bytes, Actor actor) {
		Activity a = activity(activityId, actor);
		if (!a.unitCode().equals(actor.unitCode()) && !access.isBureau(actor)) {
			throw new DomainException.Forbidden("只有登记单位可以上传照片");
		}
		String type = imageType(bytes);
		if (type == null) {
			throw new DomainException.Invalid("photo", "照片须为 JPG 或 PNG 图片");
		}
		if (bytes.length > MAX_PHOTO_BYTES) {
			throw new DomainException.Invalid("photo", "照片不能超过5MB");
		}
		if (a.photos() >= MAX_PHOTOS) {
			throw new DomainException.Invalid("photo", "每项活动最多上传" + MAX_PHOTOS + "张照片");
		}
		jdbc.sql("INSERT INTO publicity_photo (activity_id, content_type, bytes, uploaded_at) VALUES (?,?,?,?)")
			.params(activityId, type, bytes, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	static String imageType(byte[] b) {
		if (b == null || b.length < 8) {
			return null;
		}
		if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return "image/jpeg";
		}
		if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		return null;
	}

	public record Photo(long id, String contentType, byte[] bytes) {
	}

	@Transactional(readOnly = true)
	public List<Long> photoIds(long activityId, Actor actor) {
		activity(activityId, actor);
		return jdbc.sql("SELECT id FROM publicity_photo WHERE activity_id = ? ORDER BY id").param(activityId).query(Long.class).list();
	}

	@Transactional(readOnly = true)
	public Photo photo(long activityId, long photoId, Actor actor) {
		activity(activityId, actor);
		return jdbc.sql("SELECT id, content_type, bytes FROM publicity_photo WHERE id = ? AND activity_id = ?")
			.params(photoId, activityId)
			.query(Rows.of(Photo.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这张照片"));
	}

	public record Attendee(long userId, String name, String unitCode, boolean present) {
	}

	/** Staff who could attend a training (its unit's region), each marked present or not. */
	@Transactional(readOnly = true)
	public List<Attendee> attendance(long activityId, Actor actor) {
		Activity a = activity(activityId, actor);
		if (a.kind() != ActivityKind.TRAINING) {
			throw new DomainException.Conflict("只有培训活动登记签到");
		}
		return jdbc.sql("""
				SELECT u.id AS user_id, u.display_name AS name, u.unit_code,
				       EXISTS (SELECT 1 FROM training_attendance t WHERE t.activity_id = ? AND t.user_id = u.id) AS present
				FROM app_user u JOIN unit un ON un.code = u.unit_code
				WHERE u.kind = 'STAFF' AND u.enabled AND (un.region_code LIKE ? OR ? LIKE un.region_code || '%')
				ORDER BY un.sort_order, u.display_name""")
			.params(activityId, a.countyCode().substring(0, 6) + "%", a.countyCode())
			.query(Rows.of(Attendee.class))
			.list();
	}

	@Transactional
	public void setAttendance(long activityId, List<Long> present, Actor actor) {
		Activity a = activity(activityId, actor);
		if (a.kind() != ActivityKind.TRAINING) {
			throw new DomainException.Conflict("只有培训活动登记签到");
		}
		if (!a.unitCode().equals(actor.unitCode()) && !access.isBureau(actor)) {
			throw new DomainException.Forbidden("只有登记单位可以登记签到");
		}
		List<Long> allowed = attendance(activityId, actor).stream().map(Attendee::userId).toList();
		if (!allowed.containsAll(present)) {
			throw new DomainException.Invalid("attendance", "签到名单中有不属于本辖区的人员");
		}
		// guarded: two lists saved at once are applied one after the other (the last one holds), never
		// interleaved into a duplicate-key failure
		jdbc.sql("SELECT id FROM publicity_activity WHERE id = ? FOR UPDATE").param(activityId).query(Long.class).single();
		jdbc.sql("DELETE FROM training_attendance WHERE activity_id = ?").param(activityId).update();
		for (Long u : present) {
			jdbc.sql("INSERT INTO training_attendance (activity_id, user_id) VALUES (?, ?)").params(activityId, u).update();
		}
	}

	// 普法重点任务清单 and 普法责任清单

	public enum TaskList {

		KEY("普法重点任务清单"), RESPONSIBILITY("普法责任清单");

		private final String label;

		TaskList(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Task(long id, TaskList list, int year, String title, String ownerUnit, LocalDate deadline, OffsetDateTime doneAt,
			String doneNote, int version) {

		public boolean done() {
			return doneAt != null;
		}

		public boolean onTime() {
			return doneAt != null && !doneAt.atZoneSameInstant(BeijingTime.ZONE).toLocalDate().isAfter(deadline);
		}

	}

	@Transactional
	public long addTask(TaskList list, int year, String title, String ownerUnit, LocalDate deadline, Actor actor) {
		access.requireBankEditor(actor);
		List<DomainException.FieldProblem> p = new ArrayList<>();
		if (list == null) {
			p.add(new DomainException.FieldProblem("list", "请选择清单"));
		}
		if (title == null || title.isBlank() || title.length() > 300) {
			p.add(new DomainException.FieldProblem("title", "请填写任务内容（300字以内）"));
		}
		if (ownerUnit == null || directory.unit(ownerUnit).isEmpty()) {
			p.add(new DomainException.FieldProblem("ownerUnit", "请选择责任单位"));
		}
		if (deadline == null) {
			p.add(new DomainException.FieldProblem("deadline", "请填写完成时限"));
		}
		if (!p.isEmpty()) {
			throw new DomainException.Invalid(p);
		}
		return jdbc.sql("INSERT INTO publicity_task (list, year, title, owner_unit, deadline, created_at) VALUES (?,?,?,?,?,?) RETURNING id")
			.params(list.name(), year, title.strip(), ownerUnit, deadline, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Task> tasks(int year, Actor actor) {
		access.requireStaff(actor);
		PublicityAccess.ResultScope s = access.resultScope(actor);
		boolean all = s.all() || s.regionPrefix() != null;
		return jdbc.sql("SELECT id, list, year, title, owner_unit, deadline, done_at, done_note, version FROM publicity_task WHERE year = ?"
				+ (all ? "" : " AND owner_unit = ?") + " ORDER BY list, deadline, id")
			.params(all ? List.of(year) : List.of(year, actor.unitCode()))
			.query(Rows.of(Task.class))
			.list();
	}

	/** The owner unit reports a task done (once; a second report, or a stale page, gets 409). */
	@Transactional
	public void reportDone(long taskId, int version, String note, Actor actor) {
		access.requireStaff(actor);
		Task t = jdbc.sql("SELECT id, list, year, title, owner_unit, deadline, done_at, done_note, version FROM publicity_task WHERE id = ?")
			.param(taskId)
			.query(Rows.of(Task.class))
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这项任务"));
		if (!t.ownerUnit().equals(actor.unitCode())) {
			throw new DomainException.Forbidden("只有责任单位可以报告完成");
		}
		if (note == null || note.isBlank()) {
			throw new DomainException.Invalid("note", "请写明完成情况");
		}
		int n = jdbc.sql("""
				UPDATE publicity_task SET done_at = ?, done_note = ?, done_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND done_at IS NULL""")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), note.strip(), actor.userId(), taskId, version)
			.update();
		if (n == 0) {
			throw new DomainException.Conflict("该任务已报告完成或已被他人修改，请刷新");
		}
	}

}
