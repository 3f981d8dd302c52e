package uk.interop.kb.search.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Times every search as its caller sees it: {@code kb.search}, tagged {@code endpoint=html} or {@code api}. */
final class SearchTimingFilter extends OncePerRequestFilter {

	private final Timer html;
	private final Timer api;

	SearchTimingFilter(MeterRegistry registry) {
		this.html = timer(registry, "html");
		this.api = timer(registry, "api");
	}

	private static Timer timer(MeterRegistry registry, String endpoint) {
		return Timer.builder("kb.search").description("Search requests, from arrival to the last byte")
			.tag("endpoint", endpoint).publishPercentiles(0.5, 0.95, 0.99).register(registry);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			(request.getRequestURI().startsWith("/api/") ? api : html)
				.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
	}
}
