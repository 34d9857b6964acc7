package com.xinfang.identity.web;

import com.xinfang.identity.SmsOutbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the development SMS gateway "sent", for administrators. */
@Controller
class SmsOutboxPage {

	private final ObjectProvider<SmsOutbox> outbox;

	SmsOutboxPage(ObjectProvider<SmsOutbox> outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/sms-outbox")
	String outbox(Model model) {
		SmsOutbox box = outbox.getIfAvailable();
		model.addAttribute("messages", box == null ? java.util.List.of() : box.recent(200));
		model.addAttribute("gatewayIsOutbox", box != null);
		return "admin/sms-outbox";
	}

}
