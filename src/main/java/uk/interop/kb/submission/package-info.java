/**
 * Contributed lessons and case studies: drafts, revisions, review, publication and withdrawal, with the
 * database as their source of truth. Publishing and withdrawing announce {@code search.DocumentChanged}; the
 * engine indexes after the commit.
 */
@ApplicationModule(displayName = "Contributions",
		allowedDependencies = { "account", "audit", "content", "search :: web", "search", "shared", "taxonomy", "web" })
package uk.interop.kb.submission;

import org.springframework.modulith.ApplicationModule;
