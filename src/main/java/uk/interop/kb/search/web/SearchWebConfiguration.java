package uk.interop.kb.search.web;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import uk.interop.kb.search.SearchProperties;
import uk.interop.kb.taxonomy.Taxonomy;

/** The search pages' HTTP plumbing: request parsing, and the timing and rate-limit filters on both search URLs. */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration {

	private static final String[] SEARCH_URLS = { "/search", "/api/v1/search" };

	@Bean
	SearchRequestParser searchRequestParser(Taxonomy taxonomy) {
		return new SearchRequestParser(taxonomy);
	}

	@Bean
	FilterRegistrationBean<SearchTimingFilter> searchTiming(MeterRegistry registry) {
		FilterRegistrationBean<SearchTimingFilter> registration = new FilterRegistrationBean<>(
				new SearchTimingFilter(registry));
		registration.addUrlPatterns(SEARCH_URLS);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SearchRateLimitFilter> searchRateLimit(SearchProperties properties, Clock clock) {
		FilterRegistrationBean<SearchRateLimitFilter> registration = new FilterRegistrationBean<>(
				new SearchRateLimitFilter(new SearchRateLimiter(properties.searchesPerMinute(), properties.burst(), clock)));
		registration.addUrlPatterns(SEARCH_URLS);
		return registration;
	}
}
