package com.xinfang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known trap of an embedded PostgreSQL: the JVM is killed with SIGKILL, its postmaster keeps
 * running on the data directory, and the next start must still work and keep committed data.
 */
class EmbeddedPostgresServerIT {

	@TempDir
	Path dir;

	/** Runs in a child JVM: starts the server, commits a row, then waits to be killed. */
	public static void main(String[] args) throws Exception {
		var server = EmbeddedPostgresServer.start(new EmbeddedDatabaseProperties(Path.of(args[0]), 0, false, true, "32MB"));
		try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres"); var s = c.createStatement()) {
			s.execute("CREATE TABLE kept (v text)");
			s.execute("INSERT INTO kept VALUES ('常德')");
		}
		Files.writeString(Path.of(args[0], "ready"), "ok");
		Thread.sleep(120_000);
	}

	@Test
	void restartsAfterTheJvmWasKilledAndKeepsCommittedData() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresServerIT.class.getName(), dir.toString()))
			.inheritIO()
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!Files.exists(dir.resolve("ready")) && Instant.now().isBefore(deadline) && child.isAlive()) {
			Thread.sleep(200);
		}
		assertThat(Files.exists(dir.resolve("ready"))).as("child started its database").isTrue();
		child.destroyForcibly(); // SIGKILL, as kill -9
		child.waitFor(10, TimeUnit.SECONDS);
		long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("postmaster outlived its JVM").contains(true);

		var props = new EmbeddedDatabaseProperties(dir, 0, false, true, "32MB");
		try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(props)) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (var c = DriverManager.getConnection(restarted.jdbcUrl(), "postgres", "postgres");
					var s = c.createStatement();
					var rs = s.executeQuery("SELECT v, pg_encoding_to_char(d.encoding), d.datcollate FROM kept, pg_database d WHERE d.datname = 'postgres'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("常德");
				assertThat(rs.getString(2)).isEqualTo("UTF8");
				assertThat(rs.getString(3)).isEqualTo("C.UTF-8");
			}
		}
	}

}
