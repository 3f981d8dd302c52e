package uk.interop.kb.account;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses sign-in attempts from a source that has failed too often, with the usual message. */
public final class SignInThrottleFilter extends OncePerRequestFilter {

	private final SourceThrottle throttle;

	SignInThrottleFilter(SourceThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath())
				&& throttle.blocked(request.getRemoteAddr())) {
			response.sendRedirect("/sign-in?error");
			return;
		}
		chain.doFilter(request, response);
	}
}
