package uk.interop.kb.account;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks a signed-in session against the database on every request: a disabled account, a changed
 * role or password (the session version moves on) or a session past its absolute lifetime is signed
 * out at once. An account that must change its password is sent to do so before anything else.
 */
public final class AccountStatusFilter extends OncePerRequestFilter {

	private static final Set<String> ALLOWED_WHILE_CHANGING = Set.of("/account/password", "/sign-out", "/error");

	private final AccountRepository accounts;
	private final AccountsProperties properties;
	private final Clock clock;

	AccountStatusFilter(AccountRepository accounts, AccountsProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof KbUser user) {
			Optional<Account> account = accounts.findById(user.id());
			HttpSession session = request.getSession(false);
			boolean expired = session != null && clock.millis() - session.getCreationTime() > properties
				.sessionAbsoluteTimeout().toMillis();
			if (account.isEmpty() || !account.get().enabled()
					|| account.get().sessionVersion() != user.sessionVersion() || expired) {
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			else if (account.get().mustChangePassword() && !allowedWhileChanging(request)) {
				response.sendRedirect("/account/password");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean allowedWhileChanging(HttpServletRequest request) {
		String path = request.getServletPath();
		return ALLOWED_WHILE_CHANGING.contains(path) || path.startsWith("/webjars/") || path.startsWith("/assets/")
				|| path.startsWith("/css/") || path.startsWith("/js/");
	}
}
