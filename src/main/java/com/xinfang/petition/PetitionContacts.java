package com.xinfang.petition;

import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How to reach a matter's petitioner, for notification only (never shown on a page). */
@Service
public class PetitionContacts {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	PetitionContacts(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Transactional(readOnly = true)
	public Optional<String> mobileOfFirstPetitioner(String number) {
		return jdbc.sql("SELECT x.phone_enc FROM petitioner x JOIN petition p ON p.id = x.petition_id WHERE p.number = ? "
				+ "AND x.phone_enc IS NOT NULL ORDER BY x.seq LIMIT 1")
			.param(number)
			.query(byte[].class)
			.optional()
			.map(cipher::decrypt)
			.filter(phone -> MobilePhone.problem(phone).isEmpty());
	}

}
