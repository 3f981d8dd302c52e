package uk.interop.kb.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.retention.*}: how long personal data is kept before the daily clean-ups delete it. The privacy
 * notice ({@code /privacy}) states these values, so what it says is what the code does. {@code audit-log}:
 * audit events (who, what, when, from which address); {@code links}: invitation and reset links, counted from
 * when they were used or expired; {@code email}: copies of sent and failed emails (and {@code .eml} files when
 * no mail server is set up); {@code feedback}: answers to "Is this page useful?" and the feedback form. Search
 * counts have their own, {@code kb.insights.retention}. Each must be from 1 day to 10 years.
 */
@Validated
@ConfigurationProperties("kb.retention")
public record RetentionProperties(@DefaultValue("365d") @NotNull Duration auditLog,
		@DefaultValue("7d") @NotNull Duration links, @DefaultValue("90d") @NotNull Duration email,
		@DefaultValue("365d") @NotNull Duration feedback) {

	public RetentionProperties {
		check("audit-log", auditLog);
		check("links", links);
		check("email", email);
		check("feedback", feedback);
	}

	private static void check(String name, Duration period) {
		if (period == null || period.toDays() < 1 || period.toDays() > 3660) {
			throw new IllegalArgumentException("kb.retention." + name + " must be from 1 day to 10 years (3660d); found "
					+ period);
		}
	}

	/** A period in words for the privacy notice: "365 days", "1 day". */
	public static String describe(Duration period) {
		long days = period.toDays();
		return days + (days == 1 ? " day" : " days");
	}
}
