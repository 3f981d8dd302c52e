/**
 * The search engine. This package is its public face: {@code FacetedSearch} (results, facet counts, snippets,
 * spelling), {@code DocumentListing}, {@code RelatedDocuments}, {@code Completions}, the shared
 * {@code AccessFilter}, the request and result types, {@code DocumentSource} (how features offer database
 * documents), {@code DocumentChanged} (how they announce a change), and {@code IndexMaintenance} for the
 * operators' tools. {@code index} holds the Lucene internals (the one writer, analysis, mapping, queries) and
 * is closed to other modules; neither has Spring MVC or servlet imports. {@code web} (a named interface) holds
 * the search pages, feeds and exports, and the request parsing and links other pages use.
 */
@ApplicationModule(displayName = "Search", allowedDependencies = { "account", "content", "shared", "taxonomy", "web" })
package uk.interop.kb.search;

import org.springframework.modulith.ApplicationModule;
