/**
 * The append-only audit log: who did what, to what, when and from where. Depends on nothing in the app.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {})
package uk.interop.kb.audit;

import org.springframework.modulith.ApplicationModule;
