package uk.interop.kb.api;

import java.io.IOException;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.web.ProblemResponses;

/** API request bodies are JSON of a few kilobytes at most; anything far larger gets 413 before it is read. */
@Component
class ApiBodyLimitFilter extends OncePerRequestFilter {

	static final long MAX_BYTES = 256 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getServletPath().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			ProblemResponses.write(response, 413, "Request too large",
					"Request bodies must be " + MAX_BYTES / 1024 + " KB or smaller");
			return;
		}
		chain.doFilter(request, response);
	}
}
