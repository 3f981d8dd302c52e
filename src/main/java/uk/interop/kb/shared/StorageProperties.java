package uk.interop.kb.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where Interop KB keeps things: {@code kb.content-dir} (Markdown sources of truth, with the
 * taxonomy in its {@code taxonomy/} folder), {@code kb.index-dir} (the Lucene index in
 * {@code lucene/} and cached embeddings in {@code embeddings/}: derived, safe to delete), {@code kb.data-dir} (the embedded database: not derived, back it up) and
 * {@code kb.backup-dir} (where the running app writes backups when an administrator asks).
 */
@Validated
@ConfigurationProperties("kb")
public record StorageProperties(@NotNull @DefaultValue("content") Path contentDir,
		@NotNull @DefaultValue("index") Path indexDir, @NotNull @DefaultValue("./data") Path dataDir,
		@NotNull @DefaultValue("backups") Path backupDir) {

	public Path taxonomyDir() {
		return contentDir.resolve("taxonomy");
	}

	/** The Lucene index itself, in its own folder so that {@code index/} can hold other derived files (and its README). */
	public Path luceneDir() {
		return indexDir.resolve("lucene");
	}

	/** Cached passage embeddings: derived, safe to delete. */
	public Path embeddingsDir() {
		return indexDir.resolve("embeddings");
	}
}
