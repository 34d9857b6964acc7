package com.xinfang.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The three secret keys of a deployment; never in the repository. */
@Component
public class KeyMaterial {

	private final byte[] dataKey;

	private final byte[] indexKey;

	private final byte[] tokenKey;

	KeyMaterial(CryptoProperties props, org.springframework.core.env.Environment env) {
		boolean generate = props.generateMissing() != null ? props.generateMissing()
				: com.xinfang.platform.EmbeddedPostgresGuard.embeddedDatabase(env);
		Properties stored = generate ? load(props.keyFile()) : new Properties();
		boolean changed = false;
		String data = pick(props.dataKey(), stored, "data-key");
		String index = pick(props.indexKey(), stored, "index-key");
		String token = pick(props.tokenKey(), stored, "token-key");
		if (!generate && (data == null || index == null || token == null)) {
			throw new IllegalStateException("缺少密钥: 请设置 XINFANG_CRYPTO_DATAKEY (32位十六进制), XINFANG_CRYPTO_INDEXKEY 和 "
					+ "XINFANG_CRYPTO_TOKENKEY (各64位十六进制)。见 README 的「配置」一节。");
		}
		if (data == null) {
			data = random(16);
			stored.setProperty("data-key", data);
			changed = true;
		}
		if (index == null) {
			index = random(32);
			stored.setProperty("index-key", index);
			changed = true;
		}
		if (token == null) {
			token = random(32);
			stored.setProperty("token-key", token);
			changed = true;
		}
		if (changed) {
			save(props.keyFile(), stored);
		}
		this.dataKey = decode(data, 16, "data-key");
		this.indexKey = decode(index, 32, "index-key");
		this.tokenKey = decode(token, 32, "token-key");
	}

	byte[] dataKey() {
		return dataKey.clone();
	}

	byte[] indexKey() {
		return indexKey.clone();
	}

	/** The API token signing key, for the identity module. */
	public byte[] tokenKey() {
		return tokenKey.clone();
	}

	private static String pick(String configured, Properties stored, String name) {
		if (StringUtils.hasText(configured)) {
			return configured.trim();
		}
		return stored.getProperty(name);
	}

	private static byte[] decode(String hex, int length, String name) {
		byte[] bytes;
		try {
			bytes = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("密钥 " + name + " 不是十六进制");
		}
		if (bytes.length < length) {
			throw new IllegalStateException("密钥 " + name + " 太短: 需要 " + length + " 字节");
		}
		return bytes;
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		new SecureRandom().nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	private static Properties load(Path file) {
		var props = new Properties();
		if (Files.exists(file)) {
			try (Reader r = Files.newBufferedReader(file)) {
				props.load(r);
			}
			catch (IOException ex) {
				throw new IllegalStateException("无法读取密钥文件 " + file, ex);
			}
		}
		return props;
	}

	private static void save(Path file, Properties props) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			try (Writer w = Files.newBufferedWriter(file)) {
				props.store(w, "XinFang keys, generated; keep secret and back up with the database");
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// non-POSIX file system
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法写入密钥文件 " + file, ex);
		}
	}

}
