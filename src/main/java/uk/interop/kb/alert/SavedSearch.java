package uk.interop.kb.alert;

import java.time.Instant;
import java.util.Optional;

/** A saved search: its owner, name, the search page's query string, and its alerts. */
public record SavedSearch(long id, long accountId, String name, String query, Frequency frequency, Instant createdAt,
		Optional<Instant> lastAlertAt, Optional<Instant> nextDueAt) {

	/** The search page for it. */
	public String searchUrl() {
		return "/search" + (query.isEmpty() ? "" : "?" + query);
	}

	public String feedUrl() {
		return "/search.atom" + (query.isEmpty() ? "" : "?" + query);
	}
}
