package uk.interop.kb.search;

import java.util.List;

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
}
