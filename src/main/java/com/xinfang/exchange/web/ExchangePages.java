package com.xinfang.exchange.web;

import com.xinfang.exchange.DevReceiver;
import com.xinfang.exchange.Partner;
import com.xinfang.exchange.Partners;
import com.xinfang.exchange.Webhooks;
import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 系统管理 → 合作系统 (partners and credentials), 推送记录 (webhooks with each attempt) and the demo receiver. */
@PageController
class ExchangePages {

	private final Partners partners;

	private final Webhooks webhooks;

	private final DevReceiver receiver;

	ExchangePages(Partners partners, Webhooks webhooks, DevReceiver receiver) {
		this.partners = partners;
		this.webhooks = webhooks;
		this.receiver = receiver;
	}

	@GetMapping("/admin/exchange")
	String partners(Model model) {
		model.addAttribute("partners", partners.list());
		model.addAttribute("kinds", Partner.Kind.values());
		model.addAttribute("permissions", Partner.Permission.values());
		return "exchange/partners";
	}

	@PostMapping("/admin/exchange")
	String register(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String contact, @RequestParam(required = false) String callbackUrl,
			@RequestParam(required = false) List<String> permissions, @RequestParam(required = false) Integer ratePerMinute,
			Actor actor, Model model, RedirectAttributes flash) {
		try {
			var credentials = partners.register(new Partners.Registration(code, name, kind, contact, callbackUrl,
					perms(permissions), ratePerMinute), actor);
			flash.addFlashAttribute("credentials", credentials);
			return "redirect:/admin/exchange";
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("form", new Partners.Registration(code, name, kind, contact, callbackUrl, perms(permissions),
					ratePerMinute));
			return partners(model);
		}
	}

	@PostMapping("/admin/exchange/{code}/rotate")
	String rotate(@PathVariable String code, Actor actor, RedirectAttributes flash) {
		flash.addFlashAttribute("credentials", partners.rotate(code, actor));
		return "redirect:/admin/exchange";
	}

	@PostMapping("/admin/exchange/{code}/revoke")
	String revoke(@PathVariable String code, Actor actor, RedirectAttributes flash) {
		partners.revoke(code, actor);
		flash.addFlashAttribute("notice", "exchange.revoked");
		return "redirect:/admin/exchange";
	}

	@PostMapping("/admin/exchange/{code}/permissions")
	String permissions(@PathVariable String code, @RequestParam(required = false) List<String> permissions,
			@RequestParam(required = false) String callbackUrl, Actor actor, RedirectAttributes flash) {
		try {
			partners.updatePermissions(code, perms(permissions), callbackUrl, actor);
			flash.addFlashAttribute("notice", "exchange.saved");
		}
		catch (DomainException.Invalid ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/exchange";
	}

	@GetMapping("/admin/exchange/outbox")
	String outbox(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("deliveries", webhooks.recent(200, number));
		model.addAttribute("number", number);
		return "exchange/outbox";
	}

	@GetMapping("/admin/exchange/dev-receiver")
	String devReceiver(Model model) {
		model.addAttribute("enabled", receiver.enabled());
		model.addAttribute("received", receiver.enabled() ? receiver.recent(200) : List.of());
		return "exchange/dev-receiver";
	}

	/** Demo mode only: where the demo hotline's webhooks go. */
	@PostMapping("/exchange/dev-receiver/{code}")
	ResponseEntity<String> receive(@PathVariable String code, @RequestBody String body, HttpServletRequest request) {
		if (!receiver.enabled()) {
			return ResponseEntity.notFound().build();
		}
		boolean ok = receiver.receive(code, request.getHeader("X-XinFang-Event-Id"),
				request.getHeader("X-XinFang-Signature"), body);
		return ok ? ResponseEntity.ok("ok") : ResponseEntity.status(401).body("bad signature");
	}

	private static Set<Partner.Permission> perms(List<String> values) {
		Set<Partner.Permission> out = EnumSet.noneOf(Partner.Permission.class);
		if (values != null) {
			for (String v : values) {
				try {
					out.add(Partner.Permission.valueOf(v));
				}
				catch (IllegalArgumentException ignored) {
					// an unknown box is ignored
				}
			}
		}
		return out;
	}

}
