package uk.interop.kb.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/** GOV.UK Frontend's CSS refers to its fonts and images under {@code /assets/}: serve them from the WebJar. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration implements WebMvcConfigurer {

	private static String govukFrontendVersion() {
		String version = new WebJarVersionLocator().version("govuk-frontend");
		if (version == null) {
			throw new IllegalStateException("The govuk-frontend WebJar is not on the classpath");
		}
		return version;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + govukFrontendVersion()
					+ "/dist/govuk/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
	}
}
