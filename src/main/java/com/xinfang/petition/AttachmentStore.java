package com.xinfang.petition;

import com.xinfang.platform.DomainException;
import com.xinfang.platform.EmbeddedPostgresGuard;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attachment files under a random name. The type is decided from the bytes (Tika's magic
 * detection), never from the name a client sends. By default ({@code xinfang.attachments.store=database})
 * the bytes are stored in PostgreSQL, in the registration's transaction, so every node reads them
 * and every database backup holds them; {@code directory} keeps them under
 * {@code xinfang.attachments.directory}, which must then be shared by all nodes (a warning at start
 * when an external database is used with it). Files written there by earlier versions are read in
 * both modes. A missing file answers 404, never 500.
 */
@Component
class AttachmentStore {

	private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_FILES = 5;

	/** Images and PDF only: what a phone camera or a scanner produces. */
	static final Map<String, String> ALLOWED = Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif",
			"image/webp", "webp", "application/pdf", "pdf");

	private final Path root;

	private final Tika tika = new Tika();

	private final boolean inDatabase;

	private final JdbcClient jdbc;

	AttachmentStore(@Value("${xinfang.attachments.directory:./data/attachments}") Path root,
			@Value("${xinfang.attachments.store:database}") String mode, JdbcClient jdbc,
			Environment env) {
		this.root = root.toAbsolutePath();
		this.jdbc = jdbc;
		this.inDatabase = !"directory".equalsIgnoreCase(mode.trim());
		if (!inDatabase && !EmbeddedPostgresGuard.embeddedDatabase(env)) {
			log.warn("Attachments are kept in the directory {} while the database is external: every node must "
					+ "reach the same directory (a shared file system), or files uploaded through one node answer 404 on the "
					+ "others. Set xinfang.attachments.store=database to keep them in PostgreSQL.", this.root);
		}
	}


	record Stored(String key, String contentType, long size, String sha256) {
	}

	/** Checks size and type; stores the bytes; the caller deletes them if its transaction fails. */
	Stored store(Upload upload, int index) {
		if (upload.size() > MAX_BYTES) {
			throw new DomainException.Invalid("attachments", "附件「" + upload.fileName() + "」超过10MB");
		}
		if (upload.size() == 0) {
			throw new DomainException.Invalid("attachments", "附件「" + upload.fileName() + "」是空文件");
		}
		try {
			Files.createDirectories(root);
			Path tmp = Files.createTempFile(root, "upload-", ".part");
			String sha;
			try (InputStream in = new DigestInputStream(new BufferedInputStream(upload.open()), sha256())) {
				Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
				sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
			}
			String type = tika.detect(tmp);
			String ext = ALLOWED.get(type);
			if (ext == null) {
				Files.deleteIfExists(tmp);
				throw new DomainException.Invalid("attachments",
						"附件「" + upload.fileName() + "」不是图片或PDF文件（只接受 JPG、PNG、GIF、WEBP、PDF）");
			}
			String tooLarge = type.startsWith("image/") ? ImageBounds.problem(tmp) : null;
			if (tooLarge != null) {
				Files.deleteIfExists(tmp);
				throw new DomainException.Invalid("attachments", "图片「" + upload.fileName() + "」" + tooLarge);
			}
			long size = Files.size(tmp);
			if (size > MAX_BYTES) {
				Files.deleteIfExists(tmp);
				throw new DomainException.Invalid("attachments", "附件「" + upload.fileName() + "」超过10MB");
			}
			String key = UUID.randomUUID() + "." + ext;
			if (inDatabase) {
				try {
					jdbc.sql("INSERT INTO attachment_content (storage_key, content) VALUES (?, ?)")
						.params(key, Files.readAllBytes(tmp))
						.update();
				}
				finally {
					Files.deleteIfExists(tmp);
				}
			}
			else {
				Files.move(tmp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(key, type, size, sha);
		}
		catch (IOException ex) {
			throw new IllegalStateException("附件保存失败", ex);
		}
	}

	/** The attachment's bytes; 404 when neither the database nor the directory has them. */
	InputStream open(String key) {
		if (inDatabase) {
			var bytes = jdbc.sql("SELECT content FROM attachment_content WHERE storage_key = ?")
				.param(key)
				.query((rs, n) -> rs.getBytes(1))
				.optional();
			if (bytes.isPresent()) {
				return new ByteArrayInputStream(bytes.get());
			}
		}
		Path file = path(key);
		try {
			return Files.newInputStream(file);
		}
		catch (NoSuchFileException ex) {
			log.warn("Attachment {} is not in the database nor in {}", key, root);
			throw new DomainException.NotFound("附件不存在或已不可用");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("附件读取失败", ex);
		}
	}

	Path path(String key) {
		Path p = root.resolve(key).normalize();
		if (!p.startsWith(root)) {
			throw new DomainException.NotFound("附件不存在");
		}
		return p;
	}

	void delete(String key) {
		if (inDatabase) {
			return; // the row went with the transaction that failed
		}
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ignored) {
			// an orphan file is harmless; a sweep can remove it
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
