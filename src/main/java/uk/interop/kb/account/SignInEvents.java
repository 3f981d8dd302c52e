package uk.interop.kb.account;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import uk.interop.kb.audit.AuditLog;

/** Counts failures towards lockout and writes every sign-in attempt to the audit log. */
@Component
class SignInEvents {

	private final AccountRepository accounts;
	private final SourceThrottle throttle;
	private final AuditLog audit;
	private final AccountsProperties properties;
	private final Clock clock;

	SignInEvents(AccountRepository accounts, SourceThrottle throttle, AuditLog audit, AccountsProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof KbUser user) {
			accounts.recordSuccess(user.id());
			audit.record(user.getUsername(), "SIGN_IN", user.getUsername(), null, source(event.getAuthentication()));
		}
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = AccountRepository.normalise(event.getAuthentication().getName());
		String source = source(event.getAuthentication());
		if (event.getException() instanceof BadCredentialsException) {
			accounts.recordFailure(username, properties.lockoutThreshold(),
					clock.instant().plus(properties.lockoutDuration()));
			throttle.failed(source);
		}
		audit.record(username, "SIGN_IN_FAILED", username, event.getException().getClass().getSimpleName(), source);
	}

	static String source(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: "unknown";
	}
}
