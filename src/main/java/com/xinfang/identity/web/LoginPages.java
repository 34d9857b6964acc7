package com.xinfang.identity.web;

import com.xinfang.identity.Accounts;
import com.xinfang.identity.Actor;
import com.xinfang.identity.ActorDetails;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login for citizens (phone) and staff (username), and citizen registration with an SMS code. */
@PageController
class LoginPages {

	/** The resend interval of an SMS code (VerificationCodes): the button counts it down. */
	static final long RESEND_SECONDS = 60;

	private final Accounts accounts;

	private final Directory directory;

	LoginPages(Accounts accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@GetMapping("/login")
	String citizenLogin(@RequestParam(required = false) String error, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("loginError", error == null ? null : takeError(session));
		landing(model, request, response);
		return "identity/login";
	}

	/**
	 * Why the citizen is asked to log in: they came to petition (a county's QR code names the county,
	 * which the page repeats), so the page says so instead of a bare 用户登录.
	 */
	private void landing(Model model, HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
		if (saved == null || !saved.getRedirectUrl().contains("/petition/new")) {
			return;
		}
		model.addAttribute("landingPetition", true);
		String[] region = saved.getParameterValues("region");
		if (region != null && region.length > 0 && region[0] != null) {
			directory.region(region[0]).ifPresent(r -> model.addAttribute("landingCounty", r.name()));
		}
	}

	@GetMapping("/console/login")
	String staffLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		model.addAttribute("loginError", error == null ? null : takeError(session));
		return "identity/console-login";
	}

	@GetMapping("/register")
	String registerForm(Model model, HttpServletRequest request, HttpServletResponse response) {
		landing(model, request, response);
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
			model.addAttribute("cooldown", RESEND_SECONDS);
		}
		catch (DomainException.Throttled ex) {
			if (ex.retryAfterSeconds() <= RESEND_SECONDS) {
				// a second tap within the minute: the first code is on its way, not "too many tries"
				model.addAttribute("codeMessage", "验证码已发送，请查看短信；" + ex.retryAfterSeconds() + "秒后可重新获取");
				model.addAttribute("codeOk", true);
				model.addAttribute("cooldown", ex.retryAfterSeconds());
			}
			else {
				model.addAttribute("codeMessage", ex.getMessage());
				model.addAttribute("codeOk", false);
			}
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
			// what was typed stays, the SMS code included (it is valid for 10 minutes); passwords are typed again
			model.addAttribute("form", new Accounts.CitizenRegistration(form.phone(), form.smsCode(), form.name(), form.idNumber(), "", ""));
			model.addAttribute("problems", ex.problems());
			landing(model, request, response);
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
