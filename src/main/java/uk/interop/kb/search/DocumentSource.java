package uk.interop.kb.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import uk.interop.kb.content.SourceDocument;

/**
 * A source of truth for indexed documents besides the content folder: published submissions,
 * problem-book entries created in the app. Its documents carry {@code Origin.DATABASE}; at
 * start-up and after a rebuild the index is brought in step with {@link #documents()}, so a
 * crash between saving and indexing never leaves a published item unsearchable.
 */
public interface DocumentSource {

	/** Every document this source wants in the index now; each hash changes when its content does. */
	List<SourceDocument> documents();

	/**
	 * Id → content hash of every document this source wants indexed now: what a health check compares
	 * with the index. Override it when that can be had without rendering every document.
	 */
	default Map<String, String> contentHashes() {
		Map<String, String> hashes = new LinkedHashMap<>();
		documents().forEach(d -> hashes.put(d.document().id(), d.contentHash()));
		return hashes;
	}

	/** The one document with this id as it should be indexed now; empty if this source does not want it indexed. */
	default Optional<SourceDocument> document(String id) {
		return documents().stream().filter(d -> d.document().id().equals(id)).findFirst();
	}
}
