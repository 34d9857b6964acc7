package com.xinfang.privacy;

import com.xinfang.platform.SecretSealer;
import org.springframework.stereotype.Component;

/** SM4-GCM under the data key, for platform stores such as the idempotency answers. */
@Component
class PersonalDataSealer implements SecretSealer {

	private final PersonalDataCipher cipher;

	PersonalDataSealer(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public byte[] seal(String plain) {
		return cipher.encrypt(plain);
	}

	@Override
	public String open(byte[] sealed) {
		return cipher.decrypt(sealed);
	}

}
