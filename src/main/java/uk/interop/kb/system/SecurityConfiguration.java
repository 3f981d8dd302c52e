package uk.interop.kb.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One filter chain, most specific rules first, ending in deny: a route nobody wrote a rule
 * for is closed. CSRF stays on for every form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.GET, "/", "/search", "/documents/**", "/levels", "/levels/*", "/themes",
					"/themes/*", "/taxonomy", "/taxonomy.ttl", "/taxonomy.jsonld", "/content-health")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/search", "/api/v1/documents/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/webjars/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.requestMatchers("/error").permitAll()
			.anyRequest().denyAll())
			.headers(headers -> headers
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(policy -> policy.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterBefore(new CspNonceFilter(), HeaderWriterFilter.class);
		return http.build();
	}
}
