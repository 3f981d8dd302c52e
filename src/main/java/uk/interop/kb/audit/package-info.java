/**
 * The audit log: who did what, to what, when and from where. Append-only, except that events past
 * {@code kb.retention.audit-log} are deleted nightly ({@code shared.RetentionProperties}). Also the words people
 * read for each action ({@code AuditActions}).
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = { "shared" })
package uk.interop.kb.audit;

import org.springframework.modulith.ApplicationModule;
