/**
 * Lucene internals: the one {@code IndexWriter} and its near-real-time searchers ({@code SearchIndex}), indexing
 * from files and database sources ({@code ContentIndexer}, {@code DatabaseDocumentIndexer}), the analysis chain,
 * the document mapping, query parsing, spelling, health and recovery. Internal to the {@code search} module.
 */
package uk.interop.kb.search.index;
