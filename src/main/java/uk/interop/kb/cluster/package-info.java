/**
 * More than one instance: the change log, to which every {@code search.DocumentChanged} is appended inside the
 * transaction that made the change, and the follower that applies the log to this instance's index through
 * {@code search.DatabaseDocuments}. Features do not use it: they announce changes, and it listens.
 */
@ApplicationModule(displayName = "Cluster", allowedDependencies = { "search" })
package uk.interop.kb.cluster;

import org.springframework.modulith.ApplicationModule;
