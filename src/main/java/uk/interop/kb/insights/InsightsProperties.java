package uk.interop.kb.insights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.insights.*}: {@code retention} is how long the per-day search counts are kept (the privacy
 * notice states it); {@code flush-interval} how often counts gathered in memory are written.
 */
@Validated
@ConfigurationProperties("kb.insights")
public record InsightsProperties(@DefaultValue("30d") @NotNull Duration retention,
		@DefaultValue("60s") @NotNull Duration flushInterval) {

	public InsightsProperties {
		if (retention.toDays() < 1 || retention.toDays() > 366) {
			throw new IllegalArgumentException("kb.insights.retention must be between 1 and 366 days");
		}
	}
}
