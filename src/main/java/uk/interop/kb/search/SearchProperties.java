package uk.interop.kb.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.search.*}: {@code sync-on-start} brings the index in step with {@code content/}
 * before the app serves (off only for the {@code reindex} command, which rebuilds instead).
 */
@ConfigurationProperties("kb.search")
public record SearchProperties(@DefaultValue("true") boolean syncOnStart) {
}
