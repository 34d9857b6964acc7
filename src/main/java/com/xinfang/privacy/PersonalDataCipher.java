package com.xinfang.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;

/**
 * SM4-GCM encryption of personal fields and HMAC-SM3 blind indexes over their normalised form.
 * Ciphertext layout: version byte, 12-byte nonce, ciphertext with 16-byte tag.
 */
@Component
public class PersonalDataCipher {

	private static final byte VERSION = 1;

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private final SecretKeySpec key;

	private final byte[] indexKey;

	private final SecureRandom random = new SecureRandom();

	public PersonalDataCipher(KeyMaterial keys) {
		this.key = new SecretKeySpec(keys.dataKey(), 0, 16, "SM4");
		this.indexKey = keys.indexKey();
	}

	public byte[] encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		byte[] in = plain.getBytes(StandardCharsets.UTF_8);
		// BouncyCastle's engine directly: the same SM4-GCM as the JCA provider, without its per-call lookups
		var gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(true, new AEADParameters(new KeyParameter(key.getEncoded()), 128, nonce));
		byte[] out = new byte[1 + nonce.length + gcm.getOutputSize(in.length)];
		out[0] = VERSION;
		System.arraycopy(nonce, 0, out, 1, nonce.length);
		int n = gcm.processBytes(in, 0, in.length, out, 1 + nonce.length);
		try {
			gcm.doFinal(out, 1 + nonce.length + n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("SM4 encryption failed", ex);
		}
		return out;
	}

	public String decrypt(byte[] sealed) {
		if (sealed == null) {
			return null;
		}
		if (sealed.length < 1 + 12 + 16 || sealed[0] != VERSION) {
			throw new IllegalArgumentException("not an XinFang ciphertext");
		}
		try {
			Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 1, 12));
			byte[] plain = cipher.doFinal(sealed, 13, sealed.length - 13);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SM4 decryption failed (wrong key or tampered data)", ex);
		}
	}

	/** Blind index for exact lookup; the field name keeps equal values of different fields apart. */
	public String blindIndex(String field, String normalisedValue) {
		if (normalisedValue == null) {
			return null;
		}
		return hmac(field + ":" + normalisedValue);
	}

	/** A keyed hash for secrets we only compare (query codes). */
	public String keyedHash(String value) {
		return hmac("secret:" + value);
	}

	private String hmac(String input) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(indexKey));
		byte[] in = input.getBytes(StandardCharsets.UTF_8);
		mac.update(in, 0, in.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
