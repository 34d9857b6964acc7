package com.xinfang.privacy;

import com.xinfang.platform.EmbeddedPostgresGuard;
import com.xinfang.platform.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The three secret keys of a deployment; never in the repository. */
@Component
public class KeyMaterial {

	private final byte[] dataKey;

	private final byte[] indexKey;

	private final byte[] tokenKey;

	private final boolean generatedNow;

	private final Path keyFile;

	KeyMaterial(CryptoProperties props, Environment env) {
		boolean generate = props.generateMissing() != null ? props.generateMissing()
				: EmbeddedPostgresGuard.embeddedDatabase(env);
		if (generate) {
			KeyFile.adoptLegacyLocation(props.keyFile(),
					Path.of(env.getProperty("xinfang.db.embedded-server.directory", "./data")));
		}
		Properties stored = generate ? KeyFile.load(props.keyFile()) : new Properties();
		boolean changed = false;
		String data = pick(props.dataKey(), stored, "data-key");
		String index = pick(props.indexKey(), stored, "index-key");
		String token = pick(props.tokenKey(), stored, "token-key");
		if (!generate && (data == null || index == null || token == null)) {
			throw new IllegalStateException("缺少密钥: 请设置 XINFANG_CRYPTO_DATAKEY (32位十六进制), XINFANG_CRYPTO_INDEXKEY 和 "
					+ "XINFANG_CRYPTO_TOKENKEY (各64位十六进制)。见 README 的「配置」一节。");
		}
		if (data == null) {
			data = KeyFile.randomHex(16);
			stored.setProperty("data-key", data);
			changed = true;
		}
		if (index == null) {
			index = KeyFile.randomHex(32);
			stored.setProperty("index-key", index);
			changed = true;
		}
		if (token == null) {
			token = KeyFile.randomHex(32);
			stored.setProperty("token-key", token);
			changed = true;
		}
		if (changed) {
			// reload: the embedded database may have added its password to the same file meanwhile
			Properties current = KeyFile.load(props.keyFile());
			current.putAll(stored);
			KeyFile.save(props.keyFile(), current);
			this.generatedNow = true;
		}
		else {
			this.generatedNow = false;
		}
		this.keyFile = props.keyFile().toAbsolutePath().normalize();
		this.dataKey = decode(data, 16, "data-key");
		this.indexKey = decode(index, 32, "index-key");
		this.tokenKey = decode(token, 32, "token-key");
	}

	/** Whether this start generated at least one key (a first start, or a lost key file). */
	boolean generatedNow() {
		return generatedNow;
	}

	Path keyFile() {
		return keyFile;
	}

	/** A check value of each key (data, index, token): HMAC-SHA256 of a constant, 16 bytes as hex. */
	List<String> checkValues() {
		return List.of(check(dataKey), check(indexKey), check(tokenKey));
	}

	private static String check(byte[] key) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] out = mac.doFinal("XinFang key check value".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(out, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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

}
