package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13 item 8: attachments are read from the database on any node; a missing one is a 404, never a 500. */
@IntegrationTest
class AttachmentStoreIT {

	@Autowired
	AttachmentStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bytesStoredInTheDatabaseAreReadBackWithoutAnyLocalFile() throws Exception {
		jdbc.sql("INSERT INTO attachment_content (storage_key, content) VALUES ('00000000-0000-0000-0000-00000000abcd.pdf', ?)")
			.param("%PDF-1.4 常德".getBytes(StandardCharsets.UTF_8))
			.update();
		try (var in = store.open("00000000-0000-0000-0000-00000000abcd.pdf")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 常德");
		}
	}

	@Test
	void aFileOfAnEarlierVersionIsStillReadFromTheDirectory() throws Exception {
		Path dir = Path.of("target/it-db/attachments");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("00000000-0000-0000-0000-0000000legacy.png"), "legacy");
		try (var in = store.open("00000000-0000-0000-0000-0000000legacy.png")) {
			assertThat(new String(in.readAllBytes())).isEqualTo("legacy");
		}
	}

	@Test
	void aMissingAttachmentIsNotFoundNotAServerError() {
		assertThatThrownBy(() -> store.open("00000000-0000-0000-0000-000000000404.png"))
			.isInstanceOf(DomainException.NotFound.class)
			.hasMessageContaining("附件不存在");
		assertThatThrownBy(() -> store.open("../../keys/keys.properties")).isInstanceOf(DomainException.NotFound.class);
	}

}
