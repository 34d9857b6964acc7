package com.xinfang.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * SM4-GCM encryption of personal fields and HMAC-SM3 blind indexes over their normalised form.
 * Ciphertext layout: version byte, 12-byte nonce, ciphertext with 16-byte tag.
 */
@Component
public class PersonalDataCipher {

	private static final byte VERSION = 1;

	private final byte[] key;

	private final byte[] indexKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * An HMAC-SM3 keyed once per thread (HMac is mutable): keying it hashes two blocks, half of a
	 * blind index's cost, and a registration computes three or more.
	 */
	private final ThreadLocal<HMac> macs;

	public PersonalDataCipher(KeyMaterial keys) {
		this.key = new SecretKeySpec(keys.dataKey(), 0, 16, "SM4").getEncoded();
		this.indexKey = keys.indexKey();
		this.macs = ThreadLocal.withInitial(() -> {
			HMac mac = new HMac(new SM3Digest());
			mac.init(new KeyParameter(indexKey));
			return mac;
		});
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
		gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
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
		// BouncyCastle's engine directly, as encrypt: the JCA lookup of the cipher was most of a decryption
		var gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(false, new AEADParameters(new KeyParameter(key), 128, Arrays.copyOfRange(sealed, 1, 13)));
		byte[] plain = new byte[gcm.getOutputSize(sealed.length - 13)];
		try {
			int n = gcm.processBytes(sealed, 13, sealed.length - 13, plain, 0);
			n += gcm.doFinal(plain, n);
			return new String(plain, 0, n, StandardCharsets.UTF_8);
		}
		catch (InvalidCipherTextException ex) {
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
		HMac mac = macs.get();
		mac.reset(); // back to the keyed state (doFinal does so too; this guards against an interrupted use)
		byte[] in = input.getBytes(StandardCharsets.UTF_8);
		mac.update(in, 0, in.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}
