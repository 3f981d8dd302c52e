package uk.interop.kb.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.accounts.*}. {@code admin-password} (from {@code KB_ADMIN_PASSWORD}) sets the first
 * administrator's password; {@code demo-password} (from {@code KB_DEMO_PASSWORD}) is required by the
 * {@code demo} profile. Lockout: after {@code lockout-threshold} failures an account is locked for
 * {@code lockout-duration}; a source address that fails {@code source-failure-limit} times in that
 * time is refused too. "Forgot your password?" answers {@code reset-requests-per-source} requests an hour
 * from one address. {@code session-warning}: how long before the session ends the signed-in person is warned
 * (and, for the idle time, offered one button to stay signed in); at least 20 seconds (WCAG 2.2.1).
 */
@Validated
@ConfigurationProperties("kb.accounts")
public record AccountsProperties(@DefaultValue("") String adminPassword, @DefaultValue("") String demoPassword,
		@DefaultValue("5") @Min(2) @Max(100) int lockoutThreshold,
		@DefaultValue("15m") @NotNull Duration lockoutDuration,
		@DefaultValue("30") @Min(5) @Max(10_000) int sourceFailureLimit,
		@DefaultValue("7d") @NotNull Duration invitationLifetime, @DefaultValue("24h") @NotNull Duration resetLifetime,
		@DefaultValue("12h") @NotNull Duration sessionAbsoluteTimeout,
		@DefaultValue("10") @Min(1) @Max(10_000_000) int resetRequestsPerSource,
		@DefaultValue("2m") @NotNull Duration sessionWarning) {

	public AccountsProperties {
		if (sessionWarning != null && sessionWarning.toSeconds() < 20) {
			// WCAG 2.2.1: a warning gives at least 20 seconds to extend the time.
			throw new IllegalArgumentException("kb.accounts.session-warning must be at least 20 seconds, not "
					+ sessionWarning);
		}
	}
}
