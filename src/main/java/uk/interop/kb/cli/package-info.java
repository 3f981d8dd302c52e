/**
 * The command-line face: {@code validate} (documents and assessment frameworks), {@code reindex}, {@code backup},
 * {@code restore}, and the progress bar.
 */
@ApplicationModule(displayName = "Commands", allowedDependencies = { "assessment", "backup", "content", "search", "shared", "taxonomy" })
package uk.interop.kb.cli;

import org.springframework.modulith.ApplicationModule;
