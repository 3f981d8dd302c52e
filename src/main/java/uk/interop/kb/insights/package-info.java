/**
 * Search insights for editors: searches counted per day and query text (no user, no address), the most
 * frequent and the zero-result queries of the last 30 days, and the retention clean-up. Listens to
 * {@code search.SearchPerformed}. The privacy notice ({@code about}) reads its retention period.
 */
@ApplicationModule(displayName = "Search insights", allowedDependencies = { "search", "search :: web" })
package uk.interop.kb.insights;

import org.springframework.modulith.ApplicationModule;
