/**
 * The content model: Markdown files with YAML front matter read into {@code Document}s, checked against the
 * taxonomy with line-numbered problems, and rendered once to sanitised HTML.
 */
@ApplicationModule(displayName = "Content", allowedDependencies = { "shared", "taxonomy" })
package uk.interop.kb.content;

import org.springframework.modulith.ApplicationModule;
