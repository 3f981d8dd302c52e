package uk.interop.kb.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts an account into this request's session as signed in, with a new session id (no fixation). */
final class SignedInSessions {

	private SignedInSessions() {
	}

	static void start(Account account, HttpServletRequest request, HttpServletResponse response) {
		KbUser user = new KbUser(account, false);
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
	}
}
