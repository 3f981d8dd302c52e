package uk.interop.kb.support;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.interop.kb.cluster.ChangeLog;
import uk.interop.kb.search.DocumentChanged;
import uk.interop.kb.search.index.DatabaseDocumentIndexer;

/**
 * For services wired by hand in data-layer tests: delivers {@link DocumentChanged} as the app's
 * listeners do — appended to the change log inside the publishing transaction, indexed after it commits
 * (at once when there is no transaction).
 */
public final class AfterCommitEvents implements ApplicationEventPublisher {

	private final ChangeLog changes;
	private final DatabaseDocumentIndexer indexer;

	public AfterCommitEvents(ChangeLog changes, DatabaseDocumentIndexer indexer) {
		this.changes = changes;
		this.indexer = indexer;
	}

	@Override
	public void publishEvent(Object event) {
		if (!(event instanceof DocumentChanged change)) {
			return;
		}
		changes.append(change.documentId(), change.what());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					indexer.onChange(change);
				}
			});
		}
		else {
			indexer.onChange(change);
		}
	}
}
