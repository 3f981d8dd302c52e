/**
 * Pages for reading: home, levels, themes, documents, OpenSearch, sitemap and robots.txt. A lesson's page shows
 * members how many organisations acted on it ({@code assessment.LessonUptake}), its public history of published
 * changes ({@code submission.DocumentHistory}) and, to contributors, "Suggest a change". Nothing depends on it; the
 * contributor's preview uses its page fragment through the {@code documentPages} bean.
 */
@ApplicationModule(displayName = "Reading pages",
		allowedDependencies = { "assessment", "content", "search", "search :: web", "submission", "taxonomy", "web" })
package uk.interop.kb.browse;

import org.springframework.modulith.ApplicationModule;
