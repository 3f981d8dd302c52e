package uk.interop.kb.api;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.web.BoundedBody;
import uk.interop.kb.web.ProblemResponses;

/**
 * API request bodies are JSON of a few kilobytes at most. A declared length over the limit is
 * refused before anything is read; any other body (chunked, or lying about its length) is cut off
 * as it is read, at the same limit, and refused by {@code ApiProblems}. Both answer 413 as problem
 * details. Jackson's own read limits ({@code web.JsonReadLimits}) bound what fits inside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
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
			ProblemResponses.write(response, 413, "Request too large", detail());
			return;
		}
		chain.doFilter(new BoundedBody(request, MAX_BYTES), response);
	}

	static String detail() {
		return "Request bodies must be " + MAX_BYTES / 1024 + " KB or smaller";
	}
}
