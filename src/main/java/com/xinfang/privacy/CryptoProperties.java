package com.xinfang.privacy;

import com.xinfang.platform.KeyFile;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys, as hex. In production they come from the environment (XINFANG_CRYPTO_DATAKEY, ...);
 * with {@code generate-missing} (demo mode and tests) missing keys are generated once and kept in
 * {@code key-file}, outside the repository. Unset, it is on exactly when the embedded database is.
 *
 * @param dataKey SM4 key (32 hex digits) for personal fields
 * @param indexKey HMAC-SM3 key (64 hex digits) for blind indexes and query codes
 * @param tokenKey HMAC-SHA256 key (64 hex digits) for API bearer tokens
 */
@ConfigurationProperties("xinfang.crypto")
public record CryptoProperties(String dataKey, String indexKey, String tokenKey,
		Boolean generateMissing, @DefaultValue(KeyFile.DEFAULT_LOCATION) Path keyFile) {
}
