package uk.interop.kb.account;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.interop.kb.web.ProblemResponses;

/**
 * {@code Authorization: Bearer kb_…} on an API request signs that one request in as the token's
 * owner (no session is created). A bad token is refused outright with 401, never downgraded to anonymous.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokenService tokens;

	BearerTokenFilter(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	/** Requests carrying a bearer token: the security chain exempts them from CSRF (no cookie is involved). */
	public static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getServletPath().startsWith("/api/") || !hasBearer(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<KbUser> user = tokens.authenticate(request.getHeader("Authorization").substring(7).strip());
		if (user.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(response, 401, "Invalid token",
					"The token is unknown, expired or revoked, or its account is disabled");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
				user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
