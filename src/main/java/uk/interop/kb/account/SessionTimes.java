package uk.interop.kb.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How long the signed-in person's session has left, for the warning before it ends: {@code idleSeconds}, the
 * idle time each request starts again (the container's session timeout), and {@code endsInSeconds}, what is left
 * of the lifetime since sign-in ({@code kb.accounts.session-absolute-timeout}), which nothing extends.
 * {@code warningSeconds} is how long before the earlier of the two the warning appears.
 */
public record SessionTimes(long idleSeconds, long endsInSeconds, long warningSeconds, Duration lifetime) {

	/** The lifetime since sign-in in words: "12 hours", "1 hour", "90 minutes", "25 seconds". */
	public String lifetimeText() {
		return inWords(lifetime);
	}

	/** A duration in its largest whole unit: "12 hours", "2 minutes", "25 seconds". */
	public static String inWords(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600 && seconds % 3600 == 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds >= 60 && seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

	/** The signed-in person's times, or empty for a visitor (or a bearer token, which has no session). */
	static Optional<SessionTimes> of(HttpServletRequest request, AccountsProperties properties, Clock clock) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || authentication == null || !(authentication.getPrincipal() instanceof KbUser)) {
			return Optional.empty();
		}
		long age = Duration.ofMillis(clock.millis() - session.getCreationTime()).toSeconds();
		long endsIn = Math.max(0, properties.sessionAbsoluteTimeout().toSeconds() - age);
		int idle = session.getMaxInactiveInterval();
		// A non-positive interval means the container never ends an idle session: only the lifetime counts.
		return Optional.of(new SessionTimes(idle > 0 ? idle : endsIn, endsIn, properties.sessionWarning().toSeconds(),
				properties.sessionAbsoluteTimeout()));
	}
}
