package com.xinfang.identity.web;

import com.xinfang.identity.SmsOutbox;
import com.xinfang.platform.PageController;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the development SMS gateway "sent", for administrators. */
@PageController
class SmsOutboxPage {

	private final SmsOutbox outbox;

	private final boolean developmentGateway;

	SmsOutboxPage(SmsOutbox outbox,
			@Value("${xinfang.sms.gateway:outbox}") String gateway) {
		this.outbox = outbox;
		this.developmentGateway = "outbox".equals(gateway);
	}

	/** Message texts are shown only with the development gateway; in production they stay encrypted. */
	@GetMapping("/admin/sms-outbox")
	String outbox(Model model) {
		model.addAttribute("messages", developmentGateway ? outbox.recent(200) : List.of());
		model.addAttribute("gatewayIsOutbox", developmentGateway);
		return "admin/sms-outbox";
	}

}
