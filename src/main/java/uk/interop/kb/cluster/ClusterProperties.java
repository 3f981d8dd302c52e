package uk.interop.kb.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.cluster.*}: {@code enabled} turns following the change log on (every instance that
 * shares a database must); {@code poll-interval} is how often it looks for new entries.
 */
@Validated
@ConfigurationProperties("kb.cluster")
public record ClusterProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("500ms") @NotNull Duration pollInterval) {
}
