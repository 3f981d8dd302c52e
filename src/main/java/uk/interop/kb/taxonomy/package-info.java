/**
 * The controlled vocabularies from {@code content/taxonomy}, their search synonyms, and their publication as
 * a SKOS concept scheme. Depends on nothing in the app.
 */
@ApplicationModule(displayName = "Taxonomy", allowedDependencies = { "shared" })
package uk.interop.kb.taxonomy;

import org.springframework.modulith.ApplicationModule;
