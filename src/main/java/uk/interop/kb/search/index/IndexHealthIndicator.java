package uk.interop.kb.search.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code index} in health. UP once the index is open and in step with its sources. DEGRADED while it
 * serves reads but cannot take writes (its writer failed, its disk is full) or is catching up after a
 * failure: the app still answers searches and pages, and readiness stays up. DOWN when it cannot be
 * read, or before the start-up sync has finished.
 */
public class IndexHealthIndicator implements HealthIndicator {

	/** Reads work, writes are refused (or the index is catching up): see {@code management.endpoint.health.status.order}. */
	public static final Status DEGRADED = new Status("DEGRADED", "reads work; writes are refused or catching up");

	private final SearchIndex index;

	public IndexHealthIndicator(SearchIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		var notReady = index.problem();
		if (notReady.isPresent()) {
			return Health.down().withDetail("reason", notReady.get()).build();
		}
		int documents;
		try {
			documents = index.documentCount();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("reason", "the index cannot be read: " + ex.getMessage()).build();
		}
		return index.degraded()
			.map(reason -> Health.status(DEGRADED).withDetail("reason", reason).withDetail("reads", "served")
				.withDetail("writes", index.writable() ? "catching up" : "refused").withDetail("documents", documents)
				.build())
			.orElseGet(() -> Health.up().withDetail("documents", documents).build());
	}
}
