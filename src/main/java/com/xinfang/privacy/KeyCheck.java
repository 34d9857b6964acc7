package com.xinfang.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compares the keys with the check values stored at the first start, right after Flyway migrated
 * and before anything reads or writes personal data (seeding, SMS dispatch, requests). Keys that
 * are missing (newly generated) or different while encrypted data exists stop the start: new keys
 * cannot decrypt the old ciphertexts or recognise the old query codes, and would silently fork the
 * deployment.
 */
@Component
class KeyCheck implements Callback {

	private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

	private static final List<String> NAMES = List.of("data-key (XINFANG_CRYPTO_DATAKEY)",
			"index-key (XINFANG_CRYPTO_INDEXKEY)", "token-key (XINFANG_CRYPTO_TOKENKEY)");

	private final KeyMaterial keys;

	private final PersonalDataCipher cipher;

	KeyCheck(KeyMaterial keys, PersonalDataCipher cipher) {
		this.keys = keys;
		this.cipher = cipher;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			verify(context.getConnection());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("密钥校验失败: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "xinfang-key-check";
	}

	void verify(Connection c) throws SQLException {
		List<String> mine = keys.checkValues();
		List<String> stored = null;
		try (var s = c.createStatement();
				var rs = s.executeQuery("SELECT data_key, index_key, token_key FROM key_check WHERE id = 1")) {
			if (rs.next()) {
				stored = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
			}
		}
		if (stored != null) {
			List<String> different = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				if (!stored.get(i).equals(mine.get(i))) {
					different.add(NAMES.get(i));
				}
			}
			if (!different.isEmpty()) {
				throw new IllegalStateException(refusal("与数据库中记录的密钥不一致: " + String.join(", ", different)));
			}
			return;
		}
		if (hasEncryptedData(c)) {
			if (keys.generatedNow()) {
				throw new IllegalStateException(refusal("密钥是本次启动新生成的（密钥文件丢失？），而数据库中已有加密数据"));
			}
			// data from a version before check values: accept the keys only if they decrypt it
			if (!decryptsSample(c)) {
				throw new IllegalStateException(refusal("数据库中已有加密数据，而这把 data-key 解不开它"));
			}
		}
		try (var ps = c.prepareStatement("INSERT INTO key_check (id, data_key, index_key, token_key) VALUES (1, ?, ?, ?) "
				+ "ON CONFLICT (id) DO NOTHING")) {
			ps.setString(1, mine.get(0));
			ps.setString(2, mine.get(1));
			ps.setString(3, mine.get(2));
			ps.executeUpdate();
		}
		log.info("Stored the key check values; keys are in {} or the environment", keys.keyFile());
	}

	private String refusal(String why) {
		return "XinFang 拒绝启动: " + why + "。用错误的密钥启动会使查询码失效、个人信息无法解密、身份匹配失效。"
				+ "请恢复与这份数据一起备份的密钥文件 (" + keys.keyFile() + "，或设置 XINFANG_CRYPTO_* 环境变量)；见 docs/operations.md「密钥」。";
	}

	private boolean decryptsSample(Connection c) throws SQLException {
		try (var s = c.createStatement(); var rs = s.executeQuery("""
				(SELECT cipher_text FROM petition_encrypted_sample LIMIT 1)
				UNION ALL (SELECT phone_enc FROM app_user WHERE phone_enc IS NOT NULL LIMIT 1)
				UNION ALL (SELECT phone_enc FROM sms_outbox LIMIT 1) LIMIT 1""")) {
			if (!rs.next()) {
				return true; // petitions without personal fields: nothing to contradict the keys
			}
			try {
				cipher.decrypt(rs.getBytes(1));
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}
	}

	private static boolean hasEncryptedData(Connection c) throws SQLException {
		try (var s = c.createStatement(); var rs = s.executeQuery("""
				SELECT EXISTS (SELECT 1 FROM petition_ref)
				    OR EXISTS (SELECT 1 FROM app_user WHERE phone_enc IS NOT NULL OR id_number_enc IS NOT NULL)
				    OR EXISTS (SELECT 1 FROM sms_outbox)""")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

}
