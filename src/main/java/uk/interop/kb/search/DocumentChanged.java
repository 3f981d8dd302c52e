package uk.interop.kb.search;

/**
 * A document whose source of truth is the database changed: published, withdrawn, remapped or
 * created. A feature publishes it inside the transaction that makes the change; after the commit
 * the engine re-reads the document from its {@link DocumentSource} and updates the index, and the
 * change log records it for other instances. {@code what} is for people reading the log.
 */
public record DocumentChanged(String documentId, String what) {
}
