package uk.interop.kb.search.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code index} in health: UP once the index is open and in step with its sources; DOWN with the reason otherwise. */
public class IndexHealthIndicator implements HealthIndicator {

	private final SearchIndex index;

	public IndexHealthIndicator(SearchIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		return index.problem().map(problem -> Health.down().withDetail("reason", problem).build())
			.orElseGet(() -> Health.up().withDetail("documents", index.documentCount()).build());
	}
}
