package com.xinfang.identity;

import com.xinfang.platform.InternalNetworks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens, problem+json errors) and the pages
 * (form login, session, CSRF). Least privilege: everything not listed needs a login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * Pages run only the application's own scripts (its static files and webjars): no inline
	 * script, no eval, nothing from another origin. Style attributes stay allowed (the templates
	 * and ECharts' tooltips use them); style sheets come from the application only.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
			// case numbers are in addresses: never sent to another site
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(f -> f.sameOrigin()));
	}

	/**
	 * No tracing observation around each security filter, authentication and authorisation: it
	 * wrapped every filter of every request (a tenth of a registration's CPU in the profile). The
	 * request's own metrics (http.server.requests) are kept.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's strict firewall, its header rule checked without a regular expression ({@link HeaderCharacters}). */
	@Bean
	HttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for new hashes; the id prefix keeps old hashes verifiable after a change.
		var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
	}

	@Bean
	AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, JsonMapper json) throws Exception {
		headers(http);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.requestMatchers("/api/v1/public/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/regions", "/api/v1/units")
				.permitAll()
				.anyRequest()
				.authenticated())
			// Bearer tokens only: the API reads no cookie, so there is nothing to forge.
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(o -> o
				.bearerTokenResolver(new HeaderBearerTokens())
				.jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(SecurityConfiguration::toActor))
				.authenticationEntryPoint((req, res, ex) -> problem(res, json, 401, "未登录", "请先获取访问令牌 (Authorization: Bearer …)")))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, json, 401, "未登录", "请先获取访问令牌 (Authorization: Bearer …)"))
				.accessDeniedHandler((req, res, ex) -> {
					log.warn("refused {} {} for {}", req.getMethod(), req.getRequestURI(),
							CurrentActor.get().map(Actor::label).orElse("anonymous"));
					problem(res, json, 403, "无权操作", "您的角色无权执行此操作");
				}));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
		headers(http);
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/", "/about", "/query", "/query/**", "/login", "/register", "/register/**", "/console/login",
					"/county/**", "/regions/**", "/quiz", "/quiz/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			// scraped by Prometheus from the internal network only (docs/operations.md)
			.requestMatchers("/actuator/prometheus")
			.access((auth, ctx) -> new AuthorizationDecision(
					InternalNetworks.contains(ctx.getRequest().getRemoteAddr())))
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/console/**")
			.hasAuthority("STAFF")
			.requestMatchers("/petition/**", "/my/**")
			.hasAuthority("CITIZEN")
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.loginProcessingUrl("/login")
				.successHandler(successHandler())
				.failureHandler(failureHandler())
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
			.exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
				log.warn("refused {} {} for {}", req.getMethod(), req.getRequestURI(),
						CurrentActor.get().map(Actor::label).orElse("anonymous"));
				res.sendError(403);
			}).authenticationEntryPoint((req, res, ex) -> {
				new HttpSessionRequestCache().saveRequest(req, res);
				res.sendRedirect(req.getContextPath() + (req.getRequestURI().startsWith(req.getContextPath() + "/console")
						|| req.getRequestURI().startsWith(req.getContextPath() + "/admin") ? "/console/login" : "/login"));
			}))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
		return http.build();
	}

	/** Staff land on the console, citizens on their portal, unless a page asked them to log in. */
	private static AuthenticationSuccessHandler successHandler() {
		var cache = new HttpSessionRequestCache();
		return (req, res, auth) -> {
			SavedRequest saved = cache.getRequest(req, res);
			boolean staff = auth.getAuthorities().stream().anyMatch(a -> "STAFF".equals(a.getAuthority()));
			String target = staff ? "/console" : "/my";
			if (saved != null) {
				String url = saved.getRedirectUrl();
				boolean fits = staff ? (url.contains("/console") || url.contains("/admin"))
						: !(url.contains("/console") || url.contains("/admin"));
				if (fits) {
					cache.removeRequest(req, res);
					res.sendRedirect(url);
					return;
				}
			}
			res.sendRedirect(req.getContextPath() + target);
		};
	}

	private static AuthenticationFailureHandler failureHandler() {
		return (req, res, ex) -> {
			String page = "staff".equals(req.getParameter("portal")) ? "/console/login" : "/login";
			String reason = ex instanceof LockedException ? "locked" : "bad";
			req.getSession().setAttribute("LOGIN_ERROR", ex.getMessage());
			res.sendRedirect(req.getContextPath() + page + "?error=" + reason);
		};
	}

	private static AbstractAuthenticationToken toActor(Jwt jwt) {
		return new ActorAuthentication(TokenService.actorFrom(jwt), jwt);
	}

	private static void problem(HttpServletResponse res, JsonMapper json, int status, String title, String detail)
			throws IOException {
		res.setStatus(status);
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		json.writeValue(res.getOutputStream(), Map.of("status", status, "title", title, "detail", detail));
	}

	/** The authentication of an API call: the actor rebuilt from the token's claims. */
	static final class ActorAuthentication extends AbstractAuthenticationToken {

		private final Actor actor;

		private final Jwt jwt;

		ActorAuthentication(Actor actor, Jwt jwt) {
			super(ActorDetails.authorities(actor));
			this.actor = actor;
			this.jwt = jwt;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return jwt;
		}

		@Override
		public Object getPrincipal() {
			return new ActorDetails(actor, "");
		}

	}

}
