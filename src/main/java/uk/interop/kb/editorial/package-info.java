/**
 * The editors' worklist ({@code /content-health}): what needs an editor's attention across the whole library, each
 * row linking to where it is put right. Problems in the content files (as {@code validate} reports them), broken
 * internal links, documents from real sources that cite none, documents due for review (from their
 * {@code review-by} day), lessons and entries with no level or theme, duplicate titles, taxonomy values no document uses, and problem-book entries no
 * lesson bears on. Reads the files ({@code content}), every document through the engine ({@code search}) and the
 * problem book's mappings.
 */
@ApplicationModule(displayName = "Editors' worklist",
		allowedDependencies = { "content", "problembook", "search", "search :: web", "taxonomy" })
package uk.interop.kb.editorial;

import org.springframework.modulith.ApplicationModule;
