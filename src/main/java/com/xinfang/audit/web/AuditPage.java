package com.xinfang.audit.web;

import com.xinfang.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log for administrators, with the result of re-checking the hash chain. */
@Controller
class AuditPage {

	private final AuditLog audit;

	AuditPage(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("entries", audit.recent(300));
		model.addAttribute("brokenAt", audit.verify());
		return "admin/audit";
	}

}
