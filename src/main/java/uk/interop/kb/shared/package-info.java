/**
 * The little every feature shares: where things are kept ({@code StorageProperties}, {@code kb.*-dir}) and
 * SHA-256 as hex. Depends on nothing in the app.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
package uk.interop.kb.shared;

import org.springframework.modulith.ApplicationModule;
