package com.xinfang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xinfang.IntegrationTest;
import com.xinfang.platform.KeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 13 item 5: a deployment restored without its key file (new keys generated) or started with
 * other keys refuses to start while encrypted data exists; the right keys pass. Each case runs on a
 * connection whose changes are rolled back.
 */
@IntegrationTest
class KeyCheckIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	KeyMaterial keys;

	@Autowired
	PersonalDataCipher cipher;

	@TempDir
	Path dir;

	private KeyCheck check(KeyMaterial material) {
		return new KeyCheck(material, new PersonalDataCipher(material));
	}

	private KeyMaterial freshKeys() {
		return new KeyMaterial(new CryptoProperties(null, null, null, true, dir.resolve("new-keys.properties")), new MockEnvironment());
	}

	@Test
	void theDeploymentsOwnKeysPassTheCheckStoredAtTheFirstStart() throws Exception {
		try (Connection c = dataSource.getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("SELECT count(*) FROM key_check")) {
			rs.next();
			assertThat(rs.getInt(1)).as("check values stored at the first start").isEqualTo(1);
			check(keys).verify(c);
		}
	}

	@Test
	void otherKeysAreRefusedNamingWhichKeyDiffers() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			assertThatThrownBy(() -> check(freshKeys()).verify(c)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("拒绝启动")
				.hasMessageContaining("data-key")
				.hasMessageContaining("index-key");
		}
	}

	@Test
	void newlyGeneratedKeysOnExistingEncryptedDataWithoutCheckValuesAreRefused() throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				c.createStatement().execute("DELETE FROM key_check");
				var fresh = freshKeys();
				assertThat(fresh.generatedNow()).isTrue();
				assertThatThrownBy(() -> check(fresh).verify(c)).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("新生成");
				// an upgrade from a version without check values: the right keys (loaded from their file,
				// not generated) decrypt the data and are recorded
				var loaded = new KeyMaterial(new CryptoProperties(null, null, null, true, keys.keyFile()), new MockEnvironment());
				assertThat(loaded.generatedNow()).isFalse();
				check(loaded).verify(c);
				var rs = c.createStatement().executeQuery("SELECT count(*) FROM key_check");
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(1);
			}
			finally {
				c.rollback();
				c.setAutoCommit(true);
			}
		}
	}

	@Test
	void keysLiveOutsideTheDataDirectoryAndTheEmbeddedPasswordIsBesideThem() throws Exception {
		Path keyFile = keys.keyFile();
		assertThat(Files.exists(keyFile)).isTrue();
		var stored = KeyFile.load(keyFile);
		assertThat(stored.getProperty("db-password")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(stored.getProperty("data-key")).isNotBlank();
		assertThat(keyFile.startsWith(Path.of("target/it-db/pg").toAbsolutePath())).isFalse();
		assertThat(KeyFile.DEFAULT_LOCATION).doesNotContain("data");
	}

}
