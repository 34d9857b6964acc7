package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 1-3 on real servers: a second instance never talks to the first one's database,
 * the superuser needs the generated password, and a killed postmaster is started again.
 */
class EmbeddedPostgresSafetyIT {

	@TempDir
	Path dir;

	private static int freePort() throws Exception {
		try (var s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static EmbeddedDatabaseProperties props(Path base, int port) {
		return new EmbeddedDatabaseProperties(base, port, false, false, "32MB");
	}

	@Test
	void aSecondServerOnTheSamePortIsRefusedWithAClearMessageAndTheFirstKeepsRunning() throws Exception {
		int port = freePort();
		try (var first = EmbeddedPostgresServer.start(props(dir.resolve("a"), port), "pw-a-0123456789", false)) {
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(props(dir.resolve("b"), port), "pw-a-0123456789", false))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("127.0.0.1:" + port)
				.hasMessageContaining("已被其他程序占用");
			try (var c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "pw-a-0123456789")) {
				EmbeddedPostgresServer.requireDataDirectory(c, dir.resolve("a/pg"));
			}
		}
	}

	@Test
	void aSecondInstanceOnTheSameDataDirectoryIsRefusedAndDoesNotStopTheFirstOnesServer() throws Exception {
		try (var first = EmbeddedPostgresServer.start(props(dir, 0), "pw-0123456789", false)) {
			long pid = first.postmasterPid();
			assertThatThrownBy(() -> EmbeddedPostgresServer.start(props(dir, 0), "pw-0123456789", false))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("已被另一个正在运行的 XinFang 实例使用");
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
			assertThat(first.alive()).isTrue();
		}
	}

	@Test
	void aServerOnAnotherDataDirectoryIsRecognisedAsForeign() throws Exception {
		try (var other = EmbeddedPostgresServer.start(props(dir.resolve("other"), 0), "pw-0123456789", false);
				var c = DriverManager.getConnection(other.jdbcUrl(), "postgres", "pw-0123456789")) {
			Files.createDirectories(dir.resolve("mine/pg"));
			assertThatThrownBy(() -> EmbeddedPostgresServer.requireDataDirectory(c, dir.resolve("mine/pg")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("不是本实例的内置数据库")
				.hasMessageContaining(dir.resolve("other/pg").toRealPath().toString());
		}
	}

	@Test
	void theSuperuserNeedsTheGeneratedPasswordAndAWrongOneStopsTheNextStartAtOnce() throws Exception {
		try (var server = EmbeddedPostgresServer.start(props(dir, 0), "right-password-0123", false)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
				.isInstanceOf(SQLException.class);
			DriverManager.getConnection(server.jdbcUrl(), "postgres", "right-password-0123").close();
		}
		Instant t0 = Instant.now();
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(props(dir, 0), "a-new-password-after-losing-keys", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("db-password");
		assertThat(Duration.between(t0, Instant.now())).isLessThan(Duration.ofSeconds(20));
		// the right password still works afterwards
		EmbeddedPostgresServer.start(props(dir, 0), "right-password-0123", false).close();
	}

	@Test
	void aKilledPostmasterIsStartedAgainOnTheSamePortWithItsCommittedData() throws Exception {
		// durable: with synchronous_commit off a commit just before a kill -9 may be lost, by design
		var durable = new EmbeddedDatabaseProperties(dir, 0, false, true, "32MB");
		try (var server = EmbeddedPostgresServer.start(durable, "pw-0123456789", true)) {
			try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "pw-0123456789"); var s = c.createStatement()) {
				s.execute("CREATE TABLE kept (v text)");
				s.execute("INSERT INTO kept VALUES ('武陵')");
			}
			long pid = server.postmasterPid();
			ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9 of the postmaster
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (server.restarts() == 0 && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			assertThat(server.restarts()).as("the watchdog restarted it").isEqualTo(1);
			assertThat(server.postmasterPid()).isNotEqualTo(pid);
			System.out.println("postmaster restarted by the watchdog");
			try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "pw-0123456789");
					var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("武陵");
			}
		}
	}

	@Test
	void aDataDirectoryOfAnEarlierVersionWithoutPasswordIsSecuredOnItsFirstStart() throws Exception {
		// as created by earlier versions: zonky's initdb with trust authentication
		Files.createDirectories(dir.resolve("pg"));
		try (var old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("pg"))
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(dir.resolve("pg-runtime").toFile())
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("unix_socket_directories", "")
			.start()) {
			try (var c = old.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
				s.execute("CREATE TABLE kept (v text)");
				s.execute("INSERT INTO kept VALUES ('桃源')");
			}
		}
		try (var server = EmbeddedPostgresServer.start(props(dir, 0), "generated-0123456789", false)) {
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
				.isInstanceOf(SQLException.class);
			try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "generated-0123456789");
					var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("桃源");
			}
		}
	}

	@Test
	void theServerRunsTheDeclaredMajorVersionSoDebiansClientToolsMatchIt() throws Exception {
		try (var server = EmbeddedPostgresServer.start(props(dir, 0), "pw-0123456789", false);
				var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "pw-0123456789");
				var rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(EmbeddedPostgresServer.MAJOR_VERSION);
			assertThat(Files.readString(dir.resolve("pg/PG_VERSION")).trim())
				.isEqualTo(String.valueOf(EmbeddedPostgresServer.MAJOR_VERSION));
		}
	}

	@Test
	void aDataDirectoryOfAnotherMajorVersionIsRefusedWithAClearMessageAndLeftAlone() throws Exception {
		Path pg = dir.resolve("pg");
		Files.createDirectories(pg);
		Files.writeString(pg.resolve("PG_VERSION"), "17\n");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(props(dir, 0), "pw-0123456789", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("由 PostgreSQL 17 创建")
			.hasMessageContaining("PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION);
		assertThat(Files.readString(pg.resolve("PG_VERSION"))).isEqualTo("17\n");
		// the refused start released the directory: the next start (with a fitting directory) works
		Files.delete(pg.resolve("PG_VERSION"));
		try (var server = EmbeddedPostgresServer.start(props(dir, 0), "pw-0123456789", false)) {
			assertThat(server.alive()).isTrue();
		}
	}

	@Test
	void aKeyFileInsideTheDataDirectoryIsMovedBesideIt() throws Exception {
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Files.writeString(data.resolve("keys.properties"), "data-key=00112233445566778899aabbccddeeff\n");
		Path target = dir.resolve("keys/keys.properties");
		KeyFile.adoptLegacyLocation(target, data);
		assertThat(Files.exists(data.resolve("keys.properties"))).isFalse();
		assertThat(KeyFile.load(target).getProperty("data-key")).isEqualTo("00112233445566778899aabbccddeeff");
		assertThat(KeyFile.getOrGenerate(target, "db-password", 24)).hasSize(48);
		assertThat(KeyFile.load(target).getProperty("data-key")).as("other entries kept").isNotNull();
	}

}
