package com.xinfang.identity;

import com.xinfang.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Development gateway: the message goes to the log (and stays readable on the admin outbox page). */
@Component
@ConditionalOnProperty(name = "xinfang.sms.gateway", havingValue = "outbox", matchIfMissing = true)
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String phone, String text) {
		log.info("[SMS] to {}: {}", Masking.phone(phone), text);
	}

}
