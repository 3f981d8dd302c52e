/**
 * The content model: Markdown files with YAML front matter read into {@code Document}s, checked against the
 * taxonomy with line-numbered problems, rendered once to sanitised HTML. Depends only on {@code taxonomy}.
 */
package uk.interop.kb.content;
