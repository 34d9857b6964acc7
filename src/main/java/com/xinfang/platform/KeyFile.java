package com.xinfang.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's secret file (keys.properties): the personal-data keys and, in demo mode, the
 * embedded PostgreSQL superuser's password. Read and written whole; owner-only permissions.
 * Kept outside the data directory by default, so a copy of the data is not a copy of its keys.
 */
public final class KeyFile {

	/** Beside the data directory, not in it. */
	public static final String DEFAULT_LOCATION = "./keys/keys.properties";

	private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

	private KeyFile() {
	}

	/**
	 * Earlier versions kept the keys in {@code <data>/keys.properties}. When the configured file does
	 * not exist yet and that one does, it is moved once, so an existing demo keeps its keys.
	 */
	public static synchronized void adoptLegacyLocation(Path keyFile, Path dataDirectory) {
		Path legacy = dataDirectory.resolve("keys.properties").toAbsolutePath().normalize();
		Path target = keyFile.toAbsolutePath().normalize();
		if (legacy.equals(target) || Files.exists(target) || !Files.exists(legacy)) {
			return;
		}
		try {
			Files.createDirectories(target.getParent());
			Files.move(legacy, target);
			log.warn("Moved the key file from {} to {}: keys are no longer kept inside the data directory", legacy, target);
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法把密钥文件从 " + legacy + " 移到 " + target, ex);
		}
	}

	/** The stored entries, empty when the file does not exist. */
	public static synchronized Properties load(Path file) {
		var props = new Properties();
		if (Files.exists(file)) {
			try (Reader r = Files.newBufferedReader(file)) {
				props.load(r);
			}
			catch (IOException ex) {
				throw new IllegalStateException("无法读取密钥文件 " + file.toAbsolutePath(), ex);
			}
		}
		return props;
	}

	/** The entry, generated (random bytes as hex) and written to the file if missing. */
	public static synchronized String getOrGenerate(Path file, String name, int bytes) {
		Properties props = load(file);
		String value = props.getProperty(name);
		if (value != null && !value.isBlank()) {
			return value.trim();
		}
		value = randomHex(bytes);
		props.setProperty(name, value);
		save(file, props);
		return value;
	}

	/** Writes the entries atomically (temporary file, then a move), readable by the owner only. */
	public static synchronized void save(Path file, Properties props) {
		try {
			Path target = file.toAbsolutePath();
			Files.createDirectories(target.getParent());
			Path tmp = Files.createTempFile(target.getParent(), "keys-", ".tmp");
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// non-POSIX file system
			}
			try (Writer w = Files.newBufferedWriter(tmp)) {
				props.store(w, "XinFang keys, generated; keep secret, back up apart from the database (docs/operations.md)");
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法写入密钥文件 " + file.toAbsolutePath(), ex);
		}
	}

	public static String randomHex(int bytes) {
		byte[] b = new byte[bytes];
		new SecureRandom().nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

}
