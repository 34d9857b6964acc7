package com.xinfang.identity.web;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.ActorDetails;
import com.xinfang.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login for citizens (phone) and staff (username), and citizen registration with an SMS code. */
@Controller
class LoginPages {

	private final Accounts accounts;

	LoginPages(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String citizenLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		model.addAttribute("loginError", error == null ? null : takeError(session));
		return "identity/login";
	}

	@GetMapping("/console/login")
	String staffLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		model.addAttribute("loginError", error == null ? null : takeError(session));
		return "identity/console-login";
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new Accounts.CitizenRegistration("", "", "", "", "", ""));
		return "identity/register";
	}

	/** htmx: sends the SMS code and answers with a one-line status. */
	@PostMapping("/register/code")
	String sendCode(@RequestParam String phone, Model model) {
		try {
			accounts.sendRegistrationCode(phone);
			model.addAttribute("codeMessage", "验证码已发送，10分钟内有效");
			model.addAttribute("codeOk", true);
		}
		catch (DomainException ex) {
			model.addAttribute("codeMessage", ex.getMessage());
			model.addAttribute("codeOk", false);
		}
		return "identity/register :: codeStatus";
	}

	@PostMapping("/register")
	String register(Accounts.CitizenRegistration form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Actor actor;
		try {
			actor = accounts.registerCitizen(form);
		}
		catch (DomainException.Invalid ex) {
			model.addAttribute("form", new Accounts.CitizenRegistration(form.phone(), "", form.name(), form.idNumber(), "", ""));
			model.addAttribute("problems", ex.problems());
			return "identity/register";
		}
		// Log the new citizen in (a fresh session id: no fixation) and continue where they were going.
		request.changeSessionId();
		var details = new ActorDetails(actor, "");
		var auth = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
		return "redirect:" + (saved != null && !saved.getRedirectUrl().contains("/console") ? saved.getRedirectUrl() : "/my?welcome");
	}

	private static String takeError(HttpSession session) {
		Object message = session.getAttribute("LOGIN_ERROR");
		session.removeAttribute("LOGIN_ERROR");
		return message == null ? "账号或密码错误" : message.toString();
	}

}
