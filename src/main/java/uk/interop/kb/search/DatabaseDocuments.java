package uk.interop.kb.search;

import java.util.Optional;

/**
 * The one way database documents reach the index: re-read the document from its
 * {@link DocumentSource}s and upsert it, or delete it when no source wants it indexed any more.
 * A database document never replaces, and never deletes, a content file with the same id.
 * Used after each commit ({@link DocumentChanged}) and by the change-log follower.
 */
public interface DatabaseDocuments {

	/** Brings this document's entry in step with its source; returns the write's generation, or -1 if nothing was written. */
	long refresh(String documentId);

	/** Blocks until searches see the write that returned {@code generation} (no-op for -1). */
	void awaitSearchable(long generation);

	/** A value recorded with the index's last commit, such as how far a follower got. */
	Optional<String> checkpoint(String key);

	/** Records {@code value} with the next commit, and commits. */
	void saveCheckpoint(String key, String value);
}
