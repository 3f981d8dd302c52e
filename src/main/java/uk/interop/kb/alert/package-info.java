/**
 * Saved searches and their alerts. A signed-in person saves any search (keywords and filters, as the
 * search page shows them) with a name; "Your saved searches" lists each with its current result count, a
 * link to run it and its Atom feed. Alerts (off, within minutes, daily, weekly) email the documents that
 * are new or changed since the last alert and match, found through the engine's {@code DocumentListing}
 * with the subscriber's audience at sending time; each saved search records which documents, at which
 * content hash, it has already told of. Messages go through {@code notification.Outbox}.
 */
@ApplicationModule(displayName = "Saved searches",
		allowedDependencies = { "account", "content", "notification", "search", "search :: web", "shared", "web" })
package uk.interop.kb.alert;

import org.springframework.modulith.ApplicationModule;
