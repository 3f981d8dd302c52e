/**
 * Pages for reading: home, levels, themes, documents, OpenSearch, sitemap and robots.txt. Depends on
 * {@code search} and {@code taxonomy}; nothing depends on it.
 */
package uk.interop.kb.browse;
