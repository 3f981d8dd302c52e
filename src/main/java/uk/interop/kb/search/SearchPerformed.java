package uk.interop.kb.search;

/**
 * Someone ran a search from the page or the API (first page only) and this many documents matched:
 * what search insights aggregate. Carries the query text alone, never who asked.
 */
public record SearchPerformed(String query, long total) {
}
