/**
 * Backups of the database and the index, and restoring them: from the running app (the admin page) or with the
 * app stopped (the command line).
 */
@ApplicationModule(displayName = "Backups", allowedDependencies = { "account", "audit", "search", "shared" })
package uk.interop.kb.backup;

import org.springframework.modulith.ApplicationModule;
