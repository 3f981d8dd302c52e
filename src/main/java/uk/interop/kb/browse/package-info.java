/**
 * Pages for reading: home, levels, themes, documents, OpenSearch, sitemap and robots.txt. A lesson's page shows
 * members how many organisations acted on it ({@code assessment.LessonUptake}). Nothing depends on it.
 */
@ApplicationModule(displayName = "Reading pages",
		allowedDependencies = { "assessment", "content", "search", "search :: web", "taxonomy", "web" })
package uk.interop.kb.browse;

import org.springframework.modulith.ApplicationModule;
