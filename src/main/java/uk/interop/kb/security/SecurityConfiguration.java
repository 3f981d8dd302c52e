package uk.interop.kb.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import uk.interop.kb.account.AccountFilters;
import uk.interop.kb.account.BearerTokenFilter;
import uk.interop.kb.account.OrganisationSignIn;

/**
 * One filter chain, most specific rules first, ending in deny: a route nobody wrote a rule for is
 * closed. CSRF stays on for every form. {@code RouteAccessTests} lists every route with the least
 * role that may use it, so a new route without a rule fails the build.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountFilters accountFilters,
			OrganisationSignIn organisations) throws Exception {
		DeniedRequestHandler denied = new DeniedRequestHandler();
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**").hasRole("ADMIN")
			.requestMatchers("/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/problem-book/review", "/problem-book/new", "/problem-book/*/mapping")
			.hasRole("EDITOR")
			.requestMatchers(HttpMethod.POST, "/problem-book", "/problem-book/*/mapping").hasRole("EDITOR")
			.requestMatchers(HttpMethod.GET, "/problem-book", "/problem-book/*", "/api/v1/problem-book/**").permitAll()
			// Reading is open; any method, so HEAD works and other methods get MVC's 405, not a sign-in page.
			.requestMatchers("/", "/search", "/search.atom", "/search.csv", "/search.md", "/documents/**", "/levels",
					"/levels/*", "/themes", "/themes/*", "/taxonomy", "/taxonomy.ttl", "/taxonomy.jsonld",
					"/opensearch.xml", "/sitemap.xml", "/robots.txt", "/accessibility", "/privacy", "/cookies", "/contact")
			.permitAll()
			// Feedback needs no account and holds no personal data; its forms carry the CSRF token like every other.
			.requestMatchers(HttpMethod.GET, "/feedback", "/feedback/sent").permitAll()
			.requestMatchers(HttpMethod.POST, "/feedback", "/feedback/page", "/feedback/page/*").permitAll()
			.requestMatchers("/api/v1/search", "/api/v1/documents/**", "/api/v1/suggest", "/api/v1/taxonomy",
					"/v3/api-docs", "/v3/api-docs/**", "/api")
			.permitAll()
			.requestMatchers("/api/v1/submissions", "/api/v1/submissions/**").hasRole("CONTRIBUTOR")
			// Self-assessment: frameworks are content anyone may read; the rest belongs to members' organisations
			// (checked in the service), and editors get aggregates only.
			.requestMatchers(HttpMethod.GET, "/assessments/frameworks", "/assessments/frameworks/*",
					"/api/v1/assessment-frameworks", "/api/v1/assessment-frameworks/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/assessments/insights").hasRole("EDITOR")
			.requestMatchers("/assessments", "/assessments/**", "/api/v1/assessments", "/api/v1/assessments/**",
					"/api/v1/improvement-actions", "/api/v1/improvement-actions/**")
			.hasRole("MEMBER")
			.requestMatchers("/api/v1/moderation/**").hasRole("EDITOR")
			.requestMatchers(HttpMethod.GET, "/sign-in", "/sign-in/refused", "/forgot-password/sent").permitAll()
			.requestMatchers("/register/*", "/reset/*", "/forgot-password").permitAll()
			// Organisation sign-in: the redirect to the provider and its answer (Spring Security's own filters).
			.requestMatchers(HttpMethod.GET, "/oauth2/authorization/*", "/login/oauth2/code/*").permitAll()
			// One-click unsubscribe: the token in the link is the authority (RFC 8058), no sign-in.
			.requestMatchers("/unsubscribe/*").permitAll()
			// The timeout warning's check: it tells a visitor "not signed in" rather than asking them to sign in.
			.requestMatchers(HttpMethod.GET, "/account/session").permitAll()
			.requestMatchers("/account", "/account/password", "/account/tokens", "/account/tokens/*/revoke",
					"/account/email")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/saved-searches", "/saved-searches/new").authenticated()
			.requestMatchers(HttpMethod.POST, "/saved-searches", "/saved-searches/*/alerts", "/saved-searches/*/delete")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/submissions", "/submissions/new", "/submissions/similar", "/submissions/suggest",
					"/submissions/*", "/submissions/*/edit", "/submissions/*/export.md")
			.hasRole("CONTRIBUTOR")
			.requestMatchers(HttpMethod.POST, "/submissions", "/submissions/import", "/submissions/*",
					"/submissions/*/submit")
			.hasRole("CONTRIBUTOR")
			.requestMatchers(HttpMethod.GET, "/moderation", "/moderation/*").hasRole("EDITOR")
			.requestMatchers(HttpMethod.POST, "/moderation/*/request-changes", "/moderation/*/reject",
					"/moderation/*/publish", "/moderation/*/withdraw")
			.hasRole("EDITOR")
			.requestMatchers(HttpMethod.GET, "/editor", "/content-health", "/search-insights", "/page-feedback")
			.hasRole("EDITOR")
			.requestMatchers("/admin/**").hasRole("ADMIN")
			.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.usernameParameter("username")
				.passwordParameter("password")
				.failureHandler(organisations.passwordFailureHandler())
				.successHandler(RelativeRedirects.afterSignIn())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denied).accessDeniedHandler(denied))
			.headers(headers -> headers
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterBefore(new CspNonceFilter(), HeaderWriterFilter.class)
			.addFilterBefore(accountFilters.throttle(), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(accountFilters.status(), AnonymousAuthenticationFilter.class)
			.addFilterBefore(accountFilters.bearer(), org.springframework.security.web.csrf.CsrfFilter.class)
			// A bearer token is not a cookie: a cross-site page cannot send it, so CSRF does not apply. A one-click
			// unsubscribe comes from the mail provider, not a page of ours; its token is the authority.
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer)
				.ignoringRequestMatchers(request -> "POST".equals(request.getMethod())
						&& request.getServletPath().startsWith("/unsubscribe/")));
		if (organisations.enabled()) {
			http.oauth2Login(login -> login.loginPage("/sign-in")
				.userInfoEndpoint(user -> user.oidcUserService(organisations.userService()))
				.successHandler(organisations.successHandler())
				.failureHandler(organisations.failureHandler()));
		}
		return http.build();
	}
}
