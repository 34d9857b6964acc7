package com.xinfang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself, with its data under a directory that
 * survives restarts. Handles the traps we know: root, stale postmasters after kill -9, a
 * non-UTF-8 default locale, and zonky's own shutdown hook racing Spring's.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties props) {
		if (EmbeddedPostgresGuard.isRoot()) {
			throw new IllegalStateException(EmbeddedPostgresGuard.ROOT_MESSAGE);
		}
		Path base = props.directory().toAbsolutePath();
		Path dataDir = base.resolve("pg");
		Path runtimeDir = base.resolve("pg-runtime");
		try {
			Files.createDirectories(runtimeDir);
			if (props.clean() && Files.exists(dataDir)) {
				stopStalePostmaster(dataDir);
				deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir);
			stopStalePostmaster(dataDir);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(runtimeDir.toFile())
				.setPort(props.port() == 0 ? freePort() : props.port())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// initdb must get a UTF-8 locale or pg_trgm cannot index Chinese text
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("unix_socket_directories", "")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "Asia/Shanghai")
				.setServerConfig("shared_buffers", props.sharedBuffers());
			// Durable by default; tests may trade durability for speed.
			String durable = props.durable() ? "on" : "off";
			builder.setServerConfig("fsync", durable).setServerConfig("synchronous_commit", durable)
				.setServerConfig("full_page_writes", durable);
			EmbeddedPostgres pg = builder.start();
			log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", pg.getPort(), dataDir);
			return new EmbeddedPostgresServer(pg);
		}
		catch (IOException ex) {
			throw new IllegalStateException("内置 PostgreSQL 启动失败: " + ex.getMessage(), ex);
		}
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	/**
	 * After a kill -9 of the JVM the postmaster keeps running with our data directory.
	 * Ask it to stop (SIGTERM, smart shutdown: its clients are gone) and wait.
	 */
	static void stopStalePostmaster(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !handle.get().isAlive() || !isPostgres(handle.get())) {
			return; // PostgreSQL itself ignores a pid file whose process is gone
		}
		log.warn("Stopping a stale embedded PostgreSQL (pid {}) left by an earlier run", pid);
		ProcessHandle process = handle.get();
		process.destroy();
		try {
			process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(c -> c.contains("postgres")).orElse(true);
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	static Map<String, String> describe(EmbeddedPostgresServer server) {
		return Map.of("port", String.valueOf(server.port()));
	}

}
