package uk.interop.kb.search.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.web.ProblemResponses;

/** 429 with {@code Retry-After} once a client has used up its searches; problem details on the API. */
final class SearchRateLimitFilter extends OncePerRequestFilter {

	private final SearchRateLimiter limiter;

	SearchRateLimitFilter(SearchRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = limiter.secondsToWait(request.getRemoteAddr());
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", Long.toString(wait));
		if (request.getServletPath().startsWith("/api/")) {
			ProblemResponses.write(response, 429, "Too many requests",
					"Too many searches from this address; try again in " + wait + " seconds");
			return;
		}
		response.sendError(429);
	}
}
