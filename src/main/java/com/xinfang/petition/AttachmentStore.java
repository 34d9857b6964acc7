package com.xinfang.petition;

import com.xinfang.platform.DomainException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachment files, kept outside the web root under a random name. The type is decided from
 * the bytes (Tika's magic detection), never from the name a client sends.
 */
@Component
class AttachmentStore {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_FILES = 5;

	/** Images and PDF only: what a phone camera or a scanner produces. */
	static final Map<String, String> ALLOWED = Map.of("image/jpeg", "jpg", "image/png", "png", "image/gif", "gif",
			"image/webp", "webp", "application/pdf", "pdf");

	private final Path root;

	private final Tika tika = new Tika();

	AttachmentStore(@Value("${xinfang.attachments.directory:./data/attachments}") Path root) {
		this.root = root.toAbsolutePath();
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
			Files.move(tmp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
			return new Stored(key, type, size, sha);
		}
		catch (IOException ex) {
			throw new IllegalStateException("附件保存失败", ex);
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
