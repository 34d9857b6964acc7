package com.xinfang.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class PersonalDataCipherTest {

	@TempDir
	Path dir;

	private PersonalDataCipher cipher(String dataKey, String indexKey) {
		var props = new CryptoProperties(dataKey, indexKey, "ab".repeat(32), false, dir.resolve("keys"));
		return new PersonalDataCipher(new KeyMaterial(props, new MockEnvironment()));
	}

	private final String dataKey = "0123456789abcdef0123456789abcdef";

	private final String indexKey = "11".repeat(32);

	@Test
	void encryptsChineseTextAndDecryptsItBack() {
		var c = cipher(dataKey, indexKey);
		String address = "湖南省常德市武陵区丹阳街道樟树湾社区3栋";
		byte[] sealed = c.encrypt(address);
		assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("常德");
		assertThat(c.decrypt(sealed)).isEqualTo(address);
	}

	@Test
	void theSamePlaintextEncryptsDifferentlyEachTime() {
		var c = cipher(dataKey, indexKey);
		assertThat(c.encrypt("13800000001")).isNotEqualTo(c.encrypt("13800000001"));
	}

	@Test
	void tamperedCiphertextOrAnotherKeyIsRefused() {
		var c = cipher(dataKey, indexKey);
		byte[] sealed = c.encrypt("43070219850315123X");
		sealed[sealed.length - 1] ^= 1;
		assertThatThrownBy(() -> c.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
		byte[] other = cipher("fedcba9876543210fedcba9876543210", indexKey).encrypt("43070219850315123X");
		assertThatThrownBy(() -> c.decrypt(other)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void blindIndexIsDeterministicPerFieldAndKey() {
		var c = cipher(dataKey, indexKey);
		assertThat(c.blindIndex("phone", "13800000001")).isEqualTo(c.blindIndex("phone", "13800000001"))
			.hasSize(64)
			.isNotEqualTo(c.blindIndex("id", "13800000001"))
			.isNotEqualTo(c.blindIndex("phone", "13800000002"))
			.isNotEqualTo(cipher(dataKey, "22".repeat(32)).blindIndex("phone", "13800000001"));
		assertThat(c.blindIndex("phone", null)).isNull();
	}

	@Test
	void missingKeysOutsideDemoModeStopStartupWithAChineseMessage() {
		var props = new CryptoProperties(null, null, null, false, dir.resolve("keys"));
		assertThatThrownBy(() -> new KeyMaterial(props, new MockEnvironment())).hasMessageContaining("缺少密钥");
	}

	@Test
	void demoModeGeneratesKeysOnceAndKeepsThem() {
		var props = new CryptoProperties(null, null, null, true, dir.resolve("keys.properties"));
		var first = new PersonalDataCipher(new KeyMaterial(props, new MockEnvironment()));
		var second = new PersonalDataCipher(new KeyMaterial(props, new MockEnvironment()));
		assertThat(second.decrypt(first.encrypt("张三"))).isEqualTo("张三");
	}


	/** The blind indexes stored in the database must not change: each equals HMAC-SM3 keyed afresh, call after call. */
	@Test
	void blindIndexesEqualAFreshlyKeyedHmacAfterManyCalls() {
		var c = cipher(dataKey, indexKey);
		byte[] key = java.util.HexFormat.of().parseHex(indexKey);
		for (String v : java.util.List.of("13800000001", "43070219850315123X", "", "张三", "13800000001")) {
			var mac = new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SM3Digest());
			mac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
			byte[] in = ("phone:" + v).getBytes(StandardCharsets.UTF_8);
			mac.update(in, 0, in.length);
			byte[] out = new byte[mac.getMacSize()];
			mac.doFinal(out, 0);
			assertThat(c.blindIndex("phone", v)).isEqualTo(java.util.HexFormat.of().formatHex(out));
		}
	}

	/** Data sealed through the JCA provider (as decryption read it before) still opens, and the reverse. */
	@Test
	void decryptsWhatTheJcaProviderSealedAndTheProviderOpensWhatItSeals() throws Exception {
		var c = cipher(dataKey, indexKey);
		var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
		var sm4 = new javax.crypto.spec.SecretKeySpec(java.util.HexFormat.of().parseHex(dataKey), "SM4");
		byte[] nonce = new byte[12];
		nonce[3] = 7;
		var jca = javax.crypto.Cipher.getInstance("SM4/GCM/NoPadding", provider);
		jca.init(javax.crypto.Cipher.ENCRYPT_MODE, sm4, new javax.crypto.spec.GCMParameterSpec(128, nonce));
		byte[] body = jca.doFinal("常德市武陵区".getBytes(StandardCharsets.UTF_8));
		byte[] sealed = new byte[1 + 12 + body.length];
		sealed[0] = 1;
		System.arraycopy(nonce, 0, sealed, 1, 12);
		System.arraycopy(body, 0, sealed, 13, body.length);
		assertThat(c.decrypt(sealed)).isEqualTo("常德市武陵区");
		byte[] ours = c.encrypt("鼎城区");
		jca.init(javax.crypto.Cipher.DECRYPT_MODE, sm4, new javax.crypto.spec.GCMParameterSpec(128, ours, 1, 12));
		assertThat(new String(jca.doFinal(ours, 13, ours.length - 13), StandardCharsets.UTF_8)).isEqualTo("鼎城区");
	}
}
