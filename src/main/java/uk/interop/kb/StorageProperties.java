package uk.interop.kb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where Interop KB keeps things: {@code kb.content-dir} (Markdown sources of truth, with the
 * taxonomy in its {@code taxonomy/} folder), {@code kb.index-dir} (the Lucene index: derived,
 * safe to delete) and {@code kb.data-dir} (the embedded database: not derived, back it up).
 */
@Validated
@ConfigurationProperties("kb")
public record StorageProperties(@NotNull @DefaultValue("content") Path contentDir,
		@NotNull @DefaultValue("index") Path indexDir, @NotNull @DefaultValue("./data") Path dataDir) {

	public Path taxonomyDir() {
		return contentDir.resolve("taxonomy");
	}
}
