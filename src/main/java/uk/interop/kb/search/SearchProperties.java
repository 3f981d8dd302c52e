package uk.interop.kb.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code kb.search.*}. {@code sync-on-start} brings the index in step with {@code content/} before
 * the app serves (off only for the {@code reindex} command, which rebuilds instead).
 * {@code searches-per-minute} and {@code burst} bound each client address's searches, so a flood
 * of expensive queries cannot starve everyone else; generous by default. {@code semantic.*}: see
 * {@link Semantic}.
 */
@Validated
@ConfigurationProperties("kb.search")
public record SearchProperties(@DefaultValue("true") boolean syncOnStart,
		@DefaultValue("600") @Min(1) @Max(1_000_000) int searchesPerMinute,
		@DefaultValue("120") @Min(1) @Max(1_000_000) int burst, @DefaultValue Semantic semantic) {

	/**
	 * {@code kb.search.semantic.enabled}: hybrid retrieval with sentence embeddings (default on). If the
	 * model cannot be loaded the app still starts, searching lexically, and says so in the log and health.
	 * {@code cache-dir}: where passage vectors are cached (default {@code <kb.index-dir>/embeddings}).
	 */
	public record Semantic(@DefaultValue("true") boolean enabled, java.nio.file.Path cacheDir) {
	}
}
