package uk.interop.kb.cluster;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.interop.kb.search.DocumentChanged;

/**
 * Appends every {@link DocumentChanged} to the change log while the transaction that made the change
 * is still open (a plain listener runs on the publisher's thread, inside its transaction), so an
 * entry exists exactly when the change does.
 */
@Component
class ChangeLogRecorder {

	private final ChangeLog changes;

	ChangeLogRecorder(ChangeLog changes) {
		this.changes = changes;
	}

	@EventListener
	void record(DocumentChanged change) {
		changes.append(change.documentId(), change.what());
	}
}
