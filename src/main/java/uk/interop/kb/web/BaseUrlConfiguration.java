package uk.interop.kb.web;

import java.util.EnumSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;

/** The web app's own address ({@code kb.base-url}, required) and the filter that makes every request see it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class BaseUrlConfiguration {

	@Bean
	BaseUrl baseUrl(WebProperties properties) {
		return new BaseUrl(properties.base().orElseThrow(() -> new IllegalStateException(
				"kb.base-url is not set: set it (or KB_BASE_URL) to the address people use to reach the service, "
						+ "such as https://kb.example.org; see docs/operations.md")));
	}

	@Bean
	FilterRegistrationBean<BaseUrlFilter> baseUrlFilter(BaseUrl baseUrl) {
		FilterRegistrationBean<BaseUrlFilter> registration = new FilterRegistrationBean<>(new BaseUrlFilter(baseUrl));
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		// Right after the request id, before anything (security, MVC, springdoc) can read the Host.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}
}
