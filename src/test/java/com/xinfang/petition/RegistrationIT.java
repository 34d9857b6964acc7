package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.SmsOutbox;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.PersonalDataCipher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registration through the service, checked against what is really in PostgreSQL and on disk. */
@IntegrationTest
class RegistrationIT {

	/** The application's clock (it starts at a fixed instant in the integration tests). */
	@Autowired
	Clock clock;

	@Autowired
	PetitionRegistration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	SmsOutbox outbox;

	static final Path ATTACHMENTS = Path.of("target/it-db/attachments");

	record Bytes(String fileName, byte[] data) implements Upload {

		@Override
		public long size() {
			return data.length;
		}

		@Override
		public InputStream open() {
			return new ByteArrayInputStream(data);
		}

	}

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	Actor registrar() {
		return accounts.actorByUsername("city.registrar").orElseThrow();
	}

	RegisterPetition visit(String id, int persons, List<RegisterPetition.PetitionerInput> people) {
		return new RegisterPetition("VISIT", OffsetDateTime.now(clock).minusHours(2), "430702003", "小区物业乱收费",
				"丹阳街道某小区物业公司擅自上调物业费，业主多次反映未果，请求依法查处。", "URBAN", "CLAIM", "SIMPLE", people, persons,
				null, null);
	}

	static RegisterPetition.PetitionerInput person(String name, String id, String phone, boolean rep) {
		return new RegisterPetition.PetitionerInput(name, id, phone, "常德市武陵区丹阳街道樟树湾社区", rep);
	}

	@Test
	void personalDataIsStoredOnlyEncryptedAndFoundByItsBlindIndex() {
		String id = IdNumber.withCheckCharacter("43070219750606123");
		var result = registration.register(visit(id, 1, List.of(person("刘桂兰", id, "13907369999", false))), List.of(), registrar());
		record Raw(byte[] idNumberEnc, String idNumberIndex, byte[] phoneEnc, byte[] addressEnc) {
		}
		Raw raw = jdbc.sql("""
				SELECT x.id_number_enc, x.id_number_index, x.phone_enc, x.address_enc FROM petitioner x
				JOIN petition p ON p.id = x.petition_id WHERE p.number = ?""")
			.param(result.petition().number())
			.query(Raw.class)
			.single();
		assertThat(new String(raw.idNumberEnc(), StandardCharsets.ISO_8859_1)).doesNotContain(id);
		assertThat(new String(raw.addressEnc(), StandardCharsets.UTF_8)).doesNotContain("樟树湾");
		assertThat(cipher.decrypt(raw.idNumberEnc())).isEqualTo(id);
		assertThat(cipher.decrypt(raw.phoneEnc())).isEqualTo("13907369999");
		assertThat(raw.idNumberIndex()).isEqualTo(cipher.blindIndex("id", id));
		// the number and the query code went to the petitioner's phone
		assertThat(outbox.recent(5)).anySatisfy(m -> {
			assertThat(m.phoneMask()).isEqualTo("139****9999");
			assertThat(m.text()).contains(result.petition().number()).contains(result.queryCode());
		});
	}

	@Test
	void theIndexGetsTheStoredTextFromTheEventAndTheRegistryNeverStoresIt() {
		var cmd = visit(null, 1, List.of(person("谭秀英", null, null, false)));
		cmd = new RegisterPetition(cmd.channel(), cmd.receivedAt(), cmd.regionCode(), "  芙蓉苑二期电梯停运  ",
				"芙蓉苑二期三栋电梯停运两个月，物业称无维修资金，老人上下楼困难。", cmd.categoryCode(), cmd.kind(), cmd.complexity(),
				cmd.petitioners(), cmd.personCount(), null, null);
		var result = registration.register(cmd, List.of(), registrar());
		// the index queued the matter's words from the event (the stored, stripped title), in the registration
		String queuedTitle = jdbc.sql("""
				SELECT t.title FROM petition_text t WHERE t.number = ? AND (
				  EXISTS (SELECT 1 FROM casefile_index_queue q WHERE q.petition_id = t.id AND cardinality(q.terms) > 0)
				  OR EXISTS (SELECT 1 FROM casefile_doc d WHERE d.petition_id = t.id AND d.text LIKE '芙蓉苑二期电梯停运 %'))""")
			.param(result.petition().number())
			.query(String.class)
			.single();
		assertThat(queuedTitle).isEqualTo("芙蓉苑二期电梯停运");
		// the text travels in the event but is not kept in the event publication registry
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE '%芙蓉苑%'")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aSecondMatterOfTheSamePersonIsNotFirstTimeAndIsSuggested() {
		String id = IdNumber.withCheckCharacter("43070219660707123");
		var first = registration.register(visit(id, 1, List.of(person("周正清", id, null, false))), List.of(), registrar());
		assertThat(jdbc.sql("SELECT first_time FROM petition WHERE number = ?").param(first.petition().number())
			.query(Boolean.class).single()).isTrue();
		var second = registration.register(visit(id, 1, List.of(person("周正清", id, null, false))), List.of(), registrar());
		assertThat(jdbc.sql("SELECT first_time FROM petition WHERE number = ?").param(second.petition().number())
			.query(Boolean.class).single()).isFalse();
		assertThat(second.suggestions().duplicates()).anySatisfy(d -> {
			assertThat(d.number()).isEqualTo(first.petition().number());
			assertThat(d.sameIdentity()).isTrue();
		});
	}

	@Test
	void aGroupVisitMayElectAtMostFiveRepresentatives() {
		List<RegisterPetition.PetitionerInput> six = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			six.add(person("代表" + "甲乙丙丁戊己".charAt(i), null, null, true));
		}
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		assertThatThrownBy(() -> registration.register(visit(null, 40, six), List.of(), registrar()))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("不得超过5人");
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before);

		var five = registration.register(visit(null, 40, six.subList(0, 5)), List.of(), registrar());
		assertThat(five.petition().groupVisit()).isTrue();
		assertThat(five.petition().personCount()).isEqualTo(40);
	}

	@Test
	void aFileWhoseBytesAreNotAnImageOrPdfIsRefusedAndNothingIsLeftBehind() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
		long filesBefore = fileCount();
		var script = new Bytes("photo.jpg", "#!/bin/sh\necho not an image\n".getBytes(StandardCharsets.UTF_8));
		var png = new Bytes("现场照片.png", PNG);
		assertThatThrownBy(() -> registration.register(visit(null, 1, List.of(person("黄海波", null, null, false))),
				List.of(png, script), registrar()))
			.isInstanceOf(DomainException.Invalid.class)
			.hasMessageContaining("不是图片或PDF文件");
		assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(before);
		assertThat(fileCount()).as("the PNG written before the failure is not kept").isEqualTo(filesBefore);
	}

	@Test
	void anImageIsStoredInTheDatabaseUnderARandomNameSoEveryNodeReadsIt() throws Exception {
		var result = registration.register(visit(null, 1, List.of(person("黄海波", null, null, false))),
				List.of(new Bytes("../../etc/现场照片.png", PNG)), registrar());
		var attachment = result.petition().attachments().get(0);
		assertThat(attachment.contentType()).isEqualTo("image/png");
		assertThat(attachment.fileName()).doesNotContain("/");
		String key = jdbc.sql("SELECT storage_key FROM attachment WHERE id = ?").param(attachment.id()).query(String.class).single();
		assertThat(key).matches("[0-9a-f-]{36}\\.png");
		assertThat(jdbc.sql("SELECT content FROM attachment_content WHERE storage_key = ?").param(key).query(byte[].class).single())
			.isEqualTo(PNG);
		assertThat(Files.exists(ATTACHMENTS.resolve(key))).as("not on this node's disk").isFalse();
	}

	/** Stored attachments: rows in the database plus files of the directory mode. */
	private long fileCount() throws Exception {
		long rows = jdbc.sql("SELECT count(*) FROM attachment_content").query(Long.class).single();
		if (!Files.exists(ATTACHMENTS)) {
			return rows;
		}
		try (Stream<Path> s = Files.list(ATTACHMENTS)) {
			return rows + s.count();
		}
	}

}
