/**
 * Pages for reading: home, levels, themes, documents, OpenSearch, sitemap and robots.txt. Nothing depends on it.
 */
@ApplicationModule(displayName = "Reading pages",
		allowedDependencies = { "content", "search", "search :: web", "taxonomy", "web" })
package uk.interop.kb.browse;

import org.springframework.modulith.ApplicationModule;
