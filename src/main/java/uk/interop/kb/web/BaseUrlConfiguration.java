package uk.interop.kb.web;

import java.net.URI;
import java.util.EnumSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.WebApplicationContext;

import jakarta.servlet.DispatcherType;

/** The app's own address ({@code kb.base-url}, required by the web app) and the filter that makes every request see it. */
@Configuration(proxyBeanMethods = false)
class BaseUrlConfiguration {

	/**
	 * The web app refuses to start without it. The commands ({@code validate}, {@code reindex},
	 * {@code backup}, {@code restore}) build the same beans but serve nothing and write no address, so
	 * they do without.
	 */
	@Bean
	BaseUrl baseUrl(WebProperties properties, ApplicationContext context) {
		return properties.base().map(BaseUrl::new).orElseGet(() -> {
			if (context instanceof WebApplicationContext) {
				throw new IllegalStateException("kb.base-url is not set: set it (or KB_BASE_URL) to the address people "
						+ "use to reach the service, such as https://kb.example.org; see docs/operations.md");
			}
			return new BaseUrl(URI.create("http://localhost"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class Filter {

		@Bean
		FilterRegistrationBean<BaseUrlFilter> baseUrlFilter(BaseUrl baseUrl) {
			FilterRegistrationBean<BaseUrlFilter> registration = new FilterRegistrationBean<>(new BaseUrlFilter(baseUrl));
			registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
			// Right after the request id, before anything (security, MVC, springdoc) can read the Host.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return registration;
		}
	}
}
