/**
 * The problem-book mapping workspace: problem-book entries (from {@code content/problem-book/}
 * through the index, or created by editors and kept in the database), the append-only ledger of
 * mapping decisions linking each entry to handbook levels, the theme-by-level matrix, level
 * suggestions from similar lessons, CSV and JSON exports, and the pages for readers and editors.
 * Everything readers see goes through {@code search.SearchService} with their {@code Audience}, so
 * members-only entries and lessons follow the same access rules as search. Depends on
 * {@code search}, {@code content}, {@code taxonomy}, {@code audit} and {@code account}; nothing in
 * those depends on it ({@code search} reaches its database documents only through the
 * {@code search.DocumentSource} interface).
 */
package uk.interop.kb.problembook;
