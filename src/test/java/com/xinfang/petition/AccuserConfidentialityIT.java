package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.casefile.ClassCases;
import com.xinfang.casefile.Duplicates;
import com.xinfang.casefile.PersonFiles;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Art 30 on every path that can link an accuser to an accusation (docs/confidentiality.md): a unit
 * officer, a unit head and the leader, who may all see both matters, never learn that the accuser
 * of an accusation is the petitioner of an ordinary matter; the 信访部门 and 纪检监察 may.
 */
@IntegrationTest
class AccuserConfidentialityIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	private static final AtomicInteger SEQ = new AtomicInteger(300);

	@Autowired
	PetitionRegistration registration;

	@Autowired
	PetitionActions actions;

	@Autowired
	PetitionQueries queries;

	@Autowired
	Duplicates duplicates;

	@Autowired
	PersonFiles persons;

	@Autowired
	Accounts accounts;

	@Autowired
	PetitionPeople people;

	@Autowired
	ClassCases classes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	String id;

	String claim;

	String accusation;

	static final String CLAIM_TEXT = "我在鼎城区临江花园项目工地做钢筋工，项目部拖欠我和工友工资四万三千元，包工头说开发商没给钱，请求督促支付。";

	static final String ACCUSATION_TEXT = "检举临江花园项目所在街道城建办某干部收受开发商好处，纵容开发商拖欠钢筋工工资四万三千元，请求调查处理。";

	Actor actor(String username) {
		return accounts.actorByUsername(username).orElseThrow();
	}

	Actor discipline() {
		if (accounts.actorByUsername("jw.test").isEmpty()) {
			accounts.createStaff("jw.test", "Demo@2026", "纪委测试", "CD-JWJW", Set.of(Role.CASE_OFFICER));
		}
		return actor("jw.test");
	}

	String register(String title, String text, String kind, RegisterPetition.Accused accused, String idNumber) {
		return register(title, text, kind, accused, "覃海波", idNumber, "1390736" + String.format("%04d", SEQ.get()));
	}

	String register(String title, String text, String kind, RegisterPetition.Accused accused, String name, String idNumber,
			String phone) {
		return registration.register(new RegisterPetition("LETTER", OffsetDateTime.now(clock), "430703004", title, text,
				"LABOR", kind, "SIMPLE", List.of(new RegisterPetition.PetitionerInput(name, idNumber, phone, null, false)),
				1, accused, null), List.of(), actor("city.registrar")).petition().number();
	}

	void transfer(String number, String unit) {
		var p = queries.find(number, actor("city.registrar"));
		actions.perform(number, p.version(), new PetitionCommand.Transfer(unit,
				new PetitionCommand.Communication("对接人", OffsetDateTime.now(clock).minusHours(1), "电话沟通同意接收")), actor("city.registrar"));
	}

	void accept(String number, Actor by) {
		actions.perform(number, queries.find(number, by).version(), new PetitionCommand.Accept(), by);
	}

	@BeforeEach
	void anAccuserWithAnOrdinaryMatter() {
		int n = SEQ.incrementAndGet();
		id = IdNumber.withCheckCharacter("43070319" + (50 + n % 40) + "0101" + String.format("%03d", n % 1000));
		claim = register("拖欠钢筋工工资", CLAIM_TEXT, "CLAIM", null, id);
		accusation = register("检举城建办干部", ACCUSATION_TEXT, "ACCUSATION", new RegisterPetition.Accused(null, "城建办某干部"), id);
		// both go to the same department, which may see both matters but not the accuser
		transfer(claim, "CD-HRSS");
		transfer(accusation, "CD-HRSS");
		accept(accusation, actor("hr.officer"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "hr.officer", "hr.head", "leader" })
	void noPathLinksTheAccuserForThoseWhoMayNotKnow(String username) {
		Actor reader = actor(username);
		// the matters themselves are visible ...
		assertThat(queries.find(accusation, reader).identityProtected()).isTrue();
		assertThat(queries.find(claim, reader).petitioners().get(0).name()).isEqualTo("覃海波");
		// ... but the similarity API is no oracle: the accuser's ID number with the accusation's text
		var answer = duplicates.similar(new Duplicates.SimilarQuery(ACCUSATION_TEXT, id, null, "覃海波", null, 50), reader);
		assertThat(answer).extracting(Duplicates.Match::number).doesNotContain(accusation);
		assertThat(answer).filteredOn(Duplicates.Match::sameIdentity).extracting(Duplicates.Match::number).containsOnly(claim);
		// the duplicate panels do not cross the accusation boundary, either way
		assertThat(duplicates.forPetition(claim, reader, 50)).extracting(Duplicates.Match::number).doesNotContain(accusation);
		assertThat(duplicates.forPetition(accusation, reader, 50)).extracting(Duplicates.Match::number).doesNotContain(claim);
		assertThat(duplicates.forPetition(accusation, reader, 50)).noneMatch(Duplicates.Match::sameIdentity);
		// the comparison page has nothing to compare
		assertThat(duplicates.compare(claim, accusation, reader)).isEmpty();
		assertThat(duplicates.compare(accusation, claim, reader)).isEmpty();
		// 一人一档 from the ordinary matter does not list the accusation, and the accusation has none
		assertThat(persons.of(claim, 0, reader).matters()).extracting(PersonFiles.Entry::number).contains(claim)
			.doesNotContain(accusation);
		assertThatThrownBy(() -> persons.of(accusation, 0, reader)).isInstanceOf(DomainException.NotFound.class);
		// the case page's "same person" list
		assertThat(queries.related(claim, reader)).extracting(PetitionViews.DuplicateSuggestion::number).doesNotContain(accusation);
		assertThat(queries.related(accusation, reader)).isEmpty();
		// no document addressed to the accuser (the 受理告知书 begins with their name)
		assertThat(queries.documents(accusation, reader, "/x/")).extracting(PetitionViews.Document::name)
			.noneMatch(f -> f.contains("受理告知书"));
		long notice = noticeId(accusation);
		assertThatThrownBy(() -> queries.document(accusation, notice, reader)).isInstanceOf(DomainException.NotFound.class);
	}

	/** Another person's wage claim at the same place, with the department too. */
	String anotherPersonsClaim() {
		int n = SEQ.incrementAndGet();
		String other = register("拖欠木工工资", "我在临江花园项目做木工，项目部拖欠工资两万元，请求督促支付。", "CLAIM", null, "龚秀英",
				IdNumber.withCheckCharacter("43070319" + (50 + n % 40) + "0202" + String.format("%03d", n % 1000)),
				"1370736" + String.format("%04d", n));
		transfer(other, "CD-HRSS");
		return other;
	}

	long petitionId(String number) {
		return jdbc.sql("SELECT id FROM petition WHERE number = ?").param(number).query(Long.class).single();
	}

	/**
	 * A 类案 holding the accusation beside two claims, as it stands between a matter's reclassification
	 * as an accusation and the grouping job's next round (ClassCases.dropAccusations). Built and read
	 * in one transaction that is rolled back, so the job never sees (nor removes) the membership.
	 */
	void withAClassCaseHoldingTheAccusation(String other, LongConsumer reads) {
		transactions.executeWithoutResult(status -> {
			long classId = jdbc.sql("INSERT INTO casefile_class (name, county_code, category_code, created_at) "
					+ "VALUES ('临江花园项目欠薪', '430703', 'LABOR', ?) RETURNING id")
				.param(OffsetDateTime.now(clock))
				.query(Long.class)
				.single();
			for (String number : List.of(claim, other, accusation)) {
				jdbc.sql("INSERT INTO casefile_class_member (petition_id, class_id, joined_at) VALUES (?, ?, ?)")
					.params(petitionId(number), classId, OffsetDateTime.now(clock))
					.update();
			}
			reads.accept(classId);
			status.setRollbackOnly();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "hr.officer", "hr.head", "leader" })
	void theMattersOfAPersonAndTheClassCaseCountsLeaveTheAccusationOutForThoseWhoMayNotKnow(String username) {
		Actor reader = actor(username);
		String other = anotherPersonsClaim();
		// the people API: no accuser to find, the accusation is no matter of the person and counts no one
		assertThatThrownBy(() -> people.petitioner(accusation, 0, reader)).isInstanceOf(DomainException.NotFound.class);
		var person = people.petitioner(claim, 0, reader);
		assertThat(people.mattersOf(person, reader)).extracting(PetitionPeople.PersonOnMatter::number)
			.contains(claim)
			.doesNotContain(accusation, other);
		assertThat(people.peopleIn(List.of(petitionId(other), petitionId(accusation)), reader)).isEqualTo(1);
		// nor is it in the person file, nor in its figures
		var file = persons.of(claim, 0, reader);
		assertThat(file.matters()).extracting(PersonFiles.Entry::number).doesNotContain(accusation);
		assertThat(file.firstTime() + file.repeats()).isEqualTo(file.matters().size());
		// a 类案 holding the accusation: neither listed nor counted, and the accusation's page shows no 类案
		withAClassCaseHoldingTheAccusation(other, classId -> {
			var detail = classes.detail(classId, reader);
			assertThat(detail.matters()).extracting(ClassCases.Matter::number).containsExactlyInAnyOrder(claim, other);
			assertThat(detail.summary().matters()).isEqualTo(2);
			assertThat(detail.summary().people()).isEqualTo(2);
			assertThat(classes.ofMatter(accusation, reader)).isEmpty();
			assertThat(classes.ofMatter(claim, reader)).isPresent();
		});
	}

	@Test
	void theBureauFindsAndCountsTheAccusationWithItsAccuser() {
		Actor bureau = actor("city.registrar");
		String other = anotherPersonsClaim();
		var accuser = people.petitioner(accusation, 0, bureau);
		assertThat(accuser.name()).isEqualTo("覃海波");
		assertThat(people.mattersOf(accuser, bureau)).extracting(PetitionPeople.PersonOnMatter::number)
			.contains(claim, accusation)
			.doesNotContain(other);
		assertThat(people.peopleIn(List.of(petitionId(other), petitionId(accusation)), bureau)).isEqualTo(2);
		withAClassCaseHoldingTheAccusation(other, classId -> {
			var detail = classes.detail(classId, bureau);
			assertThat(detail.matters()).extracting(ClassCases.Matter::number).containsExactlyInAnyOrder(claim, other, accusation);
			assertThat(detail.summary().matters()).isEqualTo(3);
			// the accuser is the claimant: three matters, two people
			assertThat(detail.summary().people()).isEqualTo(2);
			assertThat(classes.ofMatter(accusation, bureau)).isPresent();
		});
	}

	@Test
	void theBureauMayLinkAndReadEverything() {
		Actor bureau = actor("city.registrar");
		assertThat(queries.find(accusation, bureau).identityProtected()).isFalse();
		assertThat(duplicates.forPetition(claim, bureau, 50)).filteredOn(m -> m.number().equals(accusation))
			.singleElement()
			.satisfies(m -> assertThat(m.sameIdentity()).isTrue());
		assertThat(duplicates.compare(claim, accusation, bureau)).isPresent();
		assertThat(persons.of(claim, 0, bureau).matters()).extracting(PersonFiles.Entry::number).contains(claim, accusation);
		assertThat(queries.document(accusation, noticeId(accusation), bureau).pdf()).isNotEmpty();
	}

	@Test
	void disciplineInspectionSeesTheAccuserOfWhatItHandles() {
		String other = register("检举某所长", "检举鼎城区某所所长违规收受红包，要求严肃查处。", "ACCUSATION",
				new RegisterPetition.Accused(null, "某所长"), id);
		transfer(other, "CD-JWJW");
		Actor jw = discipline();
		assertThat(queries.find(other, jw).petitioners().get(0).name()).isEqualTo("覃海波");
		accept(other, jw);
		assertThat(queries.documents(other, jw, "/x/")).extracting(PetitionViews.Document::name)
			.anyMatch(f -> f.contains("受理告知书"));
	}

	@Test
	void aCitizensAccountNeverAppearsInAHistory() {
		Actor citizen = accounts.actorByPhone("13800000001").orElseThrow();
		String online = registration.register(new RegisterPetition("ONLINE", null, "430702001", "检举某站站长",
				"检举某站站长利用职务便利为亲属承揽工程，请求调查。", null, "ACCUSATION", null, List.of(), 1, null, null), List.of(),
				citizen).petition().number();
		assertThat(queries.history(online, actor("city.registrar"))).extracting(PetitionViews.HistoryEntry::actor)
			.containsOnly("信访人");
	}

	@Test
	void anAccusationNeverGoesToNorIsAcceptedByTheUnitItAccuses() {
		// the full name typed is taken as the directory's unit
		String named = register("检举住建局干部", "检举市住建局某科长在安置房分配中优亲厚友，请求调查处理。", "ACCUSATION",
				new RegisterPetition.Accused("常德市住房和城乡建设局", "某科长"), id);
		assertThat(queries.find(named, actor("city.registrar")).accused().unitCode()).isEqualTo("CD-ZJJ");
		// the usual abbreviation names the city's and every county's 住建局: none is chosen, all are refused
		String accused = register("检举住建局干部", "检举住建局某科长在安置房分配中优亲厚友，请求调查处理。", "ACCUSATION",
				new RegisterPetition.Accused("住建局", "某科长"), id);
		var p = queries.find(accused, actor("city.registrar"));
		assertThatThrownBy(() -> actions.perform(accused, p.version(), new PetitionCommand.Transfer("CD-ZJJ",
				new PetitionCommand.Communication("对接人", OffsetDateTime.now(clock).minusHours(1), "沟通")), actor("city.registrar")))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("第三十条");
		// a code outside the directory is refused at registration, nothing stored
		assertThatThrownBy(() -> register("检举", "检举某单位", "ACCUSATION", new RegisterPetition.Accused(null, null, "NO-SUCH"), id))
			.isInstanceOf(DomainException.Invalid.class);
	}

	@Test
	void reclassifyingAsAnAccusationTakesTheMatterBackFromTheAccusedUnit() {
		String matter = register("安置房分配不公", "反映住建局在安置房分配中优亲厚友，有干部亲属多占房源。", "CLAIM", null, id);
		transfer(matter, "CD-ZJJ");
		Actor housing = actor("housing.officer");
		assertThat(queries.find(matter, housing).petitioners().get(0).name()).isEqualTo("覃海波");
		var p = queries.find(matter, actor("city.registrar"));
		actions.perform(matter, p.version(), new PetitionCommand.Classify("URBAN", Kind.ACCUSATION, Complexity.SIMPLE, "CD-ZJJ"),
				actor("city.registrar"));
		var after = queries.find(matter, actor("city.registrar"));
		assertThat(after.status()).isEqualTo(Status.REGISTERED);
		assertThat(after.responsibleUnitCode()).isNull();
		assertThatThrownBy(() -> queries.find(matter, housing)).isInstanceOf(DomainException.NotFound.class);
	}

	@Test
	void anAccusationIsNeverMergedWithAnotherKindOfMatter() {
		String fresh = register("检举城建办干部", ACCUSATION_TEXT, "ACCUSATION", null, id);
		var p = queries.find(fresh, actor("city.registrar"));
		assertThatThrownBy(() -> actions.perform(fresh, p.version(), new PetitionCommand.Merge(claim), actor("city.registrar")))
			.isInstanceOf(DomainException.Conflict.class)
			.hasMessageContaining("第三十条");
	}

	long noticeId(String number) {
		String file = queries.documents(number, actor("city.registrar"), "").stream()
			.filter(d -> d.name().contains("受理告知书"))
			.findFirst()
			.orElseThrow()
			.url();
		return Long.parseLong(file);
	}

}
