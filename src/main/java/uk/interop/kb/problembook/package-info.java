/**
 * The problem-book mapping workspace: problem-book entries (from {@code content/problem-book/}
 * through the index, or created by editors and kept in the database), the append-only ledger of
 * mapping decisions linking each entry to handbook levels, the theme-by-level matrix, level
 * suggestions from similar lessons, CSV and JSON exports, and the pages for readers and editors.
 * Everything readers see goes through the search engine with their {@code Audience}, so
 * members-only entries and lessons follow the same access rules as search. The engine reaches its
 * database documents only through the {@code search.DocumentSource} interface, and learns of changes
 * from {@code search.DocumentChanged} events.
 */
@ApplicationModule(displayName = "Problem book",
		allowedDependencies = { "account", "audit", "content", "search :: web", "search", "shared", "taxonomy", "web" })
package uk.interop.kb.problembook;

import org.springframework.modulith.ApplicationModule;
