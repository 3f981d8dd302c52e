/**
 * Everything Lucene: the one index writer and its near-real-time searchers, indexing from files and from
 * {@code DocumentSource}s, faceted search with the access filter inside every query, snippets, suggestions,
 * related documents, feeds and exports, and the search page. Depends on {@code content} and {@code taxonomy}.
 */
package uk.interop.kb.search;
