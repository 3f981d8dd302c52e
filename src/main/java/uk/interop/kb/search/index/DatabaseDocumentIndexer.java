package uk.interop.kb.search.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import uk.interop.kb.content.SourceDocument;
import uk.interop.kb.search.DatabaseDocuments;
import uk.interop.kb.search.DocumentChanged;
import uk.interop.kb.search.DocumentSource;

/**
 * The one write path for database documents. After the transaction that changed a document commits,
 * it re-reads the document from its source and upserts or deletes it, then waits until search shows
 * the change, so the person who made it sees it on their next page. The change-log follower uses the
 * same {@link #refresh(String)} for changes made by other instances. If the index write fails, the
 * change is still in the database: the next sync (recovery or start-up) puts it in the index.
 */
public final class DatabaseDocumentIndexer implements DatabaseDocuments {

	private static final Logger log = LoggerFactory.getLogger(DatabaseDocumentIndexer.class);

	/** Striped by id: reading the source and writing the index happen under one lock, so an older read never lands last. */
	private static final int STRIPES = 64;

	private final SearchIndex index;
	private final List<DocumentSource> sources;
	private final Object[] locks = new Object[STRIPES];

	public DatabaseDocumentIndexer(SearchIndex index, List<DocumentSource> sources) {
		this.index = index;
		this.sources = List.copyOf(sources);
		for (int i = 0; i < STRIPES; i++) {
			locks[i] = new Object();
		}
	}

	/** Also runs when published outside a transaction (then at once). */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onChange(DocumentChanged change) {
		awaitSearchable(refresh(change.documentId()));
	}

	@Override
	public long refresh(String documentId) {
		synchronized (locks[Math.floorMod(documentId.hashCode(), STRIPES)]) {
			return refreshLocked(documentId);
		}
	}

	private long refreshLocked(String documentId) {
		for (DocumentSource source : sources) {
			Optional<SourceDocument> document = source.document(documentId);
			if (document.isPresent()) {
				if (index.holdsFile(documentId)) {
					// A file under content/ with the same id (an export committed to git) is the truth.
					log.warn("{} is both a file and a database document; the file stays indexed", documentId);
					return -1;
				}
				return index.upsert(document.get());
			}
		}
		return index.deleteFromDatabase(documentId);
	}

	@Override
	public void awaitSearchable(long generation) {
		if (generation >= 0) {
			index.waitFor(generation);
		}
	}

	@Override
	public Optional<String> checkpoint(String key) {
		return Optional.ofNullable(index.commitData().get(key));
	}

	@Override
	public void saveCheckpoint(String key, String value) {
		index.commit(Map.of(key, value));
	}
}
