package uk.interop.kb.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person's {@link SessionTimes} (or null), for the layout's timeout warning. */
@ControllerAdvice
class SessionTimesAdvice {

	private final AccountsProperties properties;
	private final Clock clock;

	SessionTimesAdvice(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@ModelAttribute("sessionTimes")
	SessionTimes sessionTimes(HttpServletRequest request) {
		return SessionTimes.of(request, properties, clock).orElse(null);
	}
}
