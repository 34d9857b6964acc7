package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.identity.SmsOutbox;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.Masking;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 登记 (Art 17, 19–22): a registrar records a letter, visit or call; a citizen submits online.
 * Either everything is stored (matter, petitioners, files, history) or nothing is.
 */
@Service
public class PetitionRegistration {

	static final int MAX_TITLE = 100;

	static final int MAX_CONTENT = 5000;

	private final NewPetitions newPetitions;

	private final PetitionNumbers numbers;

	private final AttachmentStore attachments;

	private final History history;

	private final PetitionQueries queries;

	private final PersonalDataCipher cipher;

	private final Directory directory;

	private final SmsOutbox sms;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PetitionClocks clocks;

	private final List<RegistrationAdvisor> advisors;

	private final RepeatRule repeats;

	PetitionRegistration(List<RegistrationAdvisor> advisors, PetitionClocks clocks, NewPetitions newPetitions, PetitionNumbers numbers, AttachmentStore attachments, History history,
			PetitionQueries queries, PersonalDataCipher cipher, Directory directory, SmsOutbox sms, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, RepeatRule repeats) {
		this.repeats = repeats;
		this.advisors = advisors;
		this.clocks = clocks;
		this.newPetitions = newPetitions;
		this.numbers = numbers;
		this.attachments = attachments;
		this.history = history;
		this.queries = queries;
		this.cipher = cipher;
		this.directory = directory;
		this.sms = sms;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public PetitionViews.Registered register(RegisterPetition cmd, List<? extends Upload> files, Actor actor) {
		var registered = registered(cmd, files, actor, clock.instant(), true);
		String category = blankToNull(cmd.categoryCode());
		if (actor.isStaff() && category != null) {
			// the registrar's category is a label the classifier learns from (imports and demo data are not)
			var p = registered.petition();
			advisors.forEach(a -> a.classified(p.number(), p.title(), p.content(), category, blankToNull(cmd.kind()), actor));
		}
		return registered;
	}

	/**
	 * Registration dated when it happened: for a partner's work order, importing an earlier system's
	 * matters and demo data. No suggestions: nobody reads them there, and they are a third of a
	 * registration's cost (the partner's 200 orders a second).
	 */
	@Transactional
	public PetitionViews.Registered registerAt(RegisterPetition cmd, List<? extends Upload> files, Actor actor,
			Instant registeredAt) {
		return registered(cmd, files, actor, registeredAt, false);
	}

	private PetitionViews.Registered registered(RegisterPetition cmd, List<? extends Upload> files, Actor actor,
			Instant registeredAt, boolean withSuggestions) {
		if (!(actor.isCitizen() || actor.hasAny(Role.REGISTRAR, Role.ADMIN))) {
			throw new DomainException.Forbidden("只有登记员可以登记信访事项");
		}
		Instant now = registeredAt.truncatedTo(ChronoUnit.MICROS);
		List<FieldProblem> problems = new ArrayList<>();
		Channel channel = parse(Channel.class, cmd.channel(), "channel", "请选择信访渠道", problems);
		if (actor.isCitizen() && channel != null && channel != Channel.ONLINE) {
			problems.add(new FieldProblem("channel", "群众只能通过网上信访提交"));
		}
		Instant receivedAt = (actor.isCitizen() || cmd.receivedAt() == null ? now : cmd.receivedAt().toInstant())
			.truncatedTo(ChronoUnit.SECONDS);
		if (receivedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
			problems.add(new FieldProblem("receivedAt", "收到日期不能晚于现在"));
		}
		else if (receivedAt.isBefore(now.minus(Duration.ofDays(366)))) {
			problems.add(new FieldProblem("receivedAt", "收到日期早于一年前，请核对"));
		}
		String title = cmd.title() == null ? "" : cmd.title().strip();
		String content = cmd.content() == null ? "" : cmd.content().strip();
		if (content.isEmpty()) {
			problems.add(new FieldProblem("content", "请填写信访内容（事实、理由和请求）"));
		}
		else if (content.length() > MAX_CONTENT) {
			problems.add(new FieldProblem("content", "信访内容不能超过" + MAX_CONTENT + "字，可以附件形式补充"));
		}
		if (title.isEmpty() && !content.isEmpty()) {
			title = content.length() > 30 ? content.substring(0, 30) + "…" : content;
		}
		if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "标题不能超过" + MAX_TITLE + "字"));
		}
		Region region = directory.region(cmd.regionCode()).orElse(null);
		if (region == null) {
			problems.add(new FieldProblem("regionCode", "请选择问题发生地（属地）"));
		}
		else if (region.level() == Region.Level.CITY && actor.isCitizen()) {
			problems.add(new FieldProblem("regionCode", "请选择问题发生的县市区"));
		}
		else if (actor.isStaff() && !actor.scope().permits(region.code(), null, null)) {
			problems.add(new FieldProblem("regionCode", "问题属地不在本单位管辖范围内，请引导信访人向有权处理的信访部门提出"));
		}
		if (cmd.categoryCode() != null && !cmd.categoryCode().isBlank() && directory.category(cmd.categoryCode()).isEmpty()) {
			problems.add(new FieldProblem("categoryCode", "内容分类不存在"));
		}
		Kind kind = optional(Kind.class, cmd.kind(), "kind", problems);
		Complexity complexity = optional(Complexity.class, cmd.complexity(), "complexity", problems);
		List<Petitioner> people = petitioners(cmd, actor, problems);
		int personCount = cmd.personCount() == null ? Math.max(1, people.size()) : cmd.personCount();
		if (personCount < Math.max(1, people.size())) {
			problems.add(new FieldProblem("personCount", "信访人数不能少于登记的信访人数"));
		}
		if (personCount > 10_000) {
			problems.add(new FieldProblem("personCount", "信访人数不合理，请核对"));
		}
		long representatives = people.stream().filter(Petitioner::representative).count();
		if (personCount >= GroupVisitRule.GROUP_SIZE && representatives > GroupVisitRule.MAX_REPRESENTATIVES) {
			// Art 20: a group elects at most five representatives
			problems.add(new FieldProblem("petitioners", "集体访推选的代表不得超过5人（《信访工作条例》第二十条）"));
		}
		if (files.size() > AttachmentStore.MAX_FILES) {
			problems.add(new FieldProblem("attachments", "附件最多" + AttachmentStore.MAX_FILES + "个"));
		}
		String accusedUnitCode = AccusedUnit.code(directory, cmd.accused() == null ? null : cmd.accused().unitCode(),
				cmd.accused() == null ? null : cmd.accused().unit(), problems);
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}

		String number = numbers.next(region.code(), receivedAt);
		String queryCode = numbers.queryCode();
		String registeringUnit = actor.isStaff() ? actor.unitCode()
				: directory.petitionBureauFor(region.code()).map(u -> u.code()).orElse(null);
		boolean firstTime = cmd.firstTime() == null || cmd.firstTime();
		var petition = Petition.register(number, cipher.keyedHash(queryCode), channel, receivedAt, now, region.code(),
				blankToNull(cmd.categoryCode()), kind, complexity, title, content, personCount, firstTime,
				cmd.accused() == null ? null : AccusedUnit.text(directory, accusedUnitCode, cmd.accused().unit()), accusedUnitCode,
				cmd.accused() == null ? null : blankToNull(cmd.accused().person()), registeringUnit,
				actor.isStaff() ? actor.userId() : null, actor.isCitizen() ? actor.userId() : null, people,
				clocks.acceptTarget(complexity, receivedAt), clocks.registrationStatutory(receivedAt));
		petition = newPetitions.insert(petition);
		if (cmd.firstTime() == null && repeats.repeatsEarlier(petition)) {
			// 重复信访: the same person with the same facts as an earlier matter (RepeatRule), decided on the stored texts
			jdbc.sql("UPDATE petition SET first_time = false WHERE id = ?").param(petition.id()).update();
		}
		storeAttachments(petition.id(), files, now);
		history.record(petition.id(), now, actor.label(), "REGISTER", null, Status.REGISTERED,
				channel.label() + "登记", "登记");
		events.publishEvent(new PetitionRegistered(number, region.code(), channel.name(), receivedAt, petition.id(),
				petition.title(), petition.content()));
		notifyPetitioner(cmd, actor, number, queryCode);
		var view = queries.view(petition, actor, !files.isEmpty());
		return new PetitionViews.Registered(view, queryCode,
				withSuggestions ? suggestions(petition, actor) : new PetitionViews.Suggestions(List.of(), List.of()));
	}

	/** The advisors' suggestions; without any duplicate advisor, matters of the same identity. */
	private PetitionViews.Suggestions suggestions(Petition petition, Actor actor) {
		List<PetitionViews.CategorySuggestion> categories = new ArrayList<>();
		List<PetitionViews.DuplicateSuggestion> duplicates = new ArrayList<>();
		var registered = new RegistrationAdvisor.Registered(petition.id(), petition.number(), petition.regionCode(),
				petition.accusedUnit(), petition.kind() == Kind.ACCUSATION,
				petition.petitioners().stream()
					.map(x -> new PetitionPeople.Identity(x.name(), x.idNumberIndex(), x.phoneIndex()))
					.toList());
		for (RegistrationAdvisor advisor : advisors) {
			categories.addAll(advisor.categories(petition.title(), petition.content()));
			duplicates.addAll(advisor.duplicates(registered, actor));
		}
		if (duplicates.isEmpty()) {
			duplicates.addAll(queries.sameIdentity(petition, actor));
		}
		return new PetitionViews.Suggestions(categories, duplicates);
	}

	private List<Petitioner> petitioners(RegisterPetition cmd, Actor actor, List<FieldProblem> problems) {
		List<Petitioner> people = new ArrayList<>();
		List<RegisterPetition.PetitionerInput> inputs = cmd.petitioners() == null ? List.of() : cmd.petitioners();
		if (actor.isCitizen()) {
			// The citizen petitions in their own verified name (实名); co-petitioners may follow.
			var self = jdbc.sql("SELECT display_name, id_number_enc, phone_enc FROM app_user WHERE id = ?")
				.param(actor.userId())
				.query((rs, n) -> new RegisterPetition.PetitionerInput(rs.getString(1), cipher.decrypt(rs.getBytes(2)),
						cipher.decrypt(rs.getBytes(3)), null, true))
				.single();
			String address = inputs.isEmpty() ? null : inputs.get(0).address();
			inputs = List.of(new RegisterPetition.PetitionerInput(self.name(), self.idNumber(), self.phone(), address, true));
		}
		if (inputs.isEmpty()) {
			problems.add(new FieldProblem("petitioners", "请至少登记一名信访人"));
			return people;
		}
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < inputs.size(); i++) {
			var in = inputs.get(i);
			String field = "petitioners[" + i + "]";
			String name = in.name() == null ? "" : in.name().strip();
			if (name.isEmpty()) {
				problems.add(new FieldProblem(field + ".name", "请填写信访人姓名"));
			}
			else if (name.length() > 30) {
				problems.add(new FieldProblem(field + ".name", "信访人姓名不能超过30字"));
			}
			String id = blankToNull(IdNumber.normalise(in.idNumber()));
			if (id != null) {
				IdNumber.problem(id, today).ifPresent(p -> problems.add(new FieldProblem(field + ".idNumber", p)));
			}
			String phone = blankToNull(MobilePhone.normalise(in.phone()));
			if (phone != null && !phone.matches("\\d{7,12}")) {
				problems.add(new FieldProblem(field + ".phone", "联系电话格式不正确"));
			}
			String address = blankToNull(in.address());
			people.add(new Petitioner(name, cipher.encrypt(id), cipher.blindIndex("id", id), Masking.idNumber(id),
					cipher.encrypt(phone), cipher.blindIndex("phone", phone), Masking.phone(phone),
					cipher.encrypt(address), Boolean.TRUE.equals(in.representative())));
		}
		return people;
	}

	/** 首次信访 unless one of the petitioners has an earlier matter (exact identity match). */

	private void storeAttachments(long petitionId, List<? extends Upload> files, Instant now) {
		List<String> written = new ArrayList<>();
		if (!files.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						written.forEach(attachments::delete);
					}
				}
			});
		}
		int seq = 0;
		for (Upload file : files) {
			var stored = attachments.store(file, seq);
			written.add(stored.key());
			jdbc.sql("""
					INSERT INTO attachment (petition_id, seq, file_name, content_type, size_bytes, storage_key, sha256, uploaded_at)
					VALUES (?,?,?,?,?,?,?,?)""")
				.params(petitionId, seq++, safeName(file.fileName()), stored.contentType(), stored.size(), stored.key(),
						stored.sha256(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.update();
		}
	}

	/** Letters and visits: the number and code go to the petitioner's phone. */
	private void notifyPetitioner(RegisterPetition cmd, Actor actor, String number, String queryCode) {
		if (!actor.isStaff() || cmd.petitioners() == null || cmd.petitioners().isEmpty()) {
			return;
		}
		String phone = MobilePhone.normalise(cmd.petitioners().get(0).phone());
		if (phone == null || MobilePhone.problem(phone).isPresent()) {
			return; // no mobile: the registrar prints the slip
		}
		// queued in this transaction: sent if and only if the matter is stored
		sms.queue(phone, "【常德信访】您反映的问题已登记，信访编号" + number + "，查询码" + queryCode
				+ "。可凭编号和查询码在网上查询办理进度。");
	}

	private static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "附件";
		}
		String base = name.replaceAll("[\\\\/]", "_").strip();
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, message));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, message));
			return null;
		}
	}

	private static <E extends Enum<E>> E optional(Class<E> type, String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return parse(type, value, field, "取值无效: " + value, problems);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
