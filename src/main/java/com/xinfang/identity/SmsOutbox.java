package com.xinfang.identity;

import java.time.OffsetDateTime;
import java.util.List;

/** What the development gateway has "sent", for the admin page and for tests. */
public interface SmsOutbox {

	List<Message> recent(int limit);

	/** Messages whose masked number matches this phone's (the outbox stores no plain numbers). */
	List<Message> to(String phone, int limit);

	record Message(long id, String phoneMask, String text, OffsetDateTime sentAt) {
	}

}
